package cn.anshan.oversight.registry.domain;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import cn.anshan.oversight.registry.domain.inspection.InspectionEvents;
import cn.anshan.oversight.registry.domain.inspection.RiskGrade;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import cn.anshan.oversight.registry.domain.standing.StandingEvents;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
  private String name;

  @Enumerated(EnumType.STRING)
  private Category category;

  @Enumerated(EnumType.STRING)
  private SubCategory subCategory;

  @Enumerated(EnumType.STRING)
  private Mode mode;

  private String district;

  @Enumerated(EnumType.STRING)
  private LegalForm legalForm;

  @Convert(converter = StudentStagesConverter.class)
  private Set<StudentStage> studentStages;

  private BigDecimal premisesAreaSqm;

  private int maxStudentsPerSlot;

  /** REG-08, in yuan; null for institutions approved before the platform. */
  private Long startUpCapitalYuan;

  private String startUpCapitalEvidence;

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

  @Enumerated(EnumType.STRING)
  private SectorOpinion sectorOpinion;

  private String sectorOpinionBy;

  private Instant sectorOpinionAt;

  private String sectorOpinionReason;

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
    requireFiledAtItsLevel(form, provinceAuthority, ApplicationRules.check(form, standard));
    name = form.name();
    category = form.category();
    subCategory = form.subCategory();
    mode = form.mode();
    district = form.district();
    legalForm = form.legalForm();
    studentStages = EnumSet.copyOf(form.studentStages());
    premisesAreaSqm = form.premisesAreaSqm();
    maxStudentsPerSlot = form.maxStudentsPerSlot();
    startUpCapitalYuan = form.startUpCapital() == null ? null : form.startUpCapital().yuan();
    startUpCapitalEvidence =
        form.startUpCapital() == null ? null : form.startUpCapital().evidenceReference();
    status = ApplicationStatus.APPLIED;
    appliedAt = now;
    appliedBy = applicant;
    decisionOverdueReportedAt = null;
    decidedAt = null;
    decidedBy = null;
    supervisorId = null;
    rejectionReasons = null;
    sectorOpinion = null;
    sectorOpinionBy = null;
    sectorOpinionAt = null;
    sectorOpinionReason = null;
    version++;
    return RegistryEvents.applied(this);
  }

  /**
   * §11 row 1: a form filed at the wrong level (REG-12 online at the province, REG-08 offline
   * locally) is refused with its other broken rules ({@code rules}) listed too.
   */
  private static void requireFiledAtItsLevel(
      ApplicationForm form, String provinceAuthority, List<RuleViolation> rules) {
    List<RuleViolation> all =
        new ArrayList<>(ApplicationRules.checkApprovalLevel(form, provinceAuthority));
    all.addAll(rules);
    ProblemException.requireNone(all);
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
    requireFiledAtItsLevel(form, provinceAuthority, ApplicationRules.checkExisting(form, premises));
    name = form.name();
    category = form.category();
    subCategory = form.subCategory();
    mode = form.mode();
    district = form.district();
    legalForm = form.legalForm();
    studentStages = EnumSet.copyOf(form.studentStages());
    premisesAreaSqm = form.premisesAreaSqm();
    maxStudentsPerSlot = form.maxStudentsPerSlot();
    startUpCapitalYuan = form.startUpCapital() == null ? null : form.startUpCapital().yuan();
    startUpCapitalEvidence =
        form.startUpCapital() == null ? null : form.startUpCapital().evidenceReference();
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
    localApprovalViolation(regulatorDistrict)
        .ifPresent(
            v -> {
              throw ApplicationRules.notThisDistrict(v);
            });
  }

  /**
   * REG-08: approval is local, so only a regulator of the premises' district decides. Returns the
   * violation if {@code regulatorDistrict} is another one.
   */
  public Optional<RuleViolation> localApprovalViolation(String regulatorDistrict) {
    if (district.equals(regulatorDistrict)) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleViolation(
            "REG-08",
            "approval is local: the application is in district %s, the regulator's district is %s"
                .formatted(district, regulatorDistrict)));
  }

  /**
   * Approves the application; REG-09 "whoever approves supervises" makes the approver the
   * supervisor. The form's rules are checked again, because configuration may have changed.
   */
  public DomainEvent approve(ApplicationStandard standard, String regulator, Instant now) {
    requireOpen();
    List<RuleViolation> violations = ApplicationRules.recheck(form(), standard);
    ProblemException.requireNone(violations);
    if (awaitsSectorConcurrence(standard)) {
      throw ProblemException.rules(
          List.of(
              new RuleViolation(
                  "REG-08",
                  "non-subject institutions are approved jointly with the sector department (REG-02):"
                      + " the "
                      + subCategory
                      + " department of "
                      + district
                      + (sectorOpinion == null ? " has not given its opinion" : " dissented"))));
    }
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

  public boolean isOpen() {
    return status == ApplicationStatus.APPLIED;
  }

  /**
   * The last business day on which a decision is still in time: {@code decisionWorkingDays} working
   * days after the day of application (§11 row 1; the statutory limit is UNCONFIRMED).
   */
  private LocalDate decisionDueBy(WorkingDayCalendar calendar, int decisionWorkingDays) {
    return calendar.plusWorkingDays(
        appliedAt.atZone(OversightClock.BUSINESS_ZONE).toLocalDate(), decisionWorkingDays);
  }

  /** An open application past its decision date that has not been reported yet. */
  public boolean decisionOverdue(LocalDate today, WorkingDayCalendar calendar, int workingDays) {
    return isOpen()
        && decisionOverdueReportedAt == null
        && today.isAfter(decisionDueBy(calendar, workingDays));
  }

  /**
   * §11 row 1: reports the overdue decision once per application; ApplicationDecisionOverdue with
   * its due day under the configured {@code workingDays}.
   */
  public DomainEvent decisionOverdueReported(
      Instant now, WorkingDayCalendar calendar, int workingDays) {
    LocalDate dueBy = decisionDueBy(calendar, workingDays);
    decisionOverdueReportedAt = now;
    version++;
    return RegistryEvents.decisionOverdue(this, dueBy, workingDays);
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
    sectorOpinion = opinion;
    sectorOpinionReason = reason;
    sectorOpinionBy = department;
    sectorOpinionAt = now;
    version++;
    return RegistryEvents.sectorOpinion(this);
  }

  private boolean awaitsSectorConcurrence(ApplicationStandard standard) {
    return standard.nonSubjectApproval() == NonSubjectApproval.JOINT
        && category == Category.NON_SUBJECT
        && sectorOpinion != SectorOpinion.CONCURRED;
  }

  /** The sector this application is co-approved by (REG-02), or null for subject-type ones. */
  public String sector() {
    return category == Category.NON_SUBJECT && subCategory != null ? subCategory.name() : null;
  }

  public SectorOpinion sectorOpinionGiven() {
    return sectorOpinion;
  }

  public String sectorOpinionBy() {
    return sectorOpinionBy;
  }

  public Instant sectorOpinionAt() {
    return sectorOpinionAt;
  }

  public String sectorOpinionReason() {
    return sectorOpinionReason;
  }

  /** A decision needs an open application; deciding twice is a conflict, not a rule. */
  private void requireOpen() {
    if (!isOpen()) {
      throw ProblemException.conflict(
          "application-decided", "the application is already " + status);
    }
  }

  private ApplicationForm form() {
    return new ApplicationForm(
        name,
        category,
        subCategory,
        mode,
        district,
        legalForm,
        studentStages,
        premisesAreaSqm,
        maxStudentsPerSlot,
        startUpCapital());
  }

  public String institutionId() {
    return institutionId;
  }

  public long version() {
    return version;
  }

  public String name() {
    return name;
  }

  public Category category() {
    return category;
  }

  public SubCategory subCategory() {
    return subCategory;
  }

  public Mode mode() {
    return mode;
  }

  public String district() {
    return district;
  }

  public LegalForm legalForm() {
    return legalForm;
  }

  public Set<StudentStage> studentStages() {
    return studentStages;
  }

  public BigDecimal premisesAreaSqm() {
    return premisesAreaSqm;
  }

  public int maxStudentsPerSlot() {
    return maxStudentsPerSlot;
  }

  /** REG-08 as declared; null for an institution approved before the platform. */
  public StartUpCapital startUpCapital() {
    return startUpCapitalYuan == null
        ? null
        : new StartUpCapital(startUpCapitalYuan, startUpCapitalEvidence);
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

  public String rejectionReasons() {
    return rejectionReasons;
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
