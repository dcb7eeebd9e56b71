package cn.anshan.oversight.kit.time;

import java.time.LocalDate;

/**
 * The configured working days someone has to answer, holidays skipped: a parent a lesson (REL-02,
 * REL-03), an institution a refund (REL-05, silence after the last day counts as yes) or a parent's
 * complaint (PLT-04, silence is reported).
 */
public record AnswerPeriod(WorkingDayCalendar calendar, int workingDays) {

  /** The last day to answer what was asked on {@code askedOn} (that day itself not counted). */
  public LocalDate lastDayFrom(LocalDate askedOn) {
    return calendar.plusWorkingDays(askedOn, workingDays);
  }
}
