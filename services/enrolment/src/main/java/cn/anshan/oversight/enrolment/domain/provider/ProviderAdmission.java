package cn.anshan.oversight.enrolment.domain.provider;

import cn.anshan.oversight.enrolment.domain.programme.Programme;
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
import java.util.List;
import java.util.UUID;

/**
 * An outside provider brought into one programme (ASV-06, §11 row 18): admitted while white-listed
 * and licensed, evaluated periodically, and exited on blacklisting, lapse or a failed evaluation.
 */
@Entity
@Table(name = "provider_admission")
public class ProviderAdmission implements Aggregate {
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

  private ProviderAdmission(
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

  /**
   * ASV-06: the school admits a provider the caller found eligible ({@link
   * ProviderRules#requireAdmissible}) and not already in the programme; the admission with its
   * event.
   */
  public static Decision<ProviderAdmission> admit(
      Programme programme,
      ProviderOffer offer,
      long activeAdmissions,
      Instant now,
      LocalDate evaluationDueOn) {
    if (activeAdmissions > 0) {
      throw ProblemException.conflict(
          "provider-admitted", "the institution is already admitted to this programme");
    }
    ProviderAdmission admission =
        new ProviderAdmission(
            programme.id(),
            programme.schoolId(),
            programme.district(),
            offer,
            now,
            evaluationDueOn);
    return Decision.of(admission, ProviderEvents.providerAdmitted(admission));
  }

  /**
   * ASV-06 periodic evaluation: the next is due on {@code nextDueOn}; below {@code passMark} the
   * provider exits at once. The evaluation's event, then the exit's if it failed.
   */
  public List<PendingEvent> evaluate(
      String period, int score, int passMark, LocalDate nextDueOn, Instant now) {
    requireAdmitted();
    this.lastPeriod = period;
    this.lastScore = score;
    this.evaluationDueOn = nextDueOn;
    boolean passed = ProviderRules.passes(score, passMark);
    PendingEvent evaluated = ProviderEvents.providerEvaluated(this, passMark, passed);
    if (passed) {
      return List.of(evaluated);
    }
    return List.of(evaluated, exit(ExitReason.EVALUATION_FAILED, now, null));
  }

  private void requireAdmitted() {
    if (status != AdmissionStatus.ADMITTED) {
      throw ProblemException.conflict("provider-exited", "the provider has left the programme");
    }
  }

  /** ASV-06 alert: reported once per due date; the alert's event. */
  public PendingEvent overdueReported() {
    this.overdueReportedFor = evaluationDueOn;
    return ProviderEvents.evaluationOverdue(this);
  }

  public LocalDate evaluationDueOn() {
    return evaluationDueOn;
  }

  /**
   * The provider leaves the programme; {@code causedByEventId} names the registry event that made
   * it leave, if one did. The exit's event.
   */
  public PendingEvent exit(ExitReason reason, Instant now, String causedByEventId) {
    requireAdmitted();
    this.status = AdmissionStatus.EXITED;
    this.exitReason = reason;
    this.exitedAt = now;
    return ProviderEvents.providerExited(this, causedByEventId);
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
