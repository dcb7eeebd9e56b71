package cn.anshan.oversight.fee.domain;

/** LN-ASV-06: the two departments that submit a fee jointly to the city government. */
public enum Department {
  /** The education bureau (role regulator). */
  EDUCATION,
  /** The pricing department (role pricing-officer). */
  PRICING
}
