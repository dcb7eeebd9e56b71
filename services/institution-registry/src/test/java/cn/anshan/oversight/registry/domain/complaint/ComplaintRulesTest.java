package cn.anshan.oversight.registry.domain.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.time.AnswerPeriod;
import cn.anshan.oversight.kit.time.CalendarProducer;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComplaintRulesTest {
  static final WorkingDayCalendar CALENDAR =
      CalendarProducer.load(List.of(2026), new ObjectMapper());

  @Test
  void plt04DeadlineSkipsMidAutumnAndNationalDayHolidays() {
    // Filed on Fri 2026-09-25 (中秋节): Mon 28, Tue 29, Wed 30, then 1-7 Oct off, Thu 8, Fri 9.
    assertEquals(
        LocalDate.of(2026, 10, 9),
        ComplaintRules.answerDueBy(new AnswerPeriod(CALENDAR, 5), LocalDate.of(2026, 9, 25)));
  }

  @Test
  void plt04DeadlineCountsMakeUpWorkingDays() {
    // Sat 2026-10-10 is a make-up working day (调休), so the sixth working day is a Saturday.
    assertEquals(
        LocalDate.of(2026, 10, 10),
        ComplaintRules.answerDueBy(new AnswerPeriod(CALENDAR, 6), LocalDate.of(2026, 9, 25)));
    // Sun 2026-09-20 is a make-up working day: Fri 18, Sun 20, Mon 21, Tue 22, Wed 23.
    assertEquals(
        LocalDate.of(2026, 9, 23),
        ComplaintRules.answerDueBy(new AnswerPeriod(CALENDAR, 5), LocalDate.of(2026, 9, 17)));
  }

  @Test
  void plt04AnsweringOnTheLastDayIsInTimeTheDayAfterIsOverdue() {
    LocalDate due = LocalDate.of(2026, 10, 9);
    assertFalse(ComplaintRules.answerOverdue(ComplaintStatus.FILED, due, due));
    assertTrue(ComplaintRules.answerOverdue(ComplaintStatus.FILED, due, due.plusDays(1)));
  }

  @Test
  void plt04AnsweredOrClosedComplaintsAreNeverOverdue() {
    LocalDate due = LocalDate.of(2026, 10, 9);
    assertFalse(ComplaintRules.answerOverdue(ComplaintStatus.ANSWERED, due, due.plusDays(30)));
    assertFalse(ComplaintRules.answerOverdue(ComplaintStatus.CLOSED, due, due.plusDays(30)));
  }

  @Test
  void plt03AdComplaintsAreRoutedToTheMarketRegulatorOthersStay() {
    assertEquals(
        Optional.of(Agency.MARKET_REGULATOR), ComplaintRules.routeFor(ComplaintCategory.AD));
    for (ComplaintCategory category : ComplaintCategory.values()) {
      if (category != ComplaintCategory.AD) {
        assertEquals(Optional.empty(), ComplaintRules.routeFor(category), category.name());
      }
    }
  }

  @Test
  void plt03FilingRecordsTheRoute() {
    Complaint ad =
        new Complaint(
            "i-1",
            "tiedong",
            ComplaintCategory.AD,
            "flyers at the school gate",
            "parent-1",
            Instant.parse("2026-09-25T02:00:00Z"),
            LocalDate.of(2026, 10, 9));
    assertEquals(Agency.MARKET_REGULATOR, ad.routedTo());
    Complaint fee =
        new Complaint(
            "i-1",
            "tiedong",
            ComplaintCategory.FEE,
            "charged twice",
            "parent-1",
            Instant.parse("2026-09-25T02:00:00Z"),
            LocalDate.of(2026, 10, 9));
    assertNull(fee.routedTo());
  }
}
