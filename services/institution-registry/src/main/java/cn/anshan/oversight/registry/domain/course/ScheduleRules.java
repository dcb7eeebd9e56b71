package cn.anshan.oversight.registry.domain.course;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a session must meet (TIM-01 to TIM-04, and REG-12 where configured); every broken rule
 * is reported. Times are wall-clock times in Asia/Shanghai and {@code end} is after {@code start}.
 */
public final class ScheduleRules {
  private ScheduleRules() {}

  /** The calendars the rules read: statutory working days and the local school vacations. */
  public record Calendars(WorkingDayCalendar workingDays, SchoolVacations vacations) {}

  public static List<RuleViolation> check(
      Course course,
      LocalDateTime start,
      LocalDateTime end,
      List<CourseSession> sameDay,
      Calendars calendars,
      ScheduleLimits limits) {
    List<RuleViolation> violations = new ArrayList<>();
    if (limits.materialsRequired() && course.materialsFiled() == 0) {
      violations.add(
          new RuleViolation(
              "REG-12",
              "teaching materials are filed with the approver before the course is taught; this"
                  + " course has filed none"));
    }
    if (course.category() == Category.SUBJECT) {
      checkForbiddenDays(start.toLocalDate(), calendars, violations);
    }
    if (course.mode() == Mode.ONLINE) {
      checkOnline(start, end, sameDay, limits, violations);
    } else {
      checkLatestEnd("TIM-03", "offline", start, end, limits.offlineLatestEnd(), violations);
    }
    if (course.compulsoryEducation()) {
      checkSchoolHours(start, end, calendars, limits, violations);
    }
    return violations;
  }

  /**
   * TIM-01: no subject-type training on statutory holidays, rest days (weekends that are not
   * make-up working days, 调休) or winter/summer vacations.
   */
  private static void checkForbiddenDays(
      LocalDate date, Calendars calendars, List<RuleViolation> out) {
    if (!calendars.workingDays().covers(date.getYear())) {
      out.add(
          new RuleViolation(
              "TIM-01",
              "no working-day calendar for %d, so %s cannot be checked for holidays and rest days"
                  .formatted(date.getYear(), date)));
    } else if (calendars.workingDays().isStatutoryHoliday(date)) {
      out.add(
          new RuleViolation(
              "TIM-01", "%s is a statutory holiday: no subject-type training".formatted(date)));
    } else if (calendars.workingDays().isRestDay(date)) {
      out.add(
          new RuleViolation(
              "TIM-01",
              "%s is a rest day (%s, not a make-up working day): no subject-type training"
                  .formatted(date, date.getDayOfWeek())));
    }
    if (!calendars.vacations().covers(date.getYear())) {
      out.add(
          new RuleViolation(
              "TIM-01",
              "no school-vacation calendar for %d, so %s cannot be checked for vacations"
                  .formatted(date.getYear(), date)));
    } else {
      calendars
          .vacations()
          .vacationOn(date)
          .ifPresent(
              v ->
                  out.add(
                      new RuleViolation(
                          "TIM-01",
                          "%s is in the %s (%s to %s): no subject-type training"
                              .formatted(date, v.name(), v.from(), v.to()))));
    }
  }

  /** TIM-02: each online class hour at most 30 min, breaks of at least 10 min, end by 21:00. */
  private static void checkOnline(
      LocalDateTime start,
      LocalDateTime end,
      List<CourseSession> sameDay,
      ScheduleLimits limits,
      List<RuleViolation> out) {
    long minutes = Duration.between(start, end).toMinutes();
    if (minutes > limits.onlineMaxLessonMinutes()) {
      out.add(
          new RuleViolation(
              "TIM-02",
              "an online class hour lasts at most %d minutes; this session lasts %d"
                  .formatted(limits.onlineMaxLessonMinutes(), minutes)));
    }
    checkLatestEnd("TIM-02", "online", start, end, limits.onlineLatestEnd(), out);
    for (CourseSession other : sameDay) {
      long gap =
          start.isBefore(other.startsAt())
              ? Duration.between(end, other.startsAt()).toMinutes()
              : Duration.between(other.endsAt(), start).toMinutes();
      if (gap < limits.onlineMinBreakMinutes()) {
        out.add(
            new RuleViolation(
                "TIM-02",
                "online sessions need a break of at least %d minutes; the session %s to %s leaves %s"
                    .formatted(
                        limits.onlineMinBreakMinutes(),
                        other.startsAt().toLocalTime(),
                        other.endsAt().toLocalTime(),
                        gap < 0 ? "none (they overlap)" : gap + " minutes")));
      }
    }
  }

  private static void checkLatestEnd(
      String rule,
      String mode,
      LocalDateTime start,
      LocalDateTime end,
      LocalTime latestEnd,
      List<RuleViolation> out) {
    if (!end.isAfter(start.toLocalDate().atTime(latestEnd))) {
      return;
    }
    out.add(
        new RuleViolation(
            rule,
            "%s training ends no later than %s; this session ends %s"
                .formatted(
                    mode,
                    latestEnd,
                    end.toLocalDate().equals(start.toLocalDate())
                        ? "at " + end.toLocalTime()
                        : "on the next day")));
  }

  /**
   * TIM-04: training for compulsory-education students may not clash with school teaching hours on
   * school days (working days outside the vacations).
   */
  private static void checkSchoolHours(
      LocalDateTime start,
      LocalDateTime end,
      Calendars calendars,
      ScheduleLimits limits,
      List<RuleViolation> out) {
    LocalDate date = start.toLocalDate();
    if (!calendars.workingDays().covers(date.getYear())
        || !calendars.vacations().covers(date.getYear())) {
      out.add(
          new RuleViolation(
              "TIM-04",
              "no calendar for %d, so school hours on %s cannot be checked"
                  .formatted(date.getYear(), date)));
      return;
    }
    boolean schoolDay =
        calendars.workingDays().isWorkingDay(date)
            && calendars.vacations().vacationOn(date).isEmpty();
    LocalDateTime schoolStart = date.atTime(limits.schoolDayStart());
    LocalDateTime schoolEnd = date.atTime(limits.schoolDayEnd());
    if (schoolDay && start.isBefore(schoolEnd) && end.isAfter(schoolStart)) {
      out.add(
          new RuleViolation(
              "TIM-04",
              "%s is a school day and school teaches %s to %s; training for compulsory-education"
                      .formatted(date, limits.schoolDayStart(), limits.schoolDayEnd())
                  + " students may not overlap it"));
    }
  }
}
