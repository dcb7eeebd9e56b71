package cn.anshan.oversight.registry.config.pricing;

import cn.anshan.oversight.registry.domain.pricing.ClassSizeBands;
import cn.anshan.oversight.registry.domain.pricing.PricingPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.List;

/**
 * Tunable parts of the guided-price rule (DOMAIN.md §6 and §10 pricing.*). The benchmarks are not
 * here: PRC-10, no Anshan figure exists, so they are adopted through the API as data.
 */
@ConfigMapping(prefix = "oversight.registry.pricing")
public interface PricingSettings {
  /**
   * PRC-02: the city whose adopted schedule holds the offline benchmarks; online ones are the
   * schedule of {@code oversight.registry.province-authority}.
   */
  @WithDefault("anshan")
  String locality();

  /** PRC-03 {@code pricing.floatUpMax}: prices may exceed the benchmark by at most this share. */
  @WithDefault("0.10")
  BigDecimal floatUpMax();

  StandardMinutes standardMinutes();

  /**
   * PRC-04 {@code pricing.bands}: the largest class size of every band but the last; the default
   * gives the national bands 1-9 (&lt; 10), 10-35 and 36+ (&gt; 35).
   */
  @WithDefault("9,35")
  List<Integer> bandUpperBounds();

  interface StandardMinutes {
    /** PRC-05 {@code pricing.standardMinutes.online}. */
    @WithDefault("30")
    int online();

    /** PRC-05 {@code pricing.standardMinutes.offline}. */
    @WithDefault("45")
    int offline();
  }

  default PricingPolicy policy() {
    return new PricingPolicy(
        floatUpMax(),
        standardMinutes().online(),
        standardMinutes().offline(),
        new ClassSizeBands(bandUpperBounds()));
  }
}
