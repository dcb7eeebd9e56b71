package cn.anshan.oversight.escrow.domain.entitlement;

/** SUBJECT (学科类) or NON_SUBJECT (非学科类), as the registry reports it. */
public enum Category {
  SUBJECT,
  NON_SUBJECT
}
