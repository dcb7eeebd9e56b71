package cn.anshan.oversight.escrow.domain.order;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * CON-06: the contract's two full-refund rights, each a window of its own — the agreed days before
 * the class starts, and the agreed hours after it started. The class starts at 00:00 in Anshan on
 * the first day of the order's period. A withdrawal in neither window is an ordinary refund of the
 * unconsumed value (CON-07).
 */
public record CoolingOff(Instant beforeClassOpens, Instant classStarts, Instant afterClassCloses) {

  public static CoolingOff of(LocalDate periodStart, int daysBefore, int hoursAfter, ZoneId zone) {
    Instant start = periodStart.atStartOfDay(zone).toInstant();
    return new CoolingOff(
        periodStart.minusDays(daysBefore).atStartOfDay(zone).toInstant(),
        start,
        start.plusSeconds(hoursAfter * 3600L));
  }

  /** In the last agreed days before the class starts (empty when the contract agreed 0 days). */
  public boolean beforeClass(Instant at) {
    return !at.isBefore(beforeClassOpens) && at.isBefore(classStarts);
  }

  /** From the class start until the agreed hours after it have passed, both ends included. */
  public boolean afterClassStarted(Instant at) {
    return !at.isBefore(classStarts) && !at.isAfter(afterClassCloses);
  }

  public boolean covers(Instant at) {
    return beforeClass(at) || afterClassStarted(at);
  }
}
