package cn.anshan.oversight.escrow.domain.risk;

import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Measures and grades of the §11 row 13 indicators. Plain Java. */
public final class RiskRules {
  private RiskRules() {}

  /** A tripped indicator before it is stored. */
  public record Trip(
      RiskIndicator indicator, RiskGrade grade, double value, double threshold, String detail) {

    /**
     * The RiskIndicatorTripped event of {@code institutionId}'s risk record, for the command to
     * number with the trip counter's version, once the trip is claimed (one per indicator a day).
     */
    public PendingEvent tripped(String institutionId, String district, Instant at) {
      return RiskEvents.riskTripped(institutionId, district, this, at);
    }
  }

  /**
   * LST-01: a payment of {@code amountFen} for {@code orderId} reached custody while not entitled.
   */
  public static Optional<Trip> collectionWhileNotEntitled(
      UUID orderId, long amountFen, boolean entitled) {
    if (entitled) {
      return Optional.empty();
    }
    return Optional.of(
        new Trip(
            RiskIndicator.COLLECTION_WHILE_NOT_ENTITLED,
            RiskGrade.RED,
            amountFen,
            0,
            "payment of "
                + amountFen
                + " fen for order "
                + orderId
                + " arrived while the institution may not collect"));
  }

  /** REL-04: a lesson of {@code orderId} was asked for a session its child did not attend. */
  public static Trip consumptionWithoutAttendance(UUID orderId, UUID sessionId) {
    return new Trip(
        RiskIndicator.CONSUMPTION_WITHOUT_ATTENDANCE,
        RiskGrade.ORANGE,
        1,
        0,
        "a lesson of order "
            + orderId
            + " was asked for session "
            + sessionId
            + ", which the order's child did not attend");
  }

  /**
   * Row 13 (a): a custody bank states the balance of a day that has begun (today: so far), never of
   * one to come.
   */
  public static void requireStatedDay(LocalDate day, LocalDate today) {
    if (day.isAfter(today)) {
      throw ProblemException.rule(
          RiskIndicator.CUSTODY_SHORTFALL.rule(),
          "a balance is stated for a day that has begun: asOf " + day + " is after " + today);
    }
  }

  /** (a) coverage = custody balance ÷ unconsumed value; nothing to cover means no risk. */
  public static Optional<Trip> coverage(
      long custodyBalanceFen, long unconsumedFen, double minimum, double red) {
    if (unconsumedFen <= 0) {
      return Optional.empty();
    }
    double ratio = (double) custodyBalanceFen / unconsumedFen;
    if (ratio >= minimum) {
      return Optional.empty();
    }
    RiskGrade grade = ratio < red ? RiskGrade.RED : RiskGrade.ORANGE;
    return Optional.of(
        new Trip(
            RiskIndicator.COVERAGE,
            grade,
            round(ratio),
            minimum,
            "custody balance "
                + custodyBalanceFen
                + " fen covers "
                + Math.round(ratio * 100)
                + "% of "
                + unconsumedFen
                + " fen of unconsumed lessons"));
  }

  /**
   * (b) the last window's sales against the average window of the baseline before it; no baseline
   * (a new institution) or small sales trip nothing.
   */
  public static Optional<Trip> salesSpike(long lastWindowFen, long baselineFen, SalesSpike spike) {
    double average = (double) baselineFen / spike.baselineWindows();
    if (lastWindowFen < spike.minimumFen() || average <= 0) {
      return Optional.empty();
    }
    double ratio = lastWindowFen / average;
    if (ratio <= spike.factor()) {
      return Optional.empty();
    }
    RiskGrade grade =
        ratio >= 2 * spike.factor()
            ? RiskGrade.RED
            : ratio >= 1.5 * spike.factor() ? RiskGrade.ORANGE : RiskGrade.YELLOW;
    return Optional.of(
        new Trip(
            RiskIndicator.SALES_SPIKE,
            grade,
            round(ratio),
            spike.factor(),
            "sales of "
                + lastWindowFen
                + " fen in "
                + spike.windowDays()
                + " days against "
                + spike.describeAverage(Math.round(average))));
  }

