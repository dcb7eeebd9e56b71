package cn.anshan.oversight.registry.domain;

/** Subject-type (学科类) or non-subject-type (非学科类) training (REG-01, REG-02). */
public enum Category {
  SUBJECT,
  NON_SUBJECT
}
