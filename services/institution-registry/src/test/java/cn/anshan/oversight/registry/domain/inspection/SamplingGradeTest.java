package cn.anshan.oversight.registry.domain.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.registry.domain.inspection.SamplingGrade.RaiseReason;
import org.junit.jupiter.api.Test;

/**
 * INS-02 with issue 18 item 3: declarations nobody checked, or found false, are a reason to look
 * closer.
 */
class SamplingGradeTest {
  static final DeclarationChecks ALL_VERIFIED = new DeclarationChecks(0, 0);
  static final DeclarationChecks ONE_UNVERIFIED = new DeclarationChecks(1, 0);
  static final DeclarationChecks ONE_REFUTED = new DeclarationChecks(1, 1);

  @Test
  void ins02VerifiedStaffKeepTheAssignedGrade() {
    SamplingGrade grade = SamplingGrade.of(RiskGrade.B, ALL_VERIFIED);
    assertEquals(RiskGrade.B, grade.sampledAs());
    assertEquals(RaiseReason.ASSIGNED, grade.reason());
    assertFalse(grade.raised());
    assertFalse(SamplingGrade.of(RiskGrade.A, DeclarationChecks.NONE).raised());
  }

  @Test
  void ins02UnverifiedDeclarationsRaiseTheGradeOneStepUpToD() {
    assertEquals(RiskGrade.B, SamplingGrade.of(RiskGrade.A, ONE_UNVERIFIED).sampledAs());
    assertEquals(RiskGrade.C, SamplingGrade.of(RiskGrade.B, ONE_UNVERIFIED).sampledAs());
    assertEquals(RiskGrade.D, SamplingGrade.of(RiskGrade.C, ONE_UNVERIFIED).sampledAs());
    SamplingGrade already = SamplingGrade.of(RiskGrade.D, ONE_UNVERIFIED);
    assertEquals(RiskGrade.D, already.sampledAs());
    assertFalse(already.raised());
    SamplingGrade raised = SamplingGrade.of(RiskGrade.B, ONE_UNVERIFIED);
    assertTrue(raised.raised());
    assertEquals(RiskGrade.B, raised.assigned());
    assertEquals(RaiseReason.UNVERIFIED_DECLARATIONS, raised.reason());
  }

  @Test
  void ins02ARefutedDeclarationIsSampledAtTheRiskiestGrade() {
    SamplingGrade grade = SamplingGrade.of(RiskGrade.A, ONE_REFUTED);
    assertEquals(RiskGrade.D, grade.sampledAs());
    assertEquals(RaiseReason.REFUTED_DECLARATIONS, grade.reason());
  }
}
