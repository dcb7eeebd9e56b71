package cn.anshan.oversight.enrolment.domain.provider;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An outside provider brought into one programme (ASV-06, §11 row 18): admitted while white-listed
 * and licensed, evaluated periodically, and exited on blacklisting, lapse or a failed evaluation.
 */
@Entity
@Table(name = "provider_admission")
public class ProviderAdmission {
  public static final String AGGREGATE_TYPE = "ProviderAdmission";

  @Id private UUID id;
  private long version;

  @Column(name = "programme_id")
  private UUID programmeId;

  @Column(name = "institution_id")
  private String institutionId;

  @Column(name = "school_id")
  private String schoolId;

  private String district;

  private String services;

  @Enumerated(EnumType.STRING)
  private AdmissionStatus status;

  @Column(name = "admitted_at")
  private Instant admittedAt;

  @Column(name = "last_period")
  private String lastPeriod;

  @Column(name = "last_score")
  private Integer lastScore;

  @Enumerated(EnumType.STRING)
  @Column(name = "exit_reason")
  private ExitReason exitReason;

  @Column(name = "exited_at")
  private Instant exitedAt;

  @Column(name = "evaluation_due_on")
  private LocalDate evaluationDueOn;

  @Column(name = "overdue_reported_for")
  private LocalDate overdueReportedFor;

  protected ProviderAdmission() {}

  public ProviderAdmission(
      UUID programmeId,
      String institutionId,
      String schoolId,
      String district,
      String services,
      Instant now,
      LocalDate evaluationDueOn) {
    this.id = UUID.randomUUID();
    this.programmeId = programmeId;
    this.institutionId = institutionId;
    this.schoolId = schoolId;
    this.district = district;
    this.services = services;
    this.status = AdmissionStatus.ADMITTED;
    this.admittedAt = now;
    this.evaluationDueOn = evaluationDueOn;
  }

  public void evaluated(String period, int score, LocalDate nextDueOn) {
    this.lastPeriod = period;
    this.lastScore = score;
    this.evaluationDueOn = nextDueOn;
  }

  /** ASV-06 alert: reported once per due date. */
  public void overdueReported() {
    this.overdueReportedFor = evaluationDueOn;
  }

  public LocalDate evaluationDueOn() {
    return evaluationDueOn;
  }

  public void exit(ExitReason reason, Instant now) {
    if (status != AdmissionStatus.ADMITTED) {
      throw new IllegalStateException("admission is " + status);
    }
    this.status = AdmissionStatus.EXITED;
    this.exitReason = reason;
    this.exitedAt = now;
  }

  public long recordEvent() {
    return ++version;
  }

  public UUID id() {
    return id;
  }

  public long version() {
    return version;
  }

  public UUID programmeId() {
    return programmeId;
  }

  public String institutionId() {
    return institutionId;
  }

  public String schoolId() {
    return schoolId;
  }

  public String district() {
    return district;
  }

  public String services() {
    return services;
  }

  public AdmissionStatus status() {
    return status;
  }

  public Instant admittedAt() {
    return admittedAt;
  }

  public String lastPeriod() {
    return lastPeriod;
  }

  public Integer lastScore() {
    return lastScore;
  }

  public ExitReason exitReason() {
    return exitReason;
  }

  public Instant exitedAt() {
    return exitedAt;
  }
}
