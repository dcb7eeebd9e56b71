package cn.anshan.oversight.fee.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.problem.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Value rules of a fee at their boundaries (LN-ASV-03/05/06, ASV-04). */
class FeeRulesTest {
  static final FeeLimits LIMITS =
      new FeeLimits(
          20_000,
          Map.of(
              SchoolLevel.SENIOR_DAY, 28_000L,
              SchoolLevel.SENIOR_GRADUATING, 47_000L,
              SchoolLevel.BOARDING, 47_000L),
          20_000,
          Set.of(
              new FeeLimits.FeeItem(ProgrammeType.AFTER_SCHOOL, FeeBasis.SERVICE_CHARGE),
              new FeeLimits.FeeItem(ProgrammeType.AFTER_SCHOOL, FeeBasis.COLLECT_ON_BEHALF),
              new FeeLimits.FeeItem(ProgrammeType.SATURDAY, FeeBasis.SERVICE_CHARGE),
              new FeeLimits.FeeItem(ProgrammeType.HOLIDAY, FeeBasis.SERVICE_CHARGE)));

  /** Cost that allows exactly {@code perHead} fen per participant for 100 participants. */
  static FeeTerms terms(SchoolLevel level, long perHead, long fee) {
    return new FeeTerms(
        FeeBasis.SERVICE_CHARGE, level, new CostBreakdown(perHead * 100, 0, 0, 0), 100, fee);
  }

  static List<String> rules(List<RuleViolation> violations) {
    return violations.stream().map(RuleViolation::rule).toList();
  }

  @Test
  @DisplayName("LN-ASV-06 以支定收: a fee equal to cost ÷ participants passes, one fen more fails")
  void lnAsv06FeeAtCostPerParticipantPassesOneFenMoreFails() {
    assertEquals(
        List.of(),
        FeeRules.check(
            ProgrammeType.AFTER_SCHOOL, terms(SchoolLevel.PRIMARY, 15_000, 15_000), LIMITS));
    List<RuleViolation> v =
        FeeRules.check(
            ProgrammeType.AFTER_SCHOOL, terms(SchoolLevel.PRIMARY, 15_000, 15_001), LIMITS);
    assertEquals(List.of("LN-ASV-06"), rules(v));
    assertTrue(v.get(0).detail().contains("以支定收"));
  }

  @Test
  @DisplayName("LN-ASV-06 支价相符: no rounding up of an uneven cost share (1000 fen ÷ 3)")
  void lnAsv06UnevenShareIsRoundedDownNeverUp() {
    CostBreakdown costs = new CostBreakdown(400, 300, 200, 100);
    assertEquals(1_000, costs.totalFen());
    assertEquals(
        List.of(),
        FeeRules.checkAmount(ProgrammeType.AFTER_SCHOOL, SchoolLevel.PRIMARY, costs, 3, 333));
    assertEquals(
        List.of("LN-ASV-06"),
        rules(
            FeeRules.checkAmount(ProgrammeType.AFTER_SCHOOL, SchoolLevel.PRIMARY, costs, 3, 334)));
  }

  @Test
  @DisplayName("LN-ASV-06 非营利性: a zero fee is allowed, a fee with no cost is not")
  void lnAsv06ZeroCostAllowsOnlyAZeroFee() {
    CostBreakdown none = new CostBreakdown(0, 0, 0, 0);
    assertEquals(
        List.of(),
        FeeRules.checkAmount(ProgrammeType.AFTER_SCHOOL, SchoolLevel.PRIMARY, none, 50, 0));
    assertEquals(
        List.of("LN-ASV-06"),
        rules(FeeRules.checkAmount(ProgrammeType.AFTER_SCHOOL, SchoolLevel.PRIMARY, none, 50, 1)));
  }

  @Test
  @DisplayName("LN-ASV-03: 200 yuan (20000 fen) per month passes, 20001 fen fails")
  void lnAsv03CapBoundary() {
    assertEquals(
        List.of(),
        FeeRules.check(
            ProgrammeType.AFTER_SCHOOL, terms(SchoolLevel.PRIMARY, 30_000, 20_000), LIMITS));
    assertEquals(
        List.of("LN-ASV-03"),
        rules(
            FeeRules.check(
                ProgrammeType.AFTER_SCHOOL, terms(SchoolLevel.JUNIOR, 30_000, 20_001), LIMITS)));
  }

