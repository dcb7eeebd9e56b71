package cn.anshan.oversight.registry.domain.standing;

import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Institution;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The institution's legal-person registration; no end date means valid until changed. */
@Entity
@Table(name = "legal_registration")
public class LegalRegistration {
  @Id private String institutionId;

  @Enumerated(EnumType.STRING)
  private RegistrationType type;

  private String creditCode;

  private LocalDate validTo;

  private Instant filedAt;

  private String filedBy;

  protected LegalRegistration() {}

  public LegalRegistration(String institutionId) {
    this.institutionId = institutionId;
  }

  /**
   * REG-06 / REG-07: the registration type an institution of {@code category} may file, valid
   * {@code today}; else 422 naming the rule.
   */
  public static void requireFileable(
      Category category, RegistrationType type, LocalDate validTo, LocalDate today) {
    List<RuleViolation> violations = StandingRules.registration(category, type, validTo, today);
    ProblemException.requireNone(violations);
  }

  /**
   * REG-05: the operator files the institution's legal registration; nothing is due any more.
   * RegistrationFiled.
   */
  public PendingEvent file(
      Institution institution,
      RegistrationType type,
      String creditCode,
      LocalDate validTo,
      String operator,
      Instant now) {
    file(type, creditCode, validTo, operator, now);
    institution.registrationFiled();
    return StandingEvents.registrationFiled(institution, type, creditCode, validTo);
  }

  void file(
      RegistrationType type, String creditCode, LocalDate validTo, String operator, Instant now) {
    this.type = type;
    this.creditCode = creditCode;
    this.validTo = validTo;
    this.filedBy = operator;
    this.filedAt = now;
  }

  public boolean isValidOn(LocalDate day) {
    return validTo == null || !day.isAfter(validTo);
  }

  public RegistrationType type() {
    return type;
  }

  public String creditCode() {
    return creditCode;
  }

  public LocalDate validTo() {
    return validTo;
  }

  public Instant filedAt() {
    return filedAt;
  }
}
