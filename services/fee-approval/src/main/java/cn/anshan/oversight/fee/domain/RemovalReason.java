package cn.anshan.oversight.fee.domain;

/** Why a representative left the school's parent committee (LN-ASV-06 家长自愿). */
public enum RemovalReason {
  /** The representative stepped down. */
  RESIGNED,
  /** A majority of the other sitting representatives removed them. */
  COMMITTEE_MAJORITY
}
