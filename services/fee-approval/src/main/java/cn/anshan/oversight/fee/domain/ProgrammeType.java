package cn.anshan.oversight.fee.domain;

/**
 * Weekday after-school service or custody on Saturdays, holidays or in summer (§11 rows 19, 21).
 */
public enum ProgrammeType {
  AFTER_SCHOOL,
  SATURDAY,
  HOLIDAY,
  SUMMER
}
