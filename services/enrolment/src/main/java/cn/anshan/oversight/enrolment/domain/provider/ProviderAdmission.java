package cn.anshan.oversight.enrolment.domain.provider;

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

  private UUID programmeId;

  private String institutionId;

  private String schoolId;

  private String district;

  private String services;

  private UUID courseId;

  private Long feeFenPerLesson;

  @Enumerated(EnumType.STRING)
  private AdmissionStatus status;

  private Instant admittedAt;

  private String lastPeriod;

  private Integer lastScore;

  @Enumerated(EnumType.STRING)
  private ExitReason exitReason;

  private Instant exitedAt;

  private LocalDate evaluationDueOn;

  private LocalDate overdueReportedFor;

  protected ProviderAdmission() {}

  public ProviderAdmission(
      UUID programmeId,
      String schoolId,
      String district,
      ProviderOffer offer,
      Instant now,
      LocalDate evaluationDueOn) {
    this.id = UUID.randomUUID();
    this.programmeId = programmeId;
    this.institutionId = offer.institutionId();
    this.schoolId = schoolId;
    this.district = district;
    this.services = String.join("\n", offer.services());
    this.courseId = offer.courseId();
    this.feeFenPerLesson = offer.feeFenPerLesson();
    this.status = AdmissionStatus.ADMITTED;
    this.admittedAt = now;
    this.evaluationDueOn = evaluationDueOn;
  }

  public void evaluated(String period, int score, LocalDate nextDueOn) {
    requireAdmitted();
    this.lastPeriod = period;
    this.lastScore = score;
    this.evaluationDueOn = nextDueOn;
  }

  private void requireAdmitted() {
    if (status != AdmissionStatus.ADMITTED) {
      throw ProblemException.conflict("provider-exited", "the provider has left the programme");
    }
  }

  /** ASV-06 alert: reported once per due date. */
  public void overdueReported() {
    this.overdueReportedFor = evaluationDueOn;
  }

  public LocalDate evaluationDueOn() {
    return evaluationDueOn;
  }

  public void exit(ExitReason reason, Instant now) {
    requireAdmitted();
    this.status = AdmissionStatus.EXITED;
    this.exitReason = reason;
    this.exitedAt = now;
  }

  /** Gives an event about this aggregate its next version, where the command appends it. */
  public DomainEvent record(PendingEvent event) {
    return event.numbered(AGGREGATE_TYPE, id.toString(), ++version);
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

  public UUID courseId() {
    return courseId;
  }

  public Long feeFenPerLesson() {
    return feeFenPerLesson;
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
