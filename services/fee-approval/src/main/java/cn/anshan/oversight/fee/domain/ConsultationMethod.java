package cn.anshan.oversight.fee.domain;

/** LN-ASV-06: fees are agreed with parents through the parent committee or a public hearing. */
public enum ConsultationMethod {
  PARENT_COMMITTEE,
  HEARING
}
