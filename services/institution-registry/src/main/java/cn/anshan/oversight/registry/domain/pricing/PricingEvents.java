package cn.anshan.oversight.registry.domain.pricing;

import cn.anshan.oversight.kit.events.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Payload of the PriceSchedule aggregate's event on {@code oversight.registry.events}. */
public final class PricingEvents {
  private PricingEvents() {}

  public record StandardMinutes(int online, int offline) {}

  public record PriceScheduleAdopted(
      String locality,
      List<Benchmark> benchmarks,
      List<String> bands,
      BigDecimal floatUpMax,
      StandardMinutes standardMinutes,
      Instant adoptedAt) {}

  /** City-wide, so the event names no district. */
  static DomainEvent adopted(PriceSchedule s, PricingPolicy policy) {
    return new DomainEvent(
        PriceSchedule.AGGREGATE_TYPE,
        s.locality(),
        s.version(),
        "PriceScheduleAdopted.v1",
        null,
        new PriceScheduleAdopted(
            s.locality(),
            s.benchmarks(),
            policy.bands().names(),
            policy.floatUpMax(),
            new StandardMinutes(policy.standardMinutesOnline(), policy.standardMinutesOffline()),
            s.adoptedAt()));
  }
}
