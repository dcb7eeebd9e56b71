package cn.anshan.oversight.escrow.domain.risk;

import cn.anshan.oversight.escrow.domain.risk.RiskRules.Trip;
import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;

/**
 * InstitutionRisk (aggregate id = institution id): a risk indicator tripped. There is no entity to
 * number it: the command numbers it with the version the institution's trip counter gave.
 */
public final class RiskEvents {
  public static final String AGGREGATE_TYPE = "InstitutionRisk";

  private RiskEvents() {}

  public record RiskIndicatorTripped(
      String institutionId,
      String district,
      String indicator,
      String grade,
      double value,
      double threshold,
      String ruleId,
      String detail,
      Instant trippedAt) {}

  static PendingEvent riskTripped(String institutionId, String district, Trip trip, Instant at) {
    return new PendingEvent(
        AGGREGATE_TYPE,
        institutionId,
        "RiskIndicatorTripped.v1",
        district,
        new RiskIndicatorTripped(
            institutionId,
            district,
            trip.indicator().name(),
            trip.grade().name(),
            trip.value(),
            trip.threshold(),
            trip.indicator().rule(),
            trip.detail(),
            at));
  }
}
