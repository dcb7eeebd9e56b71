package cn.anshan.oversight.registry.domain.advertising;

import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A report of a suspected training advertisement (ADV-01) and the supervising regulator's decision
 * on it. Only a confirmed report counts toward repeat offending.
 */
@Entity
@Table(name = "ad_report")
public class AdReport implements Aggregate {
  public static final String AGGREGATE_TYPE = "AdReport";

  @Id private UUID id;
  private long version;

  private String institutionId;

  private String district;

  @Enumerated(EnumType.STRING)
  private AdChannel channel;

  private String description;

  @Enumerated(EnumType.STRING)
  private AdReportStatus status;

  private String reportedBy;

  private String reporterRole;

  private Instant reportedAt;

  private String decidedBy;

  private Instant decidedAt;

  private LocalDate decidedOn;

  private String decisionNote;

  protected AdReport() {}

  AdReport(
      String institutionId,
      String district,
      AdChannel channel,
      String description,
      String reporter,
      String reporterRole,
      Instant now) {
    this.id = UUID.randomUUID();
    this.institutionId = institutionId;
    this.district = district;
    this.channel = channel;
    this.description = description;
    this.status = AdReportStatus.REPORTED;
    this.reportedBy = reporter;
    this.reporterRole = reporterRole;
    this.reportedAt = now;
  }

  /**
   * ADV-01: anyone reports an institution's advertising, approved or not; the report with its
   * AdViolationReported event.
   */
  public static Decision<AdReport> report(
      String institutionId,
      String district,
      AdChannel channel,
      String description,
      String reporter,
      String reporterRole,
      Instant now) {
    AdReport report =
        new AdReport(institutionId, district, channel, description, reporter, reporterRole, now);
    return Decision.of(report, AdvertisingEvents.reported(report));
  }

  /** What confirming a report raised, and the institution's confirmations in the window now. */
  public record Confirmation(int confirmationsInWindow, List<PendingEvent> events) {}

  /**
   * ADV-01: the regulator confirms the report on {@code today}; with the institution's earlier
   * confirmations in the window ({@code earlier}), reaching the threshold also reports a repeat
   * offence. AdViolationConfirmed, then AdRepeatOffenceDetected if so.
   */
  public Confirmation confirm(
      String note,
      String regulator,
      Instant now,
      LocalDate today,
      List<LocalDate> earlier,
      RepeatLimits limits) {
    decide(AdReportStatus.CONFIRMED, note, regulator, now, today);
    List<LocalDate> confirmations = new ArrayList<>(earlier);
    confirmations.add(today);
    int count = AdvertisingRules.confirmationsInWindow(confirmations, today, limits.windowDays());
    List<PendingEvent> events = new ArrayList<>(List.of(AdvertisingEvents.confirmed(this)));
    if (AdvertisingRules.repeatOffence(count, limits.threshold())) {
      events.add(
          AdvertisingEvents.repeatOffence(
              this, count, limits.threshold(), limits.windowDays(), limits.windowStart(today)));
    }
    return new Confirmation(count, events);
  }

  /** ADV-01: the regulator dismisses the report; its AdViolationDismissed event. */
  public PendingEvent dismiss(String note, String regulator, Instant now, LocalDate today) {
    decide(AdReportStatus.DISMISSED, note, regulator, now, today);
    return AdvertisingEvents.dismissed(this);
  }

  /** ADV-01: a report is decided once. */
  public void requireReported() {
    if (status != AdReportStatus.REPORTED) {
      throw ProblemException.conflict("ad-report-decided", "the report is already " + status);
    }
  }

  void decide(
      AdReportStatus decision, String note, String regulator, Instant now, LocalDate today) {
    if (decision == AdReportStatus.REPORTED) {
      throw new IllegalArgumentException("a decision confirms or dismisses the report");
    }
    requireReported();
    status = decision;
    decisionNote = note;
    decidedBy = regulator;
    decidedAt = now;
    decidedOn = today;
  }

  /** Gives an event about this aggregate its next version, where the command appends it. */
  @Override
  public DomainEvent record(PendingEvent event) {
    return event.numbered(AGGREGATE_TYPE, id.toString(), ++version);
  }

  public UUID id() {
    return id;
  }

  public long version() {
    return version;
  }

  public String institutionId() {
    return institutionId;
  }

  public String district() {
    return district;
  }

  public AdChannel channel() {
    return channel;
  }

  public String description() {
    return description;
  }

  public AdReportStatus status() {
    return status;
  }

  public String reportedBy() {
    return reportedBy;
  }

  public String reporterRole() {
    return reporterRole;
  }

  public Instant reportedAt() {
    return reportedAt;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public LocalDate decidedOn() {
    return decidedOn;
  }

  public String decisionNote() {
    return decisionNote;
  }
}
