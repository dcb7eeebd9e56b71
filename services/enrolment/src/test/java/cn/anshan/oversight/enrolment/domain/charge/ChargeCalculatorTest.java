package cn.anshan.oversight.enrolment.domain.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.enrolment.domain.charge.ChargeCalculator.Period;
import cn.anshan.oversight.enrolment.domain.programme.Billing;
import cn.anshan.oversight.enrolment.domain.programme.ProgrammeType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Charges, exemptions and withdrawal refunds (LN-ASV-03, LN-ASV-06, §8.3). */
class ChargeCalculatorTest {
  static final long FEE = 15_000; // 150 yuan a month
  static final LocalDate TERM_START = LocalDate.of(2026, 9, 1);
  static final LocalDate TERM_END = LocalDate.of(2027, 1, 15);
  static final Period SEPTEMBER = new Period(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));

  static long charge(Period period, LocalDate from, LocalDate until, RefundGranularity g) {
    return ChargeCalculator.amount(FEE, period, from, until, g, false);
  }

  static long refund(Period period, LocalDate effective, RefundGranularity g) {
    long charged = charge(period, period.start(), null, g);
    return ChargeCalculator.refund(charged, FEE, period, period.start(), effective, g, false);
  }

  @Test
  @DisplayName(
      "LN-ASV-03: a full month costs exactly the published monthly fee at every granularity")
  void lnAsv03FullMonthIsTheFee() {
    for (RefundGranularity g : RefundGranularity.values()) {
      assertEquals(FEE, charge(SEPTEMBER, TERM_START, null, g), g.name());
    }
  }

  @Test
  @DisplayName("§8.3 DAY: withdrawal effective 16 Sept refunds 15 of 30 days")
  void dayGranularityMidMonthWithdrawal() {
    assertEquals(7_500, refund(SEPTEMBER, LocalDate.of(2026, 9, 16), RefundGranularity.DAY));
    assertEquals(FEE * 29 / 30, refund(SEPTEMBER, LocalDate.of(2026, 9, 2), RefundGranularity.DAY));
  }

  @Test
  @DisplayName("§8.3 HALF_MONTH: up to half a month used keeps half; more keeps the whole month")
  void halfMonthGranularity() {
    assertEquals(7_500, refund(SEPTEMBER, LocalDate.of(2026, 9, 16), RefundGranularity.HALF_MONTH));
    assertEquals(0, refund(SEPTEMBER, LocalDate.of(2026, 9, 17), RefundGranularity.HALF_MONTH));
    assertEquals(FEE, refund(SEPTEMBER, LocalDate.of(2026, 9, 1), RefundGranularity.HALF_MONTH));
  }

  @Test
  @DisplayName("§8.3 MONTH: a used day keeps the month; whole unused months come back")
  void monthGranularity() {
    assertEquals(0, refund(SEPTEMBER, LocalDate.of(2026, 9, 2), RefundGranularity.MONTH));
    Period term = new Period(TERM_START, TERM_END);
    // Per-term charge: Sep..Jan = 5 months (January partly, counted whole at MONTH).
    assertEquals(5 * FEE, charge(term, TERM_START, null, RefundGranularity.MONTH));
    // Effective 10 Oct: Sep and Oct used, Nov, Dec and Jan refunded.
    assertEquals(3 * FEE, refund(term, LocalDate.of(2026, 10, 10), RefundGranularity.MONTH));
  }

  @Test
  @DisplayName("LN-ASV-06: an exempt child is charged 0 and nothing is refunded")
  void lnAsv06ExemptIsZero() {
    assertEquals(
        0, ChargeCalculator.amount(FEE, SEPTEMBER, TERM_START, null, RefundGranularity.DAY, true));
    assertEquals(
        0,
        ChargeCalculator.refund(
            0, FEE, SEPTEMBER, TERM_START, LocalDate.of(2026, 9, 10), RefundGranularity.DAY, true));
  }

  @Test
  @DisplayName("§8.3 no charge across terms: January stops at the term end, February is outside")
  void termBoundary() {
    Optional<Period> january =
        ChargeCalculator.period(Billing.MONTHLY, TERM_START, TERM_END, YearMonth.of(2027, 1));
    assertEquals(new Period(LocalDate.of(2027, 1, 1), TERM_END), january.orElseThrow());
    assertEquals(FEE * 15 / 31, charge(january.get(), TERM_START, null, RefundGranularity.DAY));
    assertTrue(
        ChargeCalculator.period(Billing.MONTHLY, TERM_START, TERM_END, YearMonth.of(2027, 2))
            .isEmpty());
    assertEquals(
        new Period(TERM_START, TERM_END),
        ChargeCalculator.period(Billing.PER_TERM, TERM_START, TERM_END, null).orElseThrow());
  }

  @Test
  @DisplayName("LN-ASV-03: a child starting mid-month pays only the days served (DAY)")
  void midMonthStart() {
    assertEquals(
        FEE * 20 / 30, charge(SEPTEMBER, LocalDate.of(2026, 9, 11), null, RefundGranularity.DAY));
  }

  @Test
  @DisplayName("LN-ASV-03: no period ever costs more than the fee times its months")
  void lnAsv03NeverAboveTheFee() {
    Period term = new Period(TERM_START, TERM_END);
    for (RefundGranularity g : RefundGranularity.values()) {
      long amount = charge(term, TERM_START, null, g);
      assertTrue(amount <= FEE * term.months(), g + ": " + amount);
    }
    assertEquals(5, term.months());
  }

  @Test
  @DisplayName("LN-ASV-03: a charge above the published fee cannot even be constructed")
  void lnAsv03ChargeAboveFeeImpossible() {
    PublishedFee fee = new PublishedFee("school-1", "2026-autumn", ProgrammeType.AFTER_SCHOOL);
    fee.publish(1, "tiedong", "p-1", "SERVICE_CHARGE", FEE, null, null, null, UUID.randomUUID());
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                new Charge(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    "school-1",
                    "tiedong",
                    "2026-autumn",
                    SEPTEMBER,
                    fee,
                    FEE + 1,
                    null,
                    Instant.parse("2026-09-01T01:00:00Z")));
    assertTrue(refused.getMessage().contains("LN-ASV-03"));
  }

  @Test
  @DisplayName("LN-ASV-06: a lower fee revision never replaces a higher one")
  void lnAsv06HigherRevisionWins() {
    PublishedFee fee = new PublishedFee("school-1", "2026-autumn", ProgrammeType.AFTER_SCHOOL);
    assertTrue(fee.publish(2, "tiedong", "p-2", "SERVICE_CHARGE", 12_000, null, null, null, null));
    assertEquals(
        false, fee.publish(1, "tiedong", "p-1", "SERVICE_CHARGE", 15_000, null, null, null, null));
    assertEquals(12_000, fee.feeFenPerMonth());
  }

  @Test
  @DisplayName(
      "LN-ASV-06: an exemption granted after a charge returns what is left of it, never more")
  void lnAsv06ExemptionRefundReturnsTheRemainder() {
    assertEquals(FEE, ChargeCalculator.exemptionRefund(FEE, 0));
    assertEquals(7_500, ChargeCalculator.exemptionRefund(FEE, 7_500));
    assertEquals(0, ChargeCalculator.exemptionRefund(FEE, FEE));
    PublishedFee fee = new PublishedFee("school-1", "2026-autumn", ProgrammeType.AFTER_SCHOOL);
    fee.publish(1, "tiedong", "p-1", "SERVICE_CHARGE", FEE, null, null, null, UUID.randomUUID());
    Instant now = Instant.parse("2026-09-10T01:00:00Z");
    Charge charge =
        new Charge(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "school-1",
            "tiedong",
            "2026-autumn",
            SEPTEMBER,
            fee,
            FEE,
            null,
            now);
    UUID exemption = UUID.randomUUID();
    LocalDate decidedOn = LocalDate.of(2026, 9, 10);
    var refunded = charge.refundOnExemption(exemption, decidedOn, RefundGranularity.DAY, now);
    assertEquals("AsvRefundIssued.v1", refunded.orElseThrow().name());
    var issued = (ChargeEvents.RefundIssued) refunded.orElseThrow().data();
    assertEquals(FEE, issued.refundFen());
    assertEquals(exemption, issued.exemptionId());
    assertEquals(FEE, charge.refundedFen());
    assertEquals(
        Optional.empty(),
        charge.refundOnExemption(exemption, decidedOn, RefundGranularity.DAY, now),
        "nothing is left: no second refund");
    assertThrows(IllegalStateException.class, () -> charge.refund(1, now));
  }
}
