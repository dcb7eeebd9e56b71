package cn.anshan.oversight.system.story;

import java.time.LocalDate;
import java.time.Month;

/**
 * The school term the story's after-school programme and fee belong to: the one around the
 * services' today, so the story works whichever day it runs — the autumn term from 1 September to
 * the end of January, otherwise the spring term from 1 February, stretched to the end of August so
 * a run in the summer holiday still has a term to charge.
 */
record SchoolTerm(String id, LocalDate start, LocalDate end) {

  static SchoolTerm around(LocalDate today) {
    if (today.getMonthValue() >= Month.SEPTEMBER.getValue()) {
      return autumn(today.getYear());
    }
    if (today.getMonth() == Month.JANUARY) {
      return autumn(today.getYear() - 1);
    }
    int year = today.getYear();
    return new SchoolTerm(year + "-spring", LocalDate.of(year, 2, 1), LocalDate.of(year, 8, 31));
  }

  private static SchoolTerm autumn(int year) {
    return new SchoolTerm(
        year + "-autumn", LocalDate.of(year, 9, 1), LocalDate.of(year + 1, 1, 31));
  }
}
