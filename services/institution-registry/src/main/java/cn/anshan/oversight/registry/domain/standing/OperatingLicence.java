package cn.anshan.oversight.registry.domain.standing;

import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.SubCategory;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** 办学许可证: issued by the approving district, scoped to category and mode (REG-06). */
@Entity
@Table(name = "operating_licence")
public class OperatingLicence {
  @Id private String institutionId;

  private String licenceNo;

  @Enumerated(EnumType.STRING)
  private Category category;

  @Enumerated(EnumType.STRING)
  private SubCategory subCategory;

  @Enumerated(EnumType.STRING)
  private Mode mode;

  private LocalDate validFrom;

  private LocalDate validTo;

  @Enumerated(EnumType.STRING)
  private LicenceStatus status;

  private String issuedBy;

  private Instant issuedAt;

  private Instant revokedAt;

  private String revokedReason;

  protected OperatingLicence() {}

  public OperatingLicence(String institutionId) {
    this.institutionId = institutionId;
  }

  /**
   * The licence to issue for {@code validFrom}..{@code validTo}: a new one, or the expired or
   * revoked {@code found} to re-issue. A period REG-06 refuses is 422; a licence in force is 409
   * (change its scope or revoke it).
   */
  public static OperatingLicence toIssue(
      OperatingLicence found,
      String institutionId,
      LocalDate validFrom,
      LocalDate validTo,
      LocalDate today) {
    List<RuleViolation> violations = StandingRules.licencePeriod(validFrom, validTo, today);
    ProblemException.requireNone(violations);
    if (found == null) {
      return new OperatingLicence(institutionId);
    }
    if (found.isValidOn(today)) {
      throw ProblemException.conflict(
          "licence-in-force",
          "licence " + found.licenceNo() + " is in force; change its scope or revoke it");
    }
    return found;
  }

  /** {@code found} if it is in force {@code today}; else 409 no-licence-in-force. */
  public static OperatingLicence inForce(
      OperatingLicence found, String institutionId, LocalDate today) {
    if (found == null || !found.isValidOn(today)) {
      throw ProblemException.conflict(
          "no-licence-in-force", "institution " + institutionId + " has no licence in force");
    }
    return found;
  }

  /** {@code found} unless there is none or it is already revoked (409 no-licence). */
  public static OperatingLicence toRevoke(OperatingLicence found) {
    if (found == null || found.status() == LicenceStatus.REVOKED) {
      throw ProblemException.conflict("no-licence", "there is no licence to revoke");
    }
    return found;
  }

  /**
   * The regulator issues the licence, or re-issues it after expiry or revocation, with the scope of
   * {@code institution}'s approval; LicenceIssued.
   */
  public PendingEvent issue(
      Institution institution,
      String licenceNo,
      LocalDate validFrom,
      LocalDate validTo,
      String regulator,
      Instant now) {
    issue(
        licenceNo,
        institution.category(),
        institution.subCategory(),
        institution.mode(),
        validFrom,
        validTo,
        regulator,
        now);
    return StandingEvents.licenceIssued(institution, this);
  }

  /**
   * REG-05: the scope changes; the institution's legal registration must follow by {@code
   * registrationDue}. LicenceScopeChanged.
   */
  public PendingEvent changeScope(
      Institution institution, SubCategory subCategory, Mode mode, LocalDate registrationDue) {
    changeScope(subCategory, mode);
    institution.expectRegistrationBy(registrationDue);
    return StandingEvents.scopeChanged(institution, this);
  }

  /** The regulator revokes the licence under {@code ruleId}; LicenceRevoked. */
  public PendingEvent revoke(Institution institution, String ruleId, String detail, Instant now) {
    revoke(ruleId + ": " + detail, now);
    return StandingEvents.revoked(institution, this, ruleId, detail);
  }

  /**
   * What the daily watch found: its event, and whether the licence expired (the standing moves).
   */
  public record Review(PendingEvent event, boolean expired) {}

  /**
   * The daily watch on {@code today}, for an issued licence ending within the warning lead time
   * (the watch selects those): past its end it expires (LicenceExpired); before it, it is announced
   * once per end date (LicenceExpiring); empty when there is nothing new to say.
   */
  public Optional<Review> reviewOn(Institution institution, LocalDate today) {
    if (isExpiredOn(today)) {
      expire();
      return Optional.of(new Review(StandingEvents.expired(institution, this), true));
    }
    if (validTo.equals(institution.licenceWarnedFor())) {
      return Optional.empty();
    }
    institution.warnedAboutLicenceEnding(validTo);
    return Optional.of(
        new Review(
            StandingEvents.expiring(institution, this, ChronoUnit.DAYS.between(today, validTo)),
            false));
  }

  /** Issues, or re-issues after expiry or revocation, with the scope of the approval. */
  void issue(
      String licenceNo,
      Category category,
      SubCategory subCategory,
      Mode mode,
      LocalDate validFrom,
      LocalDate validTo,
      String regulator,
      Instant now) {
    this.licenceNo = licenceNo;
    this.category = category;
    this.subCategory = subCategory;
    this.mode = mode;
    this.validFrom = validFrom;
    this.validTo = validTo;
    this.status = LicenceStatus.ISSUED;
    this.issuedBy = regulator;
    this.issuedAt = now;
    this.revokedAt = null;
    this.revokedReason = null;
  }

  void changeScope(SubCategory subCategory, Mode mode) {
    this.subCategory = subCategory;
    this.mode = mode;
  }

  void revoke(String reason, Instant now) {
    status = LicenceStatus.REVOKED;
    revokedAt = now;
    revokedReason = reason;
  }

  private void expire() {
    status = LicenceStatus.EXPIRED;
  }

  public boolean isValidOn(LocalDate day) {
    return status == LicenceStatus.ISSUED && !day.isBefore(validFrom) && !day.isAfter(validTo);
  }

  private boolean isExpiredOn(LocalDate day) {
    return status == LicenceStatus.ISSUED && day.isAfter(validTo);
  }

  public String institutionId() {
    return institutionId;
  }

  public String licenceNo() {
    return licenceNo;
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

  public LocalDate validFrom() {
    return validFrom;
  }

  public LocalDate validTo() {
    return validTo;
  }

  public LicenceStatus status() {
    return status;
  }
}
