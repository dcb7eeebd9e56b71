package cn.anshan.oversight.registry.domain.complaint;

/** What a parent complains about (§11 row 14). */
public enum ComplaintCategory {
  FEE,
  REFUND,
  SAFETY,
  /** Training advertising (ADV-01); handled by the market regulator. */
  AD,
  /** Subject-type training disguised as non-subject (ENF-03). */
  SUBJECT_DISGUISED,
  OTHER
}
