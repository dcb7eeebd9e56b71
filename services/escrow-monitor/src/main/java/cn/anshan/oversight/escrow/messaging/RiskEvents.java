package cn.anshan.oversight.escrow.messaging;

import cn.anshan.oversight.kit.events.DomainEvent;
import java.time.Instant;

/**
 * InstitutionRisk (aggregate id = institution id): a risk indicator tripped. There is no entity to
 * number it: the caller passes the version the institution's trip counter gave it.
 */
public final class RiskEvents {
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

  public static DomainEvent riskTripped(long version, RiskIndicatorTripped data) {
    return new DomainEvent(
        "InstitutionRisk",
        data.institutionId(),
        version,
        "RiskIndicatorTripped.v1",
        data.district(),
        data);
  }
}