  @Test
  @DisplayName("LN-ASV-05: senior day school's own cap of 280 yuan, boarding 470")
  void lnAsv05LevelCapsBoundary() {
    assertEquals(
        List.of(),
        FeeRules.check(
            ProgrammeType.AFTER_SCHOOL, terms(SchoolLevel.SENIOR_DAY, 50_000, 28_000), LIMITS));
    assertEquals(
        List.of("LN-ASV-05"),
        rules(
            FeeRules.check(
                ProgrammeType.AFTER_SCHOOL,
                terms(SchoolLevel.SENIOR_DAY, 50_000, 28_001),
                LIMITS)));
    assertEquals(
        List.of(),
        FeeRules.check(
            ProgrammeType.AFTER_SCHOOL, terms(SchoolLevel.BOARDING, 50_000, 47_000), LIMITS));
    assertEquals(
        List.of("LN-ASV-05"),
        rules(
            FeeRules.check(
                ProgrammeType.AFTER_SCHOOL, terms(SchoolLevel.BOARDING, 50_000, 47_001), LIMITS)));
  }

  @Test
  @DisplayName("LN-ASV-05: Saturday service at senior level is capped at 200 yuan")
  void lnAsv05SaturdaySeniorCap() {
    assertEquals(
        List.of(),
        FeeRules.check(
            ProgrammeType.SATURDAY, terms(SchoolLevel.SENIOR_DAY, 50_000, 20_000), LIMITS));
    assertEquals(
        List.of("LN-ASV-05"),
        rules(
            FeeRules.check(
                ProgrammeType.SATURDAY, terms(SchoolLevel.SENIOR_DAY, 50_000, 20_001), LIMITS)));
  }

  @Test
  @DisplayName("ASV-04: a fee item outside the approved catalogue is a new fee item")
  void asv04NoNewFeeItems() {
    FeeTerms onBehalf =
        new FeeTerms(
            FeeBasis.COLLECT_ON_BEHALF,
            SchoolLevel.PRIMARY,
            new CostBreakdown(1_500_000, 0, 0, 0),
            100,
            15_000);
    assertEquals(List.of(), FeeRules.check(ProgrammeType.AFTER_SCHOOL, onBehalf, LIMITS));
    assertEquals(List.of("ASV-04"), rules(FeeRules.check(ProgrammeType.HOLIDAY, onBehalf, LIMITS)));
    assertEquals(List.of("ASV-04"), rules(FeeRules.check(ProgrammeType.SUMMER, onBehalf, LIMITS)));
  }

  @Test
  void everyBrokenRuleIsReportedAtOnce() {
    FeeTerms terms =
        new FeeTerms(
            FeeBasis.COLLECT_ON_BEHALF,
            SchoolLevel.PRIMARY,
            new CostBreakdown(100, 0, 0, 0),
            1,
            25_000);
    assertEquals(
        List.of("ASV-04", "LN-ASV-06", "LN-ASV-03"),
        rules(FeeRules.check(ProgrammeType.SUMMER, terms, LIMITS)));
  }

  @Test
  void feeItemsParseFromConfiguration() {
    assertEquals(
        new FeeLimits.FeeItem(ProgrammeType.SUMMER, FeeBasis.SERVICE_CHARGE),
        FeeLimits.FeeItem.parse(" SUMMER/SERVICE_CHARGE "));
  }

  @Test
  void termEndsAfterItStartsAndLastsAtMostTheConfiguredDays() {
    LocalDate start = LocalDate.of(2026, 9, 1);
    assertEquals(List.of(), problems(new Term("2026-autumn", start, start.plusDays(183))));
    assertEquals(List.of("termEnd"), problems(new Term("2026-autumn", start, start.plusDays(184))));
    assertEquals(List.of("termEnd"), problems(new Term("2026-autumn", start, start)));
    assertEquals(List.of("termEnd"), problems(new Term("2026-autumn", start, start.minusDays(1))));
    assertEquals(List.of("termId"), problems(new Term("autumn-2026", start, start.plusDays(100))));
  }

  static List<String> problems(Term term) {
    return term.problems(184).stream().map(p -> p.pointer().substring(1)).toList();
  }
}
