package cn.anshan.oversight.registry.domain.staff;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.VerificationStatus;
import java.util.List;

/** The outcome of a check: VERIFIED, or REFUTED with the rules the facts break. */
public record Verification(VerificationStatus status, List<RuleViolation> breaches) {

  static Verification of(StaffMember member, QualificationCheck check) {
    List<RuleViolation> breaches = StaffRules.checkVerification(member, check);
    return new Verification(
        breaches.isEmpty() ? VerificationStatus.VERIFIED : VerificationStatus.REFUTED, breaches);
  }
}
