package cn.anshan.oversight.registry.service.pricing;

import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.pricing.PriceSchedule;
import cn.anshan.oversight.registry.domain.pricing.PricingPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An adopted price schedule as published to everyone (PRC-07): each benchmark with the most a
 * standard class hour may cost (PRC-03).
 */
public record PriceScheduleView(
    String locality,
    long version,
    List<Price> benchmarks,
    List<String> bands,
    BigDecimal floatUpMax,
    int standardMinutesOnline,
    int standardMinutesOffline,
    Instant adoptedAt) {

  /** Named apart from the adoption request's {@code Price}, which has no ceiling. */
  @Schema(name = "BenchmarkCeiling")
  public record Price(
      Mode mode, String band, long fenPerStandardHour, long maxFenPerStandardHour) {}

  static PriceScheduleView of(PriceSchedule s, PricingPolicy policy) {
    return new PriceScheduleView(
        s.locality(),
        s.version(),
        s.benchmarks().stream()
            .map(
                b ->
                    new Price(
                        b.mode(),
                        b.band(),
                        b.fenPerStandardHour(),
                        policy.ceilingFen(
                            b.fenPerStandardHour(), b.mode(), policy.standardMinutes(b.mode()))))
            .toList(),
        policy.bands().names(),
        policy.floatUpMax(),
        policy.standardMinutesOnline(),
        policy.standardMinutesOffline(),
        s.adoptedAt());
  }
}
