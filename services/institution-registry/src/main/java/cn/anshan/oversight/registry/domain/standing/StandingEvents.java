package cn.anshan.oversight.registry.domain.standing;

import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.SubCategory;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Licence, registration, sanction and list events of aggregate {@code Institution}. The list events
 * carry the whole standing, so escrow and enrolment never need to call the registry. Factories
 * return pending events; the institution numbers each where it is appended ({@link
 * Institution#record}).
 */
public final class StandingEvents {
  private StandingEvents() {}

  public record LicenceIssued(
      String institutionId,
      String district,
      String licenceNo,
      Category category,
      SubCategory subCategory,
      Mode mode,
      LocalDate validFrom,
      LocalDate validTo) {}

  public record LicenceScopeChanged(
      String institutionId,
      String district,
      String licenceNo,
      Category category,
      SubCategory subCategory,
      Mode mode,
      LocalDate registrationDueBy) {}

  public record LicenceRevoked(
      String institutionId, String district, String licenceNo, String ruleId, String detail) {}

  public record LicenceExpiring(
      String institutionId, String district, String licenceNo, LocalDate validTo, long daysLeft) {}

  public record LicenceExpired(
      String institutionId, String district, String licenceNo, LocalDate validTo) {}

  public record RegistrationFiled(
      String institutionId,
      String district,
      RegistrationType registrationType,
      String creditCode,
      LocalDate validTo) {}

  public record RegistrationOverdue(String institutionId, String district, LocalDate dueBy) {}

  public record SanctionImposed(
      String institutionId,
      String district,
      UUID sanctionId,
      SanctionType sanctionType,
      String ruleId,
      String detail) {}

  public record SanctionLifted(
      String institutionId, String district, UUID sanctionId, SanctionType sanctionType) {}

  public record Reason(String ruleId, String detail) {}

  /** Body of InstitutionWhitelisted, InstitutionBlacklisted and InstitutionDelisted. */
  public record ListStatusChanged(
      String institutionId,
      String district,
      String name,
      Category category,
      SubCategory subCategory,
      Mode mode,
      ListStatus listStatus,
      ListStatus previousListStatus,
      boolean operational,
      String licenceNo,
      LocalDate licenceValidTo,
      List<Reason> reasons) {}

  static PendingEvent licenceIssued(Institution i, OperatingLicence l) {
    return event(
        i,
        "LicenceIssued.v1",
        new LicenceIssued(
            i.institutionId(),
            i.district(),
            l.licenceNo(),
            l.category(),
            l.subCategory(),
            l.mode(),
            l.validFrom(),
            l.validTo()));
  }

  static PendingEvent scopeChanged(Institution i, OperatingLicence l) {
    return event(
        i,
        "LicenceScopeChanged.v1",
        new LicenceScopeChanged(
            i.institutionId(),
            i.district(),
            l.licenceNo(),
            l.category(),
            l.subCategory(),
            l.mode(),
            i.registrationDueBy()));
  }

  static PendingEvent revoked(Institution i, OperatingLicence l, String ruleId, String detail) {
    return event(
        i,
        "LicenceRevoked.v1",
        new LicenceRevoked(i.institutionId(), i.district(), l.licenceNo(), ruleId, detail));
  }

  static PendingEvent expiring(Institution i, OperatingLicence l, long daysLeft) {
    return event(
        i,
        "LicenceExpiring.v1",
        new LicenceExpiring(i.institutionId(), i.district(), l.licenceNo(), l.validTo(), daysLeft));
  }

  static PendingEvent expired(Institution i, OperatingLicence l) {
    return event(
        i,
        "LicenceExpired.v1",
        new LicenceExpired(i.institutionId(), i.district(), l.licenceNo(), l.validTo()));
  }

  static PendingEvent registrationFiled(
      Institution i, RegistrationType type, String creditCode, LocalDate validTo) {
    return event(
        i,
        "RegistrationFiled.v1",
        new RegistrationFiled(i.institutionId(), i.district(), type, creditCode, validTo));
  }

  public static PendingEvent registrationOverdue(Institution i, LocalDate dueBy) {
    return event(
        i,
        "RegistrationOverdue.v1",
        new RegistrationOverdue(i.institutionId(), i.district(), dueBy));
  }

  static PendingEvent sanctionImposed(Institution i, Sanction s) {
    return event(
        i,
        "SanctionImposed.v1",
        new SanctionImposed(
            i.institutionId(), i.district(), s.id(), s.type(), s.ruleId(), s.detail()));
  }

  static PendingEvent sanctionLifted(Institution i, Sanction s) {
    return event(
        i,
        "SanctionLifted.v1",
        new SanctionLifted(i.institutionId(), i.district(), s.id(), s.type()));
  }

  static PendingEvent listChanged(
      Institution i,
      OperatingLicence licence,
      ListStatus previous,
      boolean operational,
      List<RuleViolation> reasons) {
    String name =
        switch (i.listStatus()) {
          case WHITE -> "InstitutionWhitelisted.v1";
          case BLACK -> "InstitutionBlacklisted.v1";
          case NONE -> "InstitutionDelisted.v1";
        };
    return event(
        i,
        name,
        new ListStatusChanged(
            i.institutionId(),
            i.district(),
            i.name(),
            i.category(),
            i.subCategory(),
            i.mode(),
            i.listStatus(),
            previous,
            operational,
            licence == null ? null : licence.licenceNo(),
            licence == null ? null : licence.validTo(),
            reasons.stream().map(r -> new Reason(r.rule(), r.detail())).toList()));
  }

  private static PendingEvent event(Institution i, String name, Object data) {
    return new PendingEvent(
        Institution.AGGREGATE_TYPE, i.institutionId(), name, i.district(), data);
  }
}
