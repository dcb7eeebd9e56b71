package cn.anshan.oversight.registry.domain.inspection;

/**
 * The grade an institution is sampled at in INS-02 (issue 18 item 3): its assigned risk grade,
 * raised one step while any of its declarations is unchecked (the platform has only the operator's
 * word), and the riskiest grade once a check has found one false (a certificate or an in-service
 * status, STF-01/STF-02; a non-subject classification, REG-03). The assigned grade itself does not
 * change: it is the regulator's judgement, this is the sampling's.
 */
public record SamplingGrade(RiskGrade assigned, RiskGrade sampledAs, RaiseReason reason) {

  public enum RaiseReason {
    ASSIGNED,
    UNVERIFIED_DECLARATIONS,
    REFUTED_DECLARATIONS
  }

  public static SamplingGrade of(RiskGrade assigned, DeclarationChecks checks) {
    if (checks.refuted() > 0) {
      return new SamplingGrade(assigned, RiskGrade.D, RaiseReason.REFUTED_DECLARATIONS);
    }
    if (checks.unverified() > 0) {
      return new SamplingGrade(assigned, riskier(assigned), RaiseReason.UNVERIFIED_DECLARATIONS);
    }
    return new SamplingGrade(assigned, assigned, RaiseReason.ASSIGNED);
  }

  public boolean raised() {
    return sampledAs != assigned;
  }

  private static RiskGrade riskier(RiskGrade grade) {
    RiskGrade[] grades = RiskGrade.values();
    return grades[Math.min(grade.ordinal() + 1, grades.length - 1)];
  }
}
