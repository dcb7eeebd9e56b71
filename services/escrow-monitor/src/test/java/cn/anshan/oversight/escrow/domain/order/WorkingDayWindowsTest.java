package cn.anshan.oversight.escrow.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.escrow.domain.entitlement.HeldSession;
import cn.anshan.oversight.kit.time.CalendarProducer;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The working-day windows of REL-02 (auto-confirmation) and REL-05 (refund acceptance). */
class WorkingDayWindowsTest {
  static final WorkingDayCalendar CALENDAR =
      CalendarProducer.load(List.of(2026), new ObjectMapper());
  static final Instant NOW = Instant.parse("2026-04-28T02:00:00Z");

  @Test
  @DisplayName("REL-02: 15 working days across the Labour Day holiday, then auto-confirmed")
  void rel02AutoConfirmAcrossHoliday() {
    LocalDate requested = LocalDate.parse("2026-04-28");
    LocalDate last = CALENDAR.plusWorkingDays(requested, 15);
    // 05-01..05-05 are holidays, Saturday 05-09 is a make-up working day.
    assertEquals(LocalDate.parse("2026-05-21"), last);
    HeldSession held =
        new HeldSession(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "i",
            NOW,
            NOW,
            requested.atTime(8, 0),
            requested.atTime(9, 0));
    Consumption c = new Consumption(UUID.randomUUID(), "i", "f", 1, held, "course", NOW, last);
    assertFalse(c.autoConfirmDue(LocalDate.parse("2026-05-21")));
    assertTrue(c.autoConfirmDue(LocalDate.parse("2026-05-22")));
    c.disputed("not held", NOW);
    assertFalse(c.autoConfirmDue(LocalDate.parse("2026-06-30")), "REL-07: a dispute blocks");
  }

  @Test
  @DisplayName("REL-05: the institution's 5 working days across the Dragon Boat holiday")
  void rel05RefundAutoAcceptance() {
    LocalDate requested = LocalDate.parse("2026-06-15");
    LocalDate last = CALENDAR.plusWorkingDays(requested, 5);
    assertEquals(LocalDate.parse("2026-06-23"), last);
    Refund refund =
        new Refund(UUID.randomUUID(), "i", "f", RefundCause.PARENT, false, null, NOW, last);
    assertFalse(refund.autoAcceptDue(LocalDate.parse("2026-06-23")));
    assertTrue(refund.autoAcceptDue(LocalDate.parse("2026-06-24")));
    refund.escalated();
    assertFalse(refund.autoAcceptDue(LocalDate.parse("2026-06-24")));
  }
}
