package cn.anshan.oversight.enrolment.domain.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.anshan.oversight.enrolment.domain.family.Child;
import cn.anshan.oversight.enrolment.domain.programme.Activity;
import cn.anshan.oversight.enrolment.domain.programme.ActivityKind;
import cn.anshan.oversight.enrolment.domain.programme.Billing;
import cn.anshan.oversight.enrolment.domain.programme.Programme;
import cn.anshan.oversight.enrolment.domain.programme.ProgrammeForm;
import cn.anshan.oversight.enrolment.domain.programme.ProgrammeType;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The enrolment's decisions as plain calls (ASV-05, ASV-04 (2)): each returns the events it made or
 * refuses, naming the rule, and a refusal changes nothing.
 */
class EnrolmentDecisionTest {
  static final Instant NOW = Instant.parse("2026-09-07T02:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 9, 7);

  static final Programme PROGRAMME =
      new Programme(
          "school-1",
          "tiedong",
          new ProgrammeForm(
              ProgrammeType.AFTER_SCHOOL,
              "2026-autumn",
              LocalDate.of(2026, 9, 1),
              LocalDate.of(2027, 1, 15),
              EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
              LocalTime.of(15, 30),
              LocalTime.of(17, 0),
              List.of(3, 4),
              List.of(new Activity("homework", ActivityKind.HOMEWORK_SUPPORT, null)),
              Billing.MONTHLY),
          "admin-1",
          NOW);

  static Decision<Enrolment> enrolled(Child child) {
    return new EnrolmentApplication("parent-1", child.id(), PROGRAMME.id(), null, null)
        .decide(new EnrolmentApplication.Facts(child, PROGRAMME, 0), false, TODAY, NOW);
  }

  @Test
  @DisplayName("ASV-05: a confirmed enrolment comes with its application and confirmation events")
  void asv05TheDecisionReturnsTheEnrolmentAndItsTwoEvents() {
    Decision<Enrolment> enrolled = enrolled(new Child("parent-1", "school-1", 3, NOW));
    Enrolment enrolment = enrolled.aggregate();
    assertEquals(EnrolmentStatus.ENROLLED, enrolment.status());
    assertEquals(TODAY, enrolment.startDate(), "no start asked: today, inside the term");
    assertEquals(
        List.of("AsvApplicationSubmitted.v1", "AsvEnrolmentConfirmed.v1"),
        enrolled.events().stream().map(e -> e.name()).toList());
    assertEquals(0, enrolment.version(), "no version is counted before an event is recorded");
    assertEquals(1, enrolment.record(enrolled.events().get(0)).aggregateVersion());
    assertEquals(2, enrolment.record(enrolled.events().get(1)).aggregateVersion());
  }

  @Test
  @DisplayName("ASV-05: a programme not offered to the child's grade is refused")
  void asv05AProgrammeNotOfferedToTheGradeIsRefused() {
    Child sixthGrader = new Child("parent-1", "school-1", 6, NOW);
    ProblemException e = assertThrows(ProblemException.class, () -> enrolled(sixthGrader));
    assertEquals("ASV-05", e.problem().violations().get(0).rule());
  }

  @Test
  @DisplayName(
      "ASV-04 (2): withdrawal returns its event once; a past date or a second one changes nothing")
  void asv04WithdrawalReturnsItsEventOnce() {
    Enrolment enrolment = enrolled(new Child("parent-1", "school-1", 4, NOW)).aggregate();
    ProblemException past =
        assertThrows(
            ProblemException.class, () -> enrolment.withdraw(TODAY.minusDays(1), TODAY, NOW));
    assertEquals(400, past.problem().status());
    assertEquals(EnrolmentStatus.ENROLLED, enrolment.status());
    assertNull(enrolment.withdrawnAt());

    assertEquals("AsvWithdrawn.v1", enrolment.withdraw(TODAY, TODAY, NOW).name());
    assertEquals(EnrolmentStatus.WITHDRAWN, enrolment.status());
    ProblemException again =
        assertThrows(ProblemException.class, () -> enrolment.withdraw(TODAY, TODAY, NOW));
    assertEquals(409, again.problem().status());
    assertEquals(TODAY, enrolment.withdrawalEffective());
  }
}
