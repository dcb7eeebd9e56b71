package cn.anshan.oversight.registry.domain.inspection;

/**
 * INS-01 periodic full coverage, INS-02 random sample (双随机一公开), INS-03 yearly random audit of
 * prepayment handling.
 */
public enum InspectionType {
  FULL_COVERAGE,
  RANDOM_SAMPLE,
  PREPAYMENT_AUDIT
}
