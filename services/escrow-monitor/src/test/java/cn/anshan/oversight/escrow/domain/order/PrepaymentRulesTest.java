package cn.anshan.oversight.escrow.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.escrow.domain.entitlement.Category;
import cn.anshan.oversight.kit.problem.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Boundary tests of every prepayment cap (LN-PRE-04, PRE-20…24, CON-09). */
class PrepaymentRulesTest {
  static final PrepaymentCaps CAPS =
      new PrepaymentCaps(
          3,
          60,
          500_000,
          500_000,
          true,
          30,
          20,
          List.of(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-09-01")),
          "GF-2021-2604");
  static final LocalDate START = LocalDate.parse("2026-04-27");

  static OrderTerms terms(Category category, int hours, long amountFen, LocalDate end) {
    return new OrderTerms(
        category, hours, amountFen, START, end, LocalDate.parse("2026-04-20"), "GF-2021-2604");
  }

  static List<String> rules(List<RuleViolation> violations) {
    return violations.stream().map(RuleViolation::rule).toList();
  }

  @Test
  @DisplayName("LN-PRE-04: 60 class hours pass, 61 are refused")
  void lnPre04ClassHours() {
    assertEquals(
        List.of(), PrepaymentRules.check(terms(Category.NON_SUBJECT, 60, 1000, START), CAPS));
    List<RuleViolation> refused =
        PrepaymentRules.check(terms(Category.NON_SUBJECT, 61, 1000, START), CAPS);
    assertEquals(List.of("LN-PRE-04"), rules(refused));
    assertTrue(refused.get(0).detail().contains("61 class hours"));
  }

  @Test
  @DisplayName("LN-PRE-04: exactly 3 months pass, one day more is refused")
  void lnPre04ExactlyThreeMonths() {
    assertEquals(
        List.of(),
        PrepaymentRules.check(
            terms(Category.NON_SUBJECT, 10, 1000, LocalDate.parse("2026-07-26")), CAPS));
    assertEquals(
        List.of("LN-PRE-04"),
        rules(
            PrepaymentRules.check(
                terms(Category.NON_SUBJECT, 10, 1000, LocalDate.parse("2026-07-27")), CAPS)));
  }

  @Test
  @DisplayName("LN-PRE-04: the shorter of 3 months and 60 hours wins; both are reported")
  void lnPre04ShorterWins() {
    assertEquals(
        List.of("LN-PRE-04", "LN-PRE-04"),
        rules(
            PrepaymentRules.check(
                terms(Category.NON_SUBJECT, 61, 1000, LocalDate.parse("2026-08-01")), CAPS)));
  }

  @Test
  @DisplayName("PRE-20: 5,000.00 yuan pass, 5,000.01 yuan are refused (non-subject)")
  void pre20AmountCap() {
    assertEquals(
        List.of(), PrepaymentRules.check(terms(Category.NON_SUBJECT, 10, 500_000, START), CAPS));
    assertEquals(
        List.of("PRE-20"),
        rules(PrepaymentRules.check(terms(Category.NON_SUBJECT, 10, 500_001, START), CAPS)));
  }

  @Test
  @DisplayName("PRE-21: the subject-type amount cap is a flag")
  void pre21SubjectFlag() {
    assertEquals(
        List.of("PRE-21"),
        rules(PrepaymentRules.check(terms(Category.SUBJECT, 10, 500_001, START), CAPS)));
    PrepaymentCaps off =
        new PrepaymentCaps(
            3, 60, 500_000, 500_000, false, 30, 20, CAPS.termStarts(), "GF-2021-2604");
    assertEquals(
        List.of(), PrepaymentRules.check(terms(Category.SUBJECT, 10, 900_000, START), off));
  }

  @Test
  @DisplayName("PRE-23: collection at most 30 days before the course starts")
  void pre23EarliestCollection() {
    OrderTerms onTheDay =
        new OrderTerms(
            Category.NON_SUBJECT, 10, 1000, START, START, START.minusDays(30), "GF-2021-2604");
    OrderTerms dayEarlier =
        new OrderTerms(
            Category.NON_SUBJECT, 10, 1000, START, START, START.minusDays(31), "GF-2021-2604");
    assertEquals(
        Optional.empty(),
        PrepaymentRules.checkEarliestCollection(onTheDay, OptionalInt.empty(), CAPS));
    assertEquals(
        "PRE-23",
        PrepaymentRules.checkEarliestCollection(dayEarlier, OptionalInt.empty(), CAPS)
            .orElseThrow()
            .rule());
  }

  @Test
  @DisplayName("PRE-23: a renewal may be collected earlier once 20 class hours or fewer are left")
  void pre23RenewalWhenTwentyHoursRemain() {
    OrderTerms twoMonthsEarly =
        new OrderTerms(
            Category.SUBJECT, 10, 1000, START, START, START.minusDays(60), "GF-2021-2604");
    assertEquals(
        Optional.empty(),
        PrepaymentRules.checkEarliestCollection(twoMonthsEarly, OptionalInt.of(20), CAPS));
    assertEquals(
        "PRE-23",
        PrepaymentRules.checkEarliestCollection(twoMonthsEarly, OptionalInt.of(21), CAPS)
            .orElseThrow()
            .rule());
  }

  @Test
  @DisplayName("PRE-24: an order may not span the start of a term")
  void pre24NoCrossTerm() {
    OrderTerms summer =
        new OrderTerms(
            Category.NON_SUBJECT,
            10,
            1000,
            LocalDate.parse("2026-07-15"),
            LocalDate.parse("2026-08-31"),
            LocalDate.parse("2026-07-01"),
            "GF-2021-2604");
    OrderTerms spanning =
        new OrderTerms(
            Category.NON_SUBJECT,
            10,
            1000,
            LocalDate.parse("2026-07-15"),
            LocalDate.parse("2026-09-01"),
            LocalDate.parse("2026-07-01"),
            "GF-2021-2604");
    assertEquals(List.of(), PrepaymentRules.check(summer, CAPS));
    assertEquals(List.of("PRE-24"), rules(PrepaymentRules.check(spanning, CAPS)));
  }

  @Test
  @DisplayName(
      "PRE-24: a period ending after the last configured term start is refused, naming the missing data")
  void pre24BeyondTheConfiguredCalendar() {
    OrderTerms autumn =
        new OrderTerms(
            Category.NON_SUBJECT,
            10,
            1000,
            LocalDate.parse("2026-09-01"),
            LocalDate.parse("2026-09-02"),
            LocalDate.parse("2026-08-25"),
            "GF-2021-2604");
    List<RuleViolation> refused = PrepaymentRules.check(autumn, CAPS);
    assertEquals(List.of("PRE-24"), rules(refused));
    assertTrue(
        refused.get(0).detail().contains("configured only up to 2026-09-01"), refused.toString());
    OrderTerms lastDay =
        new OrderTerms(
            Category.NON_SUBJECT,
            10,
            1000,
            LocalDate.parse("2026-08-01"),
            LocalDate.parse("2026-08-31"),
            LocalDate.parse("2026-07-25"),
            "GF-2021-2604");
    assertEquals(List.of(), PrepaymentRules.check(lastDay, CAPS));
  }

  @Test
  @DisplayName("CON-09: only the 2021 model contract")
  void con09ContractVersion() {
    OrderTerms old =
        new OrderTerms(Category.NON_SUBJECT, 10, 1000, START, START, START, "GF-2020-2604");
    assertEquals(List.of("CON-09"), rules(PrepaymentRules.check(old, CAPS)));
  }

  @Test
  @DisplayName("LN-PRE-04 split orders: 30 + 30 hours pass, 30 + 31 are refused; amounts too")
  void lnPre04SplitOrders() {
    assertEquals(
        List.of(),
        PrepaymentRules.checkSplit(
            terms(Category.NON_SUBJECT, 30, 250_000, START), 30, 250_000, 90, CAPS));
    assertEquals(
        List.of("LN-PRE-04"),
        rules(
            PrepaymentRules.checkSplit(
                terms(Category.NON_SUBJECT, 31, 1000, START), 30, 1000, 90, CAPS)));
    assertEquals(
        List.of("PRE-20"),
        rules(
            PrepaymentRules.checkSplit(
                terms(Category.NON_SUBJECT, 10, 250_001, START), 10, 250_000, 90, CAPS)));
  }
}
