package cn.anshan.oversight.escrow.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** CON-06: two full-refund windows, checked on both sides of each boundary. */
class CoolingOffTest {
  static final ZoneId ANSHAN = ZoneId.of("Asia/Shanghai");
  // Class starts 2026-05-11 00:00 in Anshan = 2026-05-10T16:00Z; 3 days before, 24 hours after.
  static final CoolingOff WINDOWS = CoolingOff.of(LocalDate.parse("2026-05-11"), 3, 24, ANSHAN);

  @Test
  void con06TheBeforeClassWindowOpensTheAgreedDaysBeforeTheStart() {
    assertEquals(Instant.parse("2026-05-07T16:00:00Z"), WINDOWS.beforeClassOpens());
    assertFalse(WINDOWS.covers(Instant.parse("2026-05-07T15:59:59Z")), "a second too early");
    assertTrue(WINDOWS.beforeClass(Instant.parse("2026-05-07T16:00:00Z")), "opens on the dot");
    assertTrue(WINDOWS.beforeClass(Instant.parse("2026-05-10T15:59:59Z")), "until the start");
    assertFalse(WINDOWS.beforeClass(Instant.parse("2026-05-10T16:00:00Z")), "class started");
  }

  @Test
  void con06TheAfterClassWindowRunsTheAgreedHoursFromTheStart() {
    assertEquals(Instant.parse("2026-05-10T16:00:00Z"), WINDOWS.classStarts());
    assertTrue(WINDOWS.afterClassStarted(Instant.parse("2026-05-10T16:00:00Z")), "at the start");
    assertTrue(WINDOWS.covers(Instant.parse("2026-05-11T16:00:00Z")), "24 hours on, included");
    assertFalse(WINDOWS.covers(Instant.parse("2026-05-11T16:00:01Z")), "a second too late");
  }

  @Test
  void con06BothRightsHoldTogetherNotMergedIntoOneShortenedWindow() {
    // The old arithmetic (start − 3 days + 24 h) closed the right two days before the class.
    assertTrue(WINDOWS.covers(Instant.parse("2026-05-09T12:00:00Z")), "a day before class");
    assertTrue(WINDOWS.covers(Instant.parse("2026-05-11T08:00:00Z")), "16 hours after start");
  }

  @Test
  void con06ZeroAgreedDaysLeaveOnlyTheAfterClassWindow() {
    CoolingOff afterOnly = CoolingOff.of(LocalDate.parse("2026-05-11"), 0, 24, ANSHAN);
    assertFalse(afterOnly.covers(Instant.parse("2026-05-10T15:59:59Z")), "before the start");
    assertTrue(afterOnly.covers(Instant.parse("2026-05-10T16:00:00Z")));
    CoolingOff none = CoolingOff.of(LocalDate.parse("2026-05-11"), 0, 0, ANSHAN);
    assertFalse(none.covers(Instant.parse("2026-05-10T16:00:01Z")));
  }
}
