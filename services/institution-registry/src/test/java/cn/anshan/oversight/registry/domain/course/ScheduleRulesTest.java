package cn.anshan.oversight.registry.domain.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.kit.time.CalendarProducer;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * TIM-01 to TIM-04 on plain objects, with the kit's 2026 working-day calendar and the assumed 2026
 * school vacations (winter to 1 March, summer 11 July to 30 August).
 */
class ScheduleRulesTest {
  static final ScheduleRules.Calendars CALENDARS =
      new ScheduleRules.Calendars(
          CalendarProducer.load(List.of(2026), new ObjectMapper()),
          new SchoolVacations(
              Map.of(
                  2026,
                  List.of(
                      new SchoolVacations.Vacation(
                          "winter vacation", LocalDate.of(2026, 1, 17), LocalDate.of(2026, 3, 1)),
                      new SchoolVacations.Vacation(
                          "summer vacation",
                          LocalDate.of(2026, 7, 11),
                          LocalDate.of(2026, 8, 30))))));

  /** A Wednesday in term. */
  static final LocalDate SCHOOL_DAY = LocalDate.of(2026, 3, 4);

  static Course course(Category category, Mode mode, boolean compulsory, int minutes) {
    Provider provider = new Provider("inst", "tiedong", category, mode, compulsory);
    CourseForm form =
        new CourseForm(
            "course",
            category,
            category == Category.SUBJECT ? Subject.MATHEMATICS : null,
            mode,
            minutes,
            20,
            2000,
            category == Category.SUBJECT ? null : CourseRulesTest.NON_SUBJECT,
            null);
    return Course.filed(provider, form, "op", Instant.parse("2026-03-01T00:00:00Z"));
  }

  static final Course SUBJECT_OFFLINE = course(Category.SUBJECT, Mode.OFFLINE, true, 45);
  static final Course ART_OFFLINE_ADULTS = course(Category.NON_SUBJECT, Mode.OFFLINE, false, 60);
  static final Course ART_ONLINE_ADULTS = course(Category.NON_SUBJECT, Mode.ONLINE, false, 30);

  static List<String> rules(Course course, LocalDate date, String from, String to) {
    return rules(course, date, from, to, List.of());
  }

  static List<String> rules(
      Course course, LocalDate date, String from, String to, List<CourseSession> sameDay) {
    return violations(course, date, from, to, sameDay).stream().map(RuleViolation::rule).toList();
  }

  static List<RuleViolation> violations(
      Course course, LocalDate date, String from, String to, List<CourseSession> sameDay) {
    return ScheduleRules.check(
        course,
        date.atTime(LocalTime.parse(from)),
        date.atTime(LocalTime.parse(to)),
        sameDay,
        CALENDARS,
        CourseRulesTest.LIMITS);
  }

  static List<CourseSession> sessions(Course course, LocalDate date, String... fromTo) {
    List<CourseSession> out = new ArrayList<>();
    for (int i = 0; i < fromTo.length; i += 2) {
      out.add(
          course.schedule(
              date.atTime(LocalTime.parse(fromTo[i])),
              date.atTime(LocalTime.parse(fromTo[i + 1])),
              "op",
              Instant.parse("2026-03-01T00:00:00Z")));
    }
    return out;
  }

  @Test
  void tim01SubjectSessionOnASchoolDayEveningIsAllowed() {
    assertEquals(List.of(), rules(SUBJECT_OFFLINE, SCHOOL_DAY, "18:00", "18:45"));
  }

  @Test
  void tim01SubjectSessionOnAWeekendIsRefused() {
    List<RuleViolation> refused =
        violations(SUBJECT_OFFLINE, LocalDate.of(2026, 3, 7), "09:00", "09:45", List.of());
    assertEquals(List.of("TIM-01"), refused.stream().map(RuleViolation::rule).toList());
    assertTrue(refused.get(0).detail().contains("rest day"), refused.get(0).detail());
  }

  @Test
  void tim01SubjectSessionOnAMakeUpWorkingSaturdayIsAllowed() {
    // 2026-05-09 is a Saturday worked in exchange for the May Day holiday (调休).
    assertEquals(List.of(), rules(SUBJECT_OFFLINE, LocalDate.of(2026, 5, 9), "18:00", "18:45"));
  }

  @Test
  void tim01SubjectSessionOnAStatutoryHolidayIsRefused() {
    // 2026-10-02 is a Friday inside the National Day holiday.
    List<RuleViolation> refused =
        violations(SUBJECT_OFFLINE, LocalDate.of(2026, 10, 2), "18:00", "18:45", List.of());
    assertEquals(List.of("TIM-01"), refused.stream().map(RuleViolation::rule).toList());
    assertTrue(refused.get(0).detail().contains("statutory holiday"), refused.get(0).detail());
  }

  @Test
  void tim01SubjectSessionInTheSummerVacationIsRefused() {
    List<RuleViolation> refused =
        violations(SUBJECT_OFFLINE, LocalDate.of(2026, 8, 3), "18:00", "18:45", List.of());
    assertEquals(List.of("TIM-01"), refused.stream().map(RuleViolation::rule).toList());
    assertTrue(refused.get(0).detail().contains("summer vacation"), refused.get(0).detail());
    // The day after the vacation is a Monday in term again.
    assertEquals(List.of(), rules(SUBJECT_OFFLINE, LocalDate.of(2026, 8, 31), "18:00", "18:45"));
  }

