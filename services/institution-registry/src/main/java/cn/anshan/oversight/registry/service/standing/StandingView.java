package cn.anshan.oversight.registry.service.standing;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.standing.LegalRegistration;
import cn.anshan.oversight.registry.domain.standing.LicenceStatus;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import cn.anshan.oversight.registry.domain.standing.OperatingLicence;
import cn.anshan.oversight.registry.domain.standing.RegistrationType;
import cn.anshan.oversight.registry.domain.standing.Sanction;
import cn.anshan.oversight.registry.domain.standing.SanctionType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An institution's standing as its supervisor, its operator and auditors see it. */
public record StandingView(
    String institutionId,
    long version,
    ListStatus listStatus,
    boolean operational,
    List<RuleViolation> reasons,
    LocalDate registrationDueBy,
    Licence licence,
    Registration registration,
    List<SanctionInForce> sanctions) {

  public record Licence(
      String licenceNo, LicenceStatus status, LocalDate validFrom, LocalDate validTo) {
    static Licence of(OperatingLicence l) {
      return l == null ? null : new Licence(l.licenceNo(), l.status(), l.validFrom(), l.validTo());
    }
  }

  public record Registration(RegistrationType type, String creditCode, LocalDate validTo) {
    static Registration of(LegalRegistration r) {
      return r == null ? null : new Registration(r.type(), r.creditCode(), r.validTo());
    }
  }

  public record SanctionInForce(
      UUID sanctionId, SanctionType type, String ruleId, String detail, Instant imposedAt) {
    static SanctionInForce of(Sanction s) {
      return new SanctionInForce(s.id(), s.type(), s.ruleId(), s.detail(), s.imposedAt());
    }
  }
}
