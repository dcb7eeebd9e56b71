package cn.anshan.oversight.registry.domain.advertising;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdvertisingRulesTest {
  static final LocalDate TODAY = LocalDate.of(2026, 9, 16);

  @Test
  void adv01AConfirmationExactlyAtTheWindowEdgeCounts() {
    LocalDate edge = TODAY.minusDays(365);
    assertEquals(edge, AdvertisingRules.windowStart(TODAY, 365));
    int count = AdvertisingRules.confirmationsInWindow(List.of(edge, TODAY), TODAY, 365);
    assertEquals(2, count);
    assertTrue(AdvertisingRules.repeatOffence(count, 2));
  }

  @Test
  void adv01AConfirmationOneDayOutsideTheWindowDoesNotCount() {
    LocalDate outside = TODAY.minusDays(366);
    int count = AdvertisingRules.confirmationsInWindow(List.of(outside, TODAY), TODAY, 365);
    assertEquals(1, count);
    assertFalse(AdvertisingRules.repeatOffence(count, 2));
  }

  @Test
  void adv01RepeatOffenceStartsAtTheThreshold() {
    assertFalse(AdvertisingRules.repeatOffence(1, 2));
    assertTrue(AdvertisingRules.repeatOffence(2, 2));
    assertTrue(AdvertisingRules.repeatOffence(3, 2));
  }

  @Test
  void adv01ConfirmationsAfterTodayAreNotCounted() {
    assertEquals(
        1, AdvertisingRules.confirmationsInWindow(List.of(TODAY, TODAY.plusDays(1)), TODAY, 365));
  }

  @Test
  void adv01AReportIsDecidedOnce() {
    AdReport report =
        new AdReport(
            "i-1",
            "tiedong",
            AdChannel.SCHOOL_ITEMS,
            "logo on exercise books",
            "admin-1",
            "school-admin",
            Instant.parse("2026-09-16T02:00:00Z"));
    report.decide(
        AdReportStatus.CONFIRMED, null, "reg-1", Instant.parse("2026-09-16T03:00:00Z"), TODAY);
    assertEquals(TODAY, report.decidedOn());
    ProblemException twice =
        assertThrows(
            ProblemException.class,
            () ->
                report.decide(
                    AdReportStatus.DISMISSED,
                    "no",
                    "reg-1",
                    Instant.parse("2026-09-16T04:00:00Z"),
                    TODAY));
    assertEquals(409, twice.problem().status());
    assertTrue(twice.problem().type().endsWith("ad-report-decided"), twice.problem().type());
  }
}
