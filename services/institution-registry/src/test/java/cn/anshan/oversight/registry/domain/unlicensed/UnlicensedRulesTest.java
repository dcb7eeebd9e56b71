package cn.anshan.oversight.registry.domain.unlicensed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.kit.problem.RuleViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ENF-02's three-part test and the fine bands of ENF-02 and ENF-03, at their edges. */
class UnlicensedRulesTest {
  static final FineBands BANDS = new FineBands(2, 1, 5, 5_000_000);

  static ThreePartTest test(boolean venue, int staff, boolean organised, boolean subject) {
    return new ThreePartTest(venue, "photo 1", staff, "roster", organised, "chart", subject, "ad");
  }

  static List<String> rules(List<RuleViolation> violations) {
    return violations.stream().map(RuleViolation::rule).toList();
  }

  static SanctionOrder fine(Long fine, Long gains) {
    return new SanctionOrder(OperatorSanctionType.FINE, fine, gains, null, "fined");
  }

  @Test
  void enf02AllThreePartsWithTwoOrMoreStaffMakeAnUnlicensedInstitution() {
    assertEquals(OperatorFinding.UNLICENSED_INSTITUTION, test(true, 2, true, false).finding(2));
    assertEquals(OperatorFinding.UNLICENSED_INSTITUTION, test(true, 9, true, true).finding(2));
    // one staff short, no venue or no organisation: not ENF-02
    assertEquals(OperatorFinding.NOT_ESTABLISHED, test(true, 1, true, false).finding(2));
    assertEquals(OperatorFinding.NOT_ESTABLISHED, test(false, 5, true, false).finding(2));
    assertEquals(OperatorFinding.NOT_ESTABLISHED, test(true, 5, false, false).finding(2));
  }

  @Test
  void enf03SubjectTrainingShortOfTheTestIsDisguisedTraining() {
    assertEquals(OperatorFinding.DISGUISED_TRAINING, test(true, 1, true, true).finding(2));
    assertEquals(OperatorFinding.DISGUISED_TRAINING, test(false, 0, false, true).finding(2));
  }

  @Test
  void enf02EveryAssertedPartNamesItsEvidence() {
    var bare = new ThreePartTest(true, " ", 3, null, true, "", true, null);
    assertEquals(
        List.of("ENF-02", "ENF-02", "ENF-02", "ENF-03"), rules(UnlicensedRules.evidence(bare)));
    var denied = new ThreePartTest(false, null, 0, null, false, null, false, null);
    assertEquals(List.of(), UnlicensedRules.evidence(denied));
  }

  @Test
  void enf02FineIsOneToFiveTimesTheIllegalGains() {
    var finding = OperatorFinding.UNLICENSED_INSTITUTION;
    assertEquals(List.of(), UnlicensedRules.sanction(finding, fine(100_000L, 100_000L), BANDS));
    assertEquals(List.of(), UnlicensedRules.sanction(finding, fine(500_000L, 100_000L), BANDS));
    assertEquals(
        List.of("ENF-02"),
        rules(UnlicensedRules.sanction(finding, fine(99_999L, 100_000L), BANDS)));
    assertEquals(
        List.of("ENF-02"),
        rules(UnlicensedRules.sanction(finding, fine(500_001L, 100_000L), BANDS)));
    assertEquals(
        List.of("ENF-02"), rules(UnlicensedRules.sanction(finding, fine(100_000L, null), BANDS)));
  }

  @Test
  void enf03FineIsCappedAndNotMeasuredByGains() {
    var finding = OperatorFinding.DISGUISED_TRAINING;
    assertEquals(List.of(), UnlicensedRules.sanction(finding, fine(5_000_000L, null), BANDS));
    assertEquals(
        List.of("ENF-03"), rules(UnlicensedRules.sanction(finding, fine(5_000_001L, null), BANDS)));
    assertEquals(
        List.of("ENF-03"), rules(UnlicensedRules.sanction(finding, fine(1_000L, 1_000L), BANDS)));
  }

  @Test
  void eachFindingAllowsOnlyItsRulesOutcomes() {
    var stop = new SanctionOrder(OperatorSanctionType.ORDER_TO_STOP, null, null, null, "stop");
    var correct =
        new SanctionOrder(OperatorSanctionType.ORDER_TO_CORRECT, null, null, null, "correct");
    var referral = new SanctionOrder(OperatorSanctionType.REFERRAL, null, null, " ", "refer");
    assertEquals(
        List.of(), UnlicensedRules.sanction(OperatorFinding.UNLICENSED_INSTITUTION, stop, BANDS));
    assertEquals(
        List.of("ENF-02"),
        rules(UnlicensedRules.sanction(OperatorFinding.UNLICENSED_INSTITUTION, correct, BANDS)));
    assertEquals(
        List.of("ENF-03"),
        rules(UnlicensedRules.sanction(OperatorFinding.DISGUISED_TRAINING, stop, BANDS)));
    assertEquals(
        List.of("ENF-03"),
        rules(UnlicensedRules.sanction(OperatorFinding.DISGUISED_TRAINING, referral, BANDS)));
    // nothing to sanction before an assessment or when it established nothing
    assertEquals(List.of("ENF-02"), rules(UnlicensedRules.sanction(null, stop, BANDS)));
    assertEquals(
        List.of("ENF-02"),
        rules(UnlicensedRules.sanction(OperatorFinding.NOT_ESTABLISHED, stop, BANDS)));
  }
}