  @Test
  void tim01AYearWithoutCalendarDataIsRefusedNotGuessed() {
    assertEquals(
        List.of("TIM-01", "TIM-01", "TIM-04"),
        rules(SUBJECT_OFFLINE, LocalDate.of(2027, 3, 3), "18:00", "18:45"));
  }

  @Test
  void tim01NonSubjectTrainingMayRunOnWeekendsAndHolidays() {
    assertEquals(List.of(), rules(ART_OFFLINE_ADULTS, LocalDate.of(2026, 10, 2), "09:00", "10:00"));
  }

  @Test
  void tim03OfflineEndsAtTwentyThirtyNotAMinuteLater() {
    assertEquals(List.of(), rules(ART_OFFLINE_ADULTS, SCHOOL_DAY, "19:30", "20:30"));
    assertEquals(List.of("TIM-03"), rules(ART_OFFLINE_ADULTS, SCHOOL_DAY, "19:31", "20:31"));
  }

  @Test
  void tim02OnlineEndsAtTwentyOneNotAMinuteLater() {
    assertEquals(List.of(), rules(ART_ONLINE_ADULTS, SCHOOL_DAY, "20:30", "21:00"));
    assertEquals(List.of("TIM-02"), rules(ART_ONLINE_ADULTS, SCHOOL_DAY, "20:31", "21:01"));
  }

  @Test
  void tim02OnlineLessonOfThirtyMinutesIsAllowedThirtyOneRefused() {
    assertEquals(List.of(), rules(ART_ONLINE_ADULTS, SCHOOL_DAY, "19:00", "19:30"));
    assertEquals(List.of("TIM-02"), rules(ART_ONLINE_ADULTS, SCHOOL_DAY, "19:00", "19:31"));
  }

  @Test
  void tim02OnlineBreakOfTenMinutesIsAllowedNineRefused() {
    Course course = course(Category.NON_SUBJECT, Mode.ONLINE, false, 30);
    List<CourseSession> day = sessions(course, SCHOOL_DAY, "18:00", "18:30", "19:10", "19:40");
    // After 18:30 and before 19:10: exactly 10 minutes on both sides.
    assertEquals(List.of(), rules(course, SCHOOL_DAY, "18:40", "19:00", day));
    assertEquals(List.of("TIM-02"), rules(course, SCHOOL_DAY, "18:39", "18:59", day));
    assertEquals(List.of("TIM-02"), rules(course, SCHOOL_DAY, "18:41", "19:01", day));
    assertEquals(List.of("TIM-02"), rules(course, SCHOOL_DAY, "18:15", "18:45", day.subList(0, 1)));
  }

  @Test
  void tim02BreaksAreNotRequiredOfOfflineTraining() {
    Course course = course(Category.NON_SUBJECT, Mode.OFFLINE, false, 30);
    List<CourseSession> day = sessions(course, SCHOOL_DAY, "18:00", "18:30");
    assertEquals(List.of(), rules(course, SCHOOL_DAY, "18:30", "19:00", day));
  }

  @Test
  void tim02AndTim03ASessionRunningPastMidnightIsRefused() {
    List<RuleViolation> refused =
        ScheduleRules.check(
            ART_OFFLINE_ADULTS,
            SCHOOL_DAY.atTime(23, 30),
            SCHOOL_DAY.plusDays(1).atTime(0, 30),
            List.of(),
            CALENDARS,
            CourseRulesTest.LIMITS);
    assertEquals(List.of("TIM-03"), refused.stream().map(RuleViolation::rule).toList());
    assertTrue(refused.get(0).detail().contains("next day"));
  }

  @Test
  void tim04CompulsoryEducationTrainingMayNotOverlapSchoolHours() {
    Course forPupils = course(Category.NON_SUBJECT, Mode.OFFLINE, true, 60);
    assertEquals(List.of("TIM-04"), rules(forPupils, SCHOOL_DAY, "16:00", "17:00"));
    assertEquals(List.of("TIM-04"), rules(forPupils, SCHOOL_DAY, "07:30", "08:01"));
    assertEquals(List.of(), rules(forPupils, SCHOOL_DAY, "16:30", "17:30"));
    assertEquals(List.of(), rules(forPupils, SCHOOL_DAY, "07:00", "08:00"));
  }

  @Test
  void tim04SchoolHoursAreFreeOnWeekendsHolidaysAndVacations() {
    Course forPupils = course(Category.NON_SUBJECT, Mode.OFFLINE, true, 60);
    assertEquals(List.of(), rules(forPupils, LocalDate.of(2026, 3, 7), "10:00", "11:00"));
    assertEquals(List.of(), rules(forPupils, LocalDate.of(2026, 10, 2), "10:00", "11:00"));
    assertEquals(List.of(), rules(forPupils, LocalDate.of(2026, 8, 3), "10:00", "11:00"));
    // A make-up working Saturday is a school day.
    assertEquals(List.of("TIM-04"), rules(forPupils, LocalDate.of(2026, 5, 9), "10:00", "11:00"));
  }

  @Test
  void tim04DoesNotApplyToInstitutionsWithoutCompulsoryEducationStudents() {
    assertEquals(List.of(), rules(ART_OFFLINE_ADULTS, SCHOOL_DAY, "10:00", "11:00"));
  }

  @Test
  void everyBrokenRuleIsReported() {
    Course onlineSubject = course(Category.SUBJECT, Mode.ONLINE, true, 30);
    assertEquals(
        List.of("TIM-01", "TIM-02", "TIM-02"),
        rules(onlineSubject, LocalDate.of(2026, 3, 7), "20:45", "21:20"));
  }
}
