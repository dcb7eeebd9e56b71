package cn.anshan.oversight.kit.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Issue 18 item 6: calendars a rule depends on cannot run out without readiness saying so. */
class CalendarRunwayTest {
  static final LocalDate TODAY = LocalDate.parse("2026-12-03");

  private static Map<String, Object> data(HealthCheckResponse r) {
    assertEquals(HealthCheckResponse.Status.UP, r.getStatus(), "a calendar never stops service");
    return r.getData().orElseThrow();
  }

  @Test
  void coveredUntilTheEndOfTheUnbrokenRunOfYears() {
    assertEquals(
        Optional.of(LocalDate.parse("2027-12-31")),
        CalendarRunway.coveredUntil(Set.of(2025, 2026, 2027)::contains, TODAY));
    assertEquals(
        Optional.of(LocalDate.parse("2026-12-31")),
        CalendarRunway.coveredUntil(Set.of(2026, 2028)::contains, TODAY));
    assertEquals(Optional.empty(), CalendarRunway.coveredUntil(Set.of(2027)::contains, TODAY));
  }

  @Test
  void warnsSixtyDaysAheadAndWhenThereIsNoDataAtAll() {
    Map<String, Object> far =
        data(
            CalendarRunway.check("c", Optional.of(LocalDate.parse("2027-02-01")), TODAY, "add it"));
    assertEquals(60L, far.get("daysLeft"));
    assertFalse(far.containsKey("warning"));
    Map<String, Object> near =
        data(
            CalendarRunway.check("c", Optional.of(LocalDate.parse("2027-01-31")), TODAY, "add it"));
    assertEquals(59L, near.get("daysLeft"));
    assertEquals("covered only until 2027-01-31: add it", near.get("warning"));
    assertEquals(
        "no data for 2026: add it",
        data(CalendarRunway.check("c", Optional.empty(), TODAY, "add it")).get("warning"));
  }

  @Test
  void theWorkingDayCalendarWarnsOfAProvisionalYearAhead() {
    WorkingDayCalendar calendar =
        new WorkingDayCalendar(
            Map.of(
                2026, new WorkingDayCalendar.Year(2026, Set.of(), Set.of(), false),
                2027, new WorkingDayCalendar.Year(2027, Set.of(), Set.of(), true)));
    OversightClock clock = new OversightClock();
    WorkingDayCalendarHealth health = new WorkingDayCalendarHealth(calendar, clock);
    clock.freezeAt(Instant.parse("2026-06-01T04:00:00Z"));
    Map<String, Object> june = data(health.call());
    assertEquals("2027-12-31", june.get("until"));
    assertFalse(june.containsKey("warning"), june.toString());
    clock.freezeAt(Instant.parse("2026-12-03T04:00:00Z"));
    String december = (String) data(health.call()).get("warning");
    assertTrue(december.startsWith("2027 holds the statutory holidays only"), december);
  }
}
