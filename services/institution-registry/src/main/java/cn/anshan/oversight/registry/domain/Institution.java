package cn.anshan.oversight.registry.domain;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.inspection.InspectionEvents;
import cn.anshan.oversight.registry.domain.inspection.RiskGrade;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import cn.anshan.oversight.registry.domain.standing.StandingEvents;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An institution's application for approval, and the decision on it. The version counts the events
 * of this aggregate (1 = applied), so it is also the ETag and the events' aggregateversion.
 */
@Entity
@Table(name = "institution_application")
public class Institution {
  public static final String AGGREGATE_TYPE = "Institution";

  @Id private String institutionId;

  private long version;

  @Embedded private ApplicationForm form;

  @Enumerated(EnumType.STRING)
  private ApplicationStatus status;

  private Instant appliedAt;

  private String appliedBy;

  private Instant decidedAt;

  private String decidedBy;

  private String supervisorId;

  private String rejectionReasons;

  @Enumerated(EnumType.STRING)
  private ListStatus listStatus = ListStatus.NONE;

  private LocalDate registrationDueBy;

  private LocalDate licenceWarnedFor;

  private Instant decisionOverdueReportedAt;

  @Enumerated(EnumType.STRING)
  private RiskGrade riskGrade = RiskGrade.B;

  @Embedded private SectorReview sectorReview;

  protected Institution() {}

  /** A first application of this institution. */
  public static Institution start(String institutionId) {
    Institution application = new Institution();
    application.institutionId = institutionId;
    return application;
  }

  /**
   * The institution an operator applies for: {@code existing} when its last application was
   * rejected, a new one when there is none; an open or decided one is refused (409).
   */
  public static Institution applyingFor(Institution existing, String institutionId) {
    if (existing == null) {
      return start(institutionId);
    }
    existing.requireReapplicable();
    return existing;
  }

  /**
   * The institution a regulator takes onto the register: a new one; one the register already holds
   * is refused (409).
   */
  public static Institution registering(Institution existing, String institutionId) {
    if (existing != null) {
      throw alreadyRegistered(institutionId);
    }
    return start(institutionId);
  }

  private void requireReapplicable() {
    if (status != null && status != ApplicationStatus.REJECTED) {
      throw ProblemException.conflict(
          isOpen() ? "application-pending" : "already-approved",
          "institution " + institutionId + " already has an application that is " + status);
    }
  }

  private static ProblemException alreadyRegistered(String institutionId) {
    return ProblemException.conflict(
        "already-registered", "institution " + institutionId + " is on the register");
  }

  /**
   * Files (or, after a rejection, re-files) the form, refused with every broken rule (nothing
   * changes then); its InstitutionApplied event.
   */
  public DomainEvent apply(
      ApplicationForm form,
      ApplicationStandard standard,
      String provinceAuthority,
      String applicant,
      Instant now) {
    requireReapplicable();
    ApplicationRules.requireFiledAtItsLevel(
        form, provinceAuthority, ApplicationRules.check(form, standard));
    this.form = form;
    status = ApplicationStatus.APPLIED;
    appliedAt = now;
    appliedBy = applicant;
    decisionOverdueReportedAt = null;
    decidedAt = null;
    decidedBy = null;
    supervisorId = null;
    rejectionReasons = null;
    sectorReview = null;
    version++;
    return RegistryEvents.applied(this);
  }

  /**
   * Takes an institution approved before the platform onto the register (REG-04 re-registration):
   * it starts approved, with the registering regulator as its supervisor (REG-09).
   */
  public DomainEvent registerExisting(
      ApplicationForm form,
      PremisesStandard premises,
      String provinceAuthority,
      String regulator,
      Instant now) {
    if (status != null) {
      throw alreadyRegistered(institutionId);
    }
    ApplicationRules.requireFiledAtItsLevel(
        form, provinceAuthority, ApplicationRules.checkExisting(form, premises));
    this.form = form;
    status = ApplicationStatus.APPROVED;
    appliedAt = now;
    appliedBy = regulator;
    decidedAt = now;
    decidedBy = regulator;
    supervisorId = regulator;
    version++;
    return RegistryEvents.registeredExisting(this);
  }

  /** REG-08: only a regulator of the premises' district decides the application (403 else). */
  public void requireDecidableBy(String regulatorDistrict) {
    ApplicationRules.requireDecidableBy(form, regulatorDistrict);
  }

  /**
   * Approves the application; REG-09 "whoever approves supervises" makes the approver the
   * supervisor. The form's rules are checked again, because configuration may have changed.
   */
  public DomainEvent approve(ApplicationStandard standard, String regulator, Instant now) {
    requireOpen();
    List<RuleViolation> violations = ApplicationRules.recheck(form, standard);
    ProblemException.requireNone(violations);
    ApplicationRules.requireSectorConcurrence(form, standard, sectorReview);
    status = ApplicationStatus.APPROVED;
    decidedAt = now;
    decidedBy = regulator;
    supervisorId = regulator;
    version++;
    return RegistryEvents.approved(this);
  }

