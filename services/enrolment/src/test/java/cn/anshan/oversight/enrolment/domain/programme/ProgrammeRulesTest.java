package cn.anshan.oversight.enrolment.domain.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.problem.RuleViolation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The "5+2" validator (ASV-01, ASV-02, LN-ASV-02) and the scope rules (ASV-04, ASV-07). */
class ProgrammeRulesTest {
  static final AsvLimits LIMITS =
      new AsvLimits(
          5,
          2,
          LocalTime.of(17, 0),
          Map.of(1, LocalTime.of(17, 30), 6, LocalTime.of(17, 30), 7, LocalTime.of(18, 0)));
  static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
  static final List<Activity> HOMEWORK =
      List.of(new Activity("homework", ActivityKind.HOMEWORK_SUPPORT, null));

  static ProgrammeForm afterSchool(
      Set<DayOfWeek> days, LocalTime start, LocalTime end, List<Integer> grades) {
    return form(ProgrammeType.AFTER_SCHOOL, days, start, end, grades, HOMEWORK);
  }

  static ProgrammeForm form(
      ProgrammeType type,
      Set<DayOfWeek> days,
      LocalTime start,
      LocalTime end,
      List<Integer> grades,
      List<Activity> activities) {
    return new ProgrammeForm(
        type,
        "2026-autumn",
        LocalDate.of(2026, 9, 1),
        LocalDate.of(2027, 1, 15),
        days,
        start,
        end,
        grades,
        activities,
        Billing.MONTHLY);
  }

  static List<String> rules(ProgrammeForm form) {
    return ProgrammeRules.violations(form, LIMITS).stream().map(RuleViolation::rule).toList();
  }

  @Test
  @DisplayName("ASV-02: five weekdays of exactly two hours ending at 17:30 is a valid 5+2 plan")
  void asv02ExactlyTwoHoursFiveDaysIsValid() {
    assertEquals(
        List.of(),
        rules(afterSchool(WEEKDAYS, LocalTime.of(15, 30), LocalTime.of(17, 30), List.of(3))));
  }

  @Test
  @DisplayName("ASV-02: 1 h 59 min a day is one minute short")
  void asv02OneHourFiftyNineIsTooShort() {
    List<RuleViolation> found =
        ProgrammeRules.violations(
            afterSchool(WEEKDAYS, LocalTime.of(15, 31), LocalTime.of(17, 30), List.of(3)), LIMITS);
    assertEquals(List.of("ASV-02"), found.stream().map(RuleViolation::rule).toList());
    assertTrue(found.get(0).detail().contains("119 minutes"), found.get(0).detail());
  }

  @Test
  @DisplayName("ASV-01: ending one minute before the off-work time is refused")
  void asv01EndingOneMinuteBeforeOffWork() {
    assertEquals(
        List.of("ASV-01"),
        rules(afterSchool(WEEKDAYS, LocalTime.of(14, 0), LocalTime.of(16, 59), List.of(3))));
    assertEquals(
        List.of(),
        rules(afterSchool(WEEKDAYS, LocalTime.of(14, 0), LocalTime.of(17, 0), List.of(3))));
  }

  @Test
  @DisplayName("ASV-02: four days a week are not 5+2")
  void asv02FourDaysAreNotEnough() {
    Set<DayOfWeek> fourDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
    assertEquals(
        List.of("ASV-02"),
        rules(afterSchool(fourDays, LocalTime.of(15, 30), LocalTime.of(17, 30), List.of(3))));
  }

  @Test
  @DisplayName("ASV-04: weekend days do not count as school days of after-school service")
  void asv04WeekendDaysDoNotCount() {
    Set<DayOfWeek> days =
        EnumSet.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.SATURDAY);
    assertEquals(
        List.of("ASV-04", "ASV-02"),
        rules(afterSchool(days, LocalTime.of(15, 30), LocalTime.of(17, 30), List.of(3))));
  }

  @Test
  @DisplayName("LN-ASV-02: the earliest latest end of the programme's grades applies")
  void lnAsv02LatestEndOfTheYoungestGrade() {
    ProgrammeForm mixed =
        afterSchool(WEEKDAYS, LocalTime.of(16, 0), LocalTime.of(18, 0), List.of(6, 7));
    assertEquals(List.of("LN-ASV-02"), rules(mixed));
    ProgrammeForm juniors =
        afterSchool(WEEKDAYS, LocalTime.of(16, 0), LocalTime.of(18, 0), List.of(7));
    assertEquals(List.of(), rules(juniors));
    ProgrammeForm noMaximum =
        afterSchool(WEEKDAYS, LocalTime.of(17, 0), LocalTime.of(19, 30), List.of(9));
    assertEquals(List.of(), rules(noMaximum), "grade 9 has no configured maximum here");
  }

  @Test
  @DisplayName("ASV-04: early arrival, lunch and evening self-study are not after-school service")
  void asv04OutOfScopeActivities() {
    List<Activity> activities =
        List.of(
            new Activity("homework", ActivityKind.HOMEWORK_SUPPORT, null),
            new Activity("morning care", ActivityKind.EARLY_ARRIVAL, null),
            new Activity("nap", ActivityKind.LUNCH_SUPERVISION, null),
            new Activity("evening study", ActivityKind.EVENING_SELF_STUDY, null),
            new Activity("new maths chapter", ActivityKind.NEW_LESSON, null));
    assertEquals(
        List.of("ASV-04", "ASV-04", "ASV-04", "ASV-04"),
        rules(
            form(
                ProgrammeType.AFTER_SCHOOL,
                WEEKDAYS,
                LocalTime.of(15, 30),
                LocalTime.of(17, 30),
                List.of(3),
                activities)));
  }

  @Test
  @DisplayName("ASV-07: custody programmes skip 5+2 but keep voluntary scope and no lessons")
  void asv07CustodyProgrammes() {
    ProgrammeForm summer =
        form(
            ProgrammeType.SUMMER,
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY),
            LocalTime.of(8, 30),
            LocalTime.of(11, 30),
            List.of(3),
            List.of(new Activity("supervised reading", ActivityKind.SUPERVISION, null)));
    assertEquals(List.of(), rules(summer));
    ProgrammeForm tutoring =
        form(
            ProgrammeType.SUMMER,
            EnumSet.of(DayOfWeek.MONDAY),
            LocalTime.of(8, 30),
            LocalTime.of(9, 30),
            List.of(3),
            List.of(new Activity("group tutoring", ActivityKind.GROUP_TUTORING, null)));
    assertEquals(List.of("ASV-07"), rules(tutoring));
    ProgrammeForm saturdayOnMonday =
        form(
            ProgrammeType.SATURDAY,
            EnumSet.of(DayOfWeek.MONDAY),
            LocalTime.of(8, 30),
            LocalTime.of(11, 30),
            List.of(3),
            HOMEWORK);
    assertEquals(List.of("ASV-07"), rules(saturdayOnMonday));
  }
}
