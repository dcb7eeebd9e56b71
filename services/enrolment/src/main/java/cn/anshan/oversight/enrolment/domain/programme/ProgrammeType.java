package cn.anshan.oversight.enrolment.domain.programme;

/**
 * AFTER_SCHOOL is the school-day "5+2" service (ASV-02); SATURDAY, HOLIDAY and SUMMER custody
 * follow the same voluntary and fee rules without the 5+2 timetable (ASV-07, §11 row 21).
 */
public enum ProgrammeType {
  AFTER_SCHOOL,
  SATURDAY,
  HOLIDAY,
  SUMMER
}
