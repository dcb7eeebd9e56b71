package cn.anshan.oversight.registry.domain.staff;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.VerificationStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A person filed as staff of one institution (DOMAIN.md §11 row 5). The national ID number is kept
 * only as its keyed hash. The version counts the events of this aggregate (1 = filed).
 */
@Entity
@Table(name = "staff_member")
public class StaffMember {
  public static final String AGGREGATE_TYPE = "StaffMember";

  @Id private String staffId;

  private long version;

  private String institutionId;

  private String district;
  private String name;

  private String idHash;

  @Enumerated(EnumType.STRING)
  private StaffRole role;

  private boolean fullTime;

  @Enumerated(EnumType.STRING)
  private QualificationType qualificationType;

  private String qualificationNumber;

  private String qualificationEvidence;

  private String employmentEvidence;

  @Enumerated(EnumType.STRING)
  private VerificationStatus verification;

  private Boolean qualificationConfirmed;

  private Boolean inServiceTeacherFound;

  private String verificationEvidence;

  private Instant verifiedAt;

  private String verifiedBy;

  @Enumerated(EnumType.STRING)
  private StaffStatus status;

  private Instant filedAt;

  private String filedBy;

  private Instant leftAt;

  private String leftBy;

  protected StaffMember() {}

  /**
   * Files a person with an institution (STF-01…04, STF-06). The result holds either the new member
   * or every broken rule; when there are any, nothing is filed. A person already active here is
   * refused (409).
   */
  public static Filing file(
      String staffId,
      String institutionId,
      String district,
      Category category,
      StaffForm form,
      StaffRoster roster,
      BackgroundCheck person,
      BigDecimal fullTimeRatioMin,
      String operator,
      Instant now) {
    if (person.activeHere()) {
      throw ProblemException.conflict(
          "staff-already-filed", "this person is already filed as active staff of the institution");
    }
    List<RuleViolation> violations =
        StaffRules.checkFiling(form, category, roster, person.blacklisted(), fullTimeRatioMin);
    if (!violations.isEmpty()) {
      return new Filing(null, violations);
    }
    StaffMember member = new StaffMember();
    member.staffId = staffId;
    member.institutionId = institutionId;
    member.district = district;
    member.name = form.name();
    member.idHash = form.idHash();
    member.role = form.role();
    member.fullTime = form.fullTime();
    if (form.qualification() != null) {
      member.qualificationType = form.qualification().type();
      member.qualificationNumber = form.qualification().number();
    }
    member.qualificationEvidence = form.evidence().qualification();
    member.employmentEvidence = form.evidence().employment();
    member.verification = VerificationStatus.UNVERIFIED;
    member.status = StaffStatus.ACTIVE;
    member.filedAt = now;
    member.filedBy = operator;
    member.version = 1;
    return new Filing(member, List.of());
  }

  /** Either the filed member or the broken rules. */
  public record Filing(StaffMember member, List<RuleViolation> violations) {
    /** The filed member; refused with every broken rule when there are any. */
    @Override
    public StaffMember member() {
      ProblemException.requireNone(violations);
      return member;
    }

    /** The filed member's StaffFiled event (version 1); refused like {@link #member()}. */
    public DomainEvent event() {
      return StaffEvents.filed(member());
    }
  }

  /**
   * The person leaves: 409 if they already left, refused by STF-04 when the full-time teachers
   * would fall below the minimum (see {@link StaffRules}).
   */
  public DomainEvent leave(
      StaffRoster roster, BigDecimal fullTimeRatioMin, String operator, Instant now) {
    if (status != StaffStatus.ACTIVE) {
      throw ProblemException.conflict(
          "staff-already-left", "staff member " + staffId + " has already left");
    }
    List<RuleViolation> violations = StaffRules.checkDeparture(this, roster, fullTimeRatioMin);
    ProblemException.requireNone(violations);
    status = StaffStatus.LEFT;
    leftAt = now;
    leftBy = operator;
    version++;
    return StaffEvents.left(this);
  }

  /**
   * A regulator records what checking the filing found (issue 18 item 3): VERIFIED, or REFUTED with
   * the rules the facts break. A later check replaces an earlier one (a certificate presented late,
   * a mistake corrected); each is an event. 409 once the person has left.
   */
  public Verified verify(QualificationCheck check, String verifier, Instant now) {
    if (status != StaffStatus.ACTIVE) {
      throw ProblemException.conflict(
          "staff-already-left",
          "staff member " + staffId + " has left; there is nothing to verify");
    }
    boolean needsConfirmation = StaffRules.needsConfirmation(this);
    if ((check.qualificationConfirmed() == null) == needsConfirmation) {
      throw new ProblemException(
          Problem.ofFields(
              List.of(
                  new FieldError(
                      "/qualificationConfirmed",
                      needsConfirmation
                          ? "must be given: the person is teaching staff or declared a certificate"
                          : "must be left out: the person declared no certificate and needs"
                              + " none"))));
    }
    Verification outcome = Verification.of(this, check);
    verification = outcome.status();
    qualificationConfirmed = check.qualificationConfirmed();
    inServiceTeacherFound = check.inServiceTeacherFound();
    verificationEvidence = check.evidenceReference();
    verifiedAt = now;
    verifiedBy = verifier;
    version++;
    return new Verified(outcome, StaffEvents.qualificationVerified(this, outcome));
  }

  /** What a check found, with the StaffQualificationVerified event that reports it. */
  public record Verified(Verification outcome, DomainEvent event) {}

  public boolean isActive() {
    return status == StaffStatus.ACTIVE;
  }

  public boolean isFullTimeTeaching() {
    return role == StaffRole.TEACHING && fullTime;
  }

  public String staffId() {
    return staffId;
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

  public String name() {
    return name;
  }

  public String idHash() {
    return idHash;
  }

  public StaffRole role() {
    return role;
  }

  public boolean fullTime() {
    return fullTime;
  }

  public QualificationType qualificationType() {
    return qualificationType;
  }

  public String qualificationNumber() {
    return qualificationNumber;
  }

  public StaffEvidence evidence() {
    return new StaffEvidence(qualificationEvidence, employmentEvidence);
  }

  public VerificationStatus verification() {
    return verification;
  }

  public Boolean qualificationConfirmed() {
    return qualificationConfirmed;
  }

  public Boolean inServiceTeacherFound() {
    return inServiceTeacherFound;
  }

  public String verificationEvidence() {
    return verificationEvidence;
  }

  public Instant verifiedAt() {
    return verifiedAt;
  }

  public StaffStatus status() {
    return status;
  }

  public Instant filedAt() {
    return filedAt;
  }

  public Instant leftAt() {
    return leftAt;
  }
}
