package cn.anshan.oversight.fee.domain;

/** A parent representative's vote on the proposed fee (家长自愿, LN-ASV-06). */
public enum Vote {
  FOR,
  AGAINST,
  ABSTAIN
}