  /** (c) refund requests in the last 7 days reaching the configured count. */
  public static Optional<Trip> refundSurge(long requestsInWeek, int threshold) {
    if (requestsInWeek < threshold) {
      return Optional.empty();
    }
    RiskGrade grade =
        requestsInWeek >= 3L * threshold
            ? RiskGrade.RED
            : requestsInWeek >= 2L * threshold ? RiskGrade.ORANGE : RiskGrade.YELLOW;
    return Optional.of(
        new Trip(
            RiskIndicator.REFUND_SURGE,
            grade,
            requestsInWeek,
            threshold,
            requestsInWeek + " refund requests in 7 days"));
  }

  /** (g) reserve below the minimum: ORANGE, RED below half of it. */
  public static Optional<Trip> reserve(long reserveFen, long minimumFen) {
    if (reserveFen >= minimumFen) {
      return Optional.empty();
    }
    RiskGrade grade = reserveFen * 2 < minimumFen ? RiskGrade.RED : RiskGrade.ORANGE;
    return Optional.of(
        new Trip(
            RiskIndicator.RESERVE_BELOW_MINIMUM,
            grade,
            reserveFen,
            minimumFen,
            "risk reserve " + reserveFen + " fen below the minimum of " + minimumFen + " fen"));
  }

  /**
   * PRE-08 / PRE-25 (issue 17 item 7): the balance the bank states for the custody account against
   * what the ledger says custody held at the end of the same day. A shortfall is RED (money left
   * custody unseen); an unexplained inflow ORANGE; a difference within the tolerance trips nothing.
   */
  public static Optional<Trip> reconciliation(long bankFen, long ledgerFen, long toleranceFen) {
    long difference = bankFen - ledgerFen;
    if (Math.abs(difference) <= toleranceFen) {
      return Optional.empty();
    }
    boolean shortfall = difference < 0;
    return Optional.of(
        new Trip(
            shortfall ? RiskIndicator.CUSTODY_SHORTFALL : RiskIndicator.UNEXPLAINED_INFLOW,
            shortfall ? RiskGrade.RED : RiskGrade.ORANGE,
            Math.abs(difference),
            toleranceFen,
            "the bank states "
                + bankFen
                + " fen in custody, the ledger "
                + ledgerFen
                + " fen: "
                + Math.abs(difference)
                + " fen "
                + (shortfall ? "missing" : "that no reported payment explains")));
  }

  /** (d) days since the last lesson activity of an order with unconsumed value. */
  public static Optional<Trip> stale(long idleDays, long unconsumedFen, int thresholdDays) {
    if (unconsumedFen <= 0 || idleDays < thresholdDays) {
      return Optional.empty();
    }
    RiskGrade grade = idleDays >= 2L * thresholdDays ? RiskGrade.ORANGE : RiskGrade.YELLOW;
    return Optional.of(
        new Trip(
            RiskIndicator.STALE_BALANCE,
            grade,
            idleDays,
            thresholdDays,
            unconsumedFen + " fen unconsumed without lesson activity for " + idleDays + " days"));
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  /**
   * PLT-14 fast consumption: lessons of one order asked for in the last 7 days above {@code
   * perWeek}; RED from twice that.
   */
  public static Optional<Trip> fastConsumption(long lastWeek, int perWeek) {
    if (lastWeek <= perWeek) {
      return Optional.empty();
    }
    return Optional.of(
        new Trip(
            RiskIndicator.FAST_CONSUMPTION,
            lastWeek >= 2L * perWeek ? RiskGrade.RED : RiskGrade.ORANGE,
            lastWeek,
            perWeek,
            lastWeek + " lessons of one order asked for in 7 days (more than " + perWeek + ")"));
  }
}
