package cn.anshan.oversight.escrow.domain.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Grades of the §11 row 13 indicators. */
class RiskRulesTest {

  @Test
  @DisplayName(
      "REL-13 coverage: 1.0 is covered, below is ORANGE, below 0.8 RED, nothing owed is fine")
  void coverage() {
    assertTrue(RiskRules.coverage(100, 100, 1.0, 0.8).isEmpty());
    assertEquals(RiskGrade.ORANGE, RiskRules.coverage(99, 100, 1.0, 0.8).orElseThrow().grade());
    assertEquals(RiskGrade.RED, RiskRules.coverage(79, 100, 1.0, 0.8).orElseThrow().grade());
    assertTrue(RiskRules.coverage(0, 0, 1.0, 0.8).isEmpty());
  }

  @Test
  @DisplayName("REL-13 sales spike against the trailing 4-week average")
  void salesSpike() {
    SalesSpike weekly = new SalesSpike(7, 4, 2.0, 50_000);
    // average 100_000 a week; 200_000 is not above 2x, 200_001 is
    assertTrue(RiskRules.salesSpike(200_000, 400_000, weekly).isEmpty());
    assertEquals(
        RiskGrade.YELLOW, RiskRules.salesSpike(200_001, 400_000, weekly).orElseThrow().grade());
    assertEquals(
        RiskGrade.RED, RiskRules.salesSpike(400_000, 400_000, weekly).orElseThrow().grade());
    assertTrue(RiskRules.salesSpike(900_000, 0, weekly).isEmpty(), "no baseline");
    assertTrue(RiskRules.salesSpike(40_000, 4_000, weekly).isEmpty(), "small sales");
    assertEquals(35, weekly.lookBackDays());
    assertEquals(
        "sales of 400000 fen in 7 days against a weekly average of 100000 fen over the 4 weeks"
            + " before",
        RiskRules.salesSpike(400_000, 400_000, weekly).orElseThrow().detail());
  }

  @Test
  @DisplayName("REL-13 sales spike: the window and the baseline are configuration (row 13 b)")
  void salesSpikeOverAnotherWindow() {
    // fortnights, baseline of 2: average 200_000 a fortnight, so 400_000 is not above 2x
    SalesSpike fortnightly = new SalesSpike(14, 2, 2.0, 50_000);
    assertTrue(RiskRules.salesSpike(400_000, 400_000, fortnightly).isEmpty());
    var trip = RiskRules.salesSpike(400_001, 400_000, fortnightly).orElseThrow();
    assertEquals(RiskGrade.YELLOW, trip.grade());
    assertTrue(trip.detail().contains("in 14 days"), trip.detail());
    assertTrue(trip.detail().endsWith("per 14 days over the 28 days before"), trip.detail());
    assertEquals(42, fortnightly.lookBackDays());
  }

  @Test
  @DisplayName("REL-05 refund surge, PRE-13 reserve minimum, REL-01 stale balance")
  void surgeReserveStale() {
    assertTrue(RiskRules.refundSurge(4, 5).isEmpty());
    assertEquals(RiskGrade.YELLOW, RiskRules.refundSurge(5, 5).orElseThrow().grade());
    assertEquals(RiskGrade.RED, RiskRules.refundSurge(15, 5).orElseThrow().grade());
    assertTrue(RiskRules.reserve(5_000_000, 5_000_000).isEmpty());
    assertEquals(RiskGrade.ORANGE, RiskRules.reserve(4_999_999, 5_000_000).orElseThrow().grade());
    assertEquals(RiskGrade.RED, RiskRules.reserve(2_499_999, 5_000_000).orElseThrow().grade());
    assertTrue(RiskRules.stale(29, 100, 30).isEmpty());
    assertEquals(RiskGrade.YELLOW, RiskRules.stale(30, 100, 30).orElseThrow().grade());
    assertTrue(RiskRules.stale(90, 0, 30).isEmpty());
  }

  @Test
  void pre08Pre25AReconciliationTripsOnlyBeyondTheTolerance() {
    assertTrue(RiskRules.reconciliation(1_000, 1_000, 0).isEmpty());
    assertTrue(RiskRules.reconciliation(1_010, 1_000, 10).isEmpty(), "at the tolerance");
    RiskRules.Trip inflow = RiskRules.reconciliation(1_011, 1_000, 10).orElseThrow();
    assertEquals(RiskIndicator.UNEXPLAINED_INFLOW, inflow.indicator());
    assertEquals("PRE-25", inflow.indicator().rule());
    assertEquals(RiskGrade.ORANGE, inflow.grade());
    assertEquals(11, inflow.value());
    RiskRules.Trip shortfall = RiskRules.reconciliation(999, 1_000, 0).orElseThrow();
    assertEquals(RiskIndicator.CUSTODY_SHORTFALL, shortfall.indicator());
    assertEquals("PRE-08", shortfall.indicator().rule());
    assertEquals(RiskGrade.RED, shortfall.grade());
  }

  @Test
  void plt14FastConsumptionTripsAboveTheWeeklyNumberAndIsRedFromTwiceIt() {
    assertTrue(RiskRules.fastConsumption(7, 7).isEmpty());
    assertEquals(RiskGrade.ORANGE, RiskRules.fastConsumption(8, 7).orElseThrow().grade());
    assertEquals(RiskGrade.ORANGE, RiskRules.fastConsumption(13, 7).orElseThrow().grade());
    assertEquals(RiskGrade.RED, RiskRules.fastConsumption(14, 7).orElseThrow().grade());
    assertEquals(
        RiskIndicator.FAST_CONSUMPTION, RiskRules.fastConsumption(8, 7).orElseThrow().indicator());
    assertEquals("PLT-14", RiskIndicator.FAST_CONSUMPTION.rule());
  }

  @Test
  @DisplayName("LST-01: money arriving while not entitled trips RED, with the rule on its event")
  void lst01CollectionWhileNotEntitled() {
    UUID order = UUID.randomUUID();
    assertTrue(RiskRules.collectionWhileNotEntitled(order, 6_000, true).isEmpty());
    RiskRules.Trip trip = RiskRules.collectionWhileNotEntitled(order, 6_000, false).orElseThrow();
    assertEquals(RiskGrade.RED, trip.grade());

    PendingEvent event = trip.tripped("inst-1", "tiedong", Instant.EPOCH);
    assertEquals("RiskIndicatorTripped.v1", event.name());
    RiskEvents.RiskIndicatorTripped data = (RiskEvents.RiskIndicatorTripped) event.data();
    assertEquals("LST-01", data.ruleId());
    assertEquals("COLLECTION_WHILE_NOT_ENTITLED", data.indicator());
    assertEquals(
        "InstitutionRisk",
        event.numbered("InstitutionRisk", "inst-1", 3).aggregateType(),
        "numbered by the institution's risk record");
  }

  @Test
  @DisplayName("REL-04: a lesson asked for a session the child missed trips ORANGE")
  void rel04ConsumptionWithoutAttendance() {
    RiskRules.Trip trip =
        RiskRules.consumptionWithoutAttendance(UUID.randomUUID(), UUID.randomUUID());
    assertEquals(RiskIndicator.CONSUMPTION_WITHOUT_ATTENDANCE, trip.indicator());
    assertEquals(RiskGrade.ORANGE, trip.grade());
  }
}
