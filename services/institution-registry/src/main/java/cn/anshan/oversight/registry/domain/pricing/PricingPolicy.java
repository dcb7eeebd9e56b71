package cn.anshan.oversight.registry.domain.pricing;

import cn.anshan.oversight.registry.domain.Mode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The configured parts of the guided-price rule: the upward float (PRC-03), the standard class hour
 * per mode (PRC-05) and the class-size bands (PRC-04). The benchmarks themselves are adopted data
 * (PRC-10), see {@link PriceSchedule}.
 */
public record PricingPolicy(
    BigDecimal floatUpMax,
    int standardMinutesOnline,
    int standardMinutesOffline,
    ClassSizeBands bands) {

  public int standardMinutes(Mode mode) {
    return mode == Mode.ONLINE ? standardMinutesOnline : standardMinutesOffline;
  }

  /**
   * PRC-03/PRC-05: {@code benchmark × (1 + floatUpMax) × lessonMinutes / standardMinutes}, rounded
   * down to whole fen. Prices are whole fen, so "price ≤ exact ceiling" and "price ≤ floor(exact
   * ceiling)" are the same test: flooring never allows or refuses a price the exact rule would not.
   */
  public long ceilingFen(long benchmarkFen, Mode mode, int lessonMinutes) {
    return BigDecimal.valueOf(benchmarkFen)
        .multiply(BigDecimal.ONE.add(floatUpMax))
        .multiply(BigDecimal.valueOf(lessonMinutes))
        .divide(BigDecimal.valueOf(standardMinutes(mode)), 0, RoundingMode.FLOOR)
        .longValueExact();
  }
}
