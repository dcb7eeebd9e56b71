package cn.anshan.oversight.enrolment.domain.charge;

/** Why part of a charge comes back (§8.3, LN-ASV-06). */
public enum RefundReason {
  /** The guardian withdrew; the unused part is refunded at the configured granularity. */
  WITHDRAWAL,
  /**
   * The school granted an exemption (LN-ASV-06: disabled, extreme poverty, …); it applies to the
   * whole term in which it is granted, so what was charged for that term comes back in full.
   */
  EXEMPTION
}
