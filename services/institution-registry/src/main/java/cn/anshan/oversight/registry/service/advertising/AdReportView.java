package cn.anshan.oversight.registry.service.advertising;

import cn.anshan.oversight.registry.domain.advertising.AdChannel;
import cn.anshan.oversight.registry.domain.advertising.AdReport;
import cn.anshan.oversight.registry.domain.advertising.AdReportStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An advertising report; the reporter's identity is never shown, only the role they acted in. */
public record AdReportView(
    UUID adReportId,
    long version,
    String institutionId,
    String district,
    AdChannel channel,
    String description,
    AdReportStatus status,
    String reporterRole,
    Instant reportedAt,
    Instant decidedAt,
    LocalDate decidedOn,
    String decisionNote,
    Integer confirmedViolationsInWindow) {

  static AdReportView of(AdReport r) {
    return of(r, null);
  }

  static AdReportView of(AdReport r, Integer confirmedViolationsInWindow) {
    return new AdReportView(
        r.id(),
        r.version(),
        r.institutionId(),
        r.district(),
        r.channel(),
        r.description(),
        r.status(),
        r.reporterRole(),
        r.reportedAt(),
        r.decidedAt(),
        r.decidedOn(),
        r.decisionNote(),
        confirmedViolationsInWindow);
  }
}
