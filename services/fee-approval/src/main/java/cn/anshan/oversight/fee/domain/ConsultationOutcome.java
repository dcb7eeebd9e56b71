package cn.anshan.oversight.fee.domain;

/** Whether the parents agreed to the proposed fee (家长自愿, LN-ASV-06). */
public enum ConsultationOutcome {
  AGREED,
  NOT_AGREED
}
