package cn.anshan.oversight.registry.domain.advertising;

import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Events of aggregate {@code AdReport} (ADV-01, §11 row 22). No description text and no reporter
 * beyond the envelope's actor. Factories return pending events; the report numbers each where it is
 * appended.
 */
public final class AdvertisingEvents {
  private AdvertisingEvents() {}

  public record AdViolationReported(
      UUID adReportId,
      String institutionId,
      String district,
      AdChannel channel,
      Instant reportedAt) {}

  public record AdViolationConfirmed(
      UUID adReportId,
      String institutionId,
      String district,
      AdChannel channel,
      Instant confirmedAt,
      LocalDate confirmedOn) {}

  public record AdViolationDismissed(
      UUID adReportId,
      String institutionId,
      String district,
      AdChannel channel,
      Instant dismissedAt) {}

  public record AdRepeatOffenceDetected(
      UUID adReportId,
      String institutionId,
      String district,
      int confirmedViolations,
      int threshold,
      int windowDays,
      LocalDate windowStart,
      LocalDate windowEnd) {}

  static PendingEvent reported(AdReport r) {
    return event(
        r,
        "AdViolationReported.v1",
        new AdViolationReported(
            r.id(), r.institutionId(), r.district(), r.channel(), r.reportedAt()));
  }

  static PendingEvent confirmed(AdReport r) {
    return event(
        r,
        "AdViolationConfirmed.v1",
        new AdViolationConfirmed(
            r.id(), r.institutionId(), r.district(), r.channel(), r.decidedAt(), r.decidedOn()));
  }

  static PendingEvent dismissed(AdReport r) {
    return event(
        r,
        "AdViolationDismissed.v1",
        new AdViolationDismissed(
            r.id(), r.institutionId(), r.district(), r.channel(), r.decidedAt()));
  }

  static PendingEvent repeatOffence(
      AdReport r, int count, int threshold, int windowDays, LocalDate windowStart) {
    return event(
        r,
        "AdRepeatOffenceDetected.v1",
        new AdRepeatOffenceDetected(
            r.id(),
            r.institutionId(),
            r.district(),
            count,
            threshold,
            windowDays,
            windowStart,
            r.decidedOn()));
  }

  private static PendingEvent event(AdReport r, String name, Object data) {
    return new PendingEvent(AdReport.AGGREGATE_TYPE, r.id().toString(), name, r.district(), data);
  }
}