  /**
   * The regulator rejects the open application for {@code reasons} (stored as {@code reasonsJson}).
   */
  public DomainEvent reject(
      List<RuleViolation> reasons, String reasonsJson, String regulator, Instant now) {
    requireOpen();
    status = ApplicationStatus.REJECTED;
    decidedAt = now;
    decidedBy = regulator;
    rejectionReasons = reasonsJson;
    version++;
    return RegistryEvents.rejected(this, reasons);
  }

  /** Gives an event about this aggregate its next version, where the command appends it. */
  public DomainEvent record(PendingEvent event) {
    return event.numbered(AGGREGATE_TYPE, institutionId, ++version);
  }

  /**
   * INS-02: the supervising regulator grades the institution's risk (the grade weights
   * random-sample inspections); RiskGradeAssigned.
   */
  public PendingEvent gradeRisk(RiskGrade grade) {
    RiskGrade previous = riskGrade;
    riskGrade = grade;
    return InspectionEvents.riskGraded(this, previous);
  }

  /** Set by the standing aggregates of {@code domain.standing}, with their events. */
  public void listAs(ListStatus status) {
    listStatus = status;
  }

  /**
   * REG-05: after a licence change the legal registration must follow by {@code due}; set by {@code
   * OperatingLicence.changeScope} with its event.
   */
  public void expectRegistrationBy(LocalDate due) {
    registrationDueBy = due;
  }

  /** REG-05: the registration did not follow a licence change by its due day; reported. */
  public PendingEvent registrationOverdue() {
    return StandingEvents.registrationOverdue(this, registrationDueBy);
  }

  /** Set by the standing aggregates of {@code domain.standing}, with their events. */
  public void registrationFiled() {
    registrationDueBy = null;
  }

  /**
   * Remembers the licence end date already warned about, so each expiry is announced once; set by
   * {@code OperatingLicence.reviewOn} with its event.
   */
  public void warnedAboutLicenceEnding(LocalDate validTo) {
    licenceWarnedFor = validTo;
  }

  private boolean isOpen() {
    return status == ApplicationStatus.APPLIED;
  }

  /** An open application past its decision date that has not been reported yet. */
  public boolean decisionOverdue(LocalDate today, DecisionDeadline deadline) {
    return isOpen()
        && decisionOverdueReportedAt == null
        && today.isAfter(deadline.dueBy(appliedAt));
  }

  /**
   * §11 row 1: reports the overdue decision once per application; ApplicationDecisionOverdue with
   * its due day under {@code deadline}.
   */
  public DomainEvent decisionOverdueReported(Instant now, DecisionDeadline deadline) {
    decisionOverdueReportedAt = now;
    version++;
    return RegistryEvents.decisionOverdue(this, deadline.dueBy(appliedAt), deadline.workingDays());
  }

  /**
   * REG-02 / REG-08: the sector department of the institution's sub-category and district gives its
   * opinion on the pending non-subject application; a later opinion replaces an earlier one. A
   * dissent says why ({@code reason}); a concurrence may.
   */
  public DomainEvent sectorOpinion(
      SectorOpinion opinion, String reason, String department, Instant now) {
    requireOpen();
    if (sector() == null) {
      throw ProblemException.conflict(
          "not-co-approved",
          "only non-subject applications are co-approved by a sector department (REG-02)");
    }
    sectorReview = new SectorReview(opinion, department, reason, now);
    version++;
    return RegistryEvents.sectorOpinion(this);
  }

  /** The sector this application is co-approved by (REG-02), or null for subject-type ones. */
  public String sector() {
    return form.category() == Category.NON_SUBJECT && form.subCategory() != null
        ? form.subCategory().name()
        : null;
  }

  /** The sector department's opinion on a non-subject application, null until it gives one. */
  public SectorReview sectorReview() {
    return sectorReview;
  }

  /** A decision needs an open application; deciding twice is a conflict, not a rule. */
  private void requireOpen() {
    if (!isOpen()) {
      throw ProblemException.conflict(
          "application-decided", "the application is already " + status);
    }
  }

  public String institutionId() {
    return institutionId;
  }

  public long version() {
    return version;
  }

  /** What the institution declared on its (last) application, or registration. */
  public ApplicationForm form() {
    return form;
  }

  public String name() {
    return form.name();
  }

  public Category category() {
    return form.category();
  }

  public SubCategory subCategory() {
    return form.subCategory();
  }

  public Mode mode() {
    return form.mode();
  }

  /** The district of the premises, whose regulator approves and supervises (REG-08, REG-09). */
  public String district() {
    return form.district();
  }

  public ApplicationStatus status() {
    return status;
  }

  public Instant appliedAt() {
    return appliedAt;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String supervisorId() {
    return supervisorId;
  }

  public ListStatus listStatus() {
    return listStatus;
  }

  public LocalDate registrationDueBy() {
    return registrationDueBy;
  }

  public LocalDate licenceWarnedFor() {
    return licenceWarnedFor;
  }

  public RiskGrade riskGrade() {
    return riskGrade;
  }
}
