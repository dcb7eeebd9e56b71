package cn.anshan.oversight.registry.config;

import cn.anshan.oversight.registry.domain.inspection.InspectionType;
import cn.anshan.oversight.registry.domain.inspection.RiskGrade;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** Inspection numbers (DOMAIN.md §9). */
@ConfigMapping(prefix = "oversight.registry.inspection")
public interface InspectionSettings {
  /**
   * INS-02 {@code inspection.randomSampleRate} per risk grade; LOCAL EXAMPLE of one city's 2023
   * plan: A 5 %, B 10 %, C 20 %, D 40 %.
   */
  SampleRates sampleRate();

  /**
   * INS-03: share of white-listed institutions whose prepayments are audited per round, the same
   * for every risk grade; LOCAL EXAMPLE (Chengdu: 10–20 % a year).
   */
  @WithDefault("0.15")
  BigDecimal prepaymentAuditRate();

  /** The share drawn per risk grade for a sampled round; null for full coverage. */
  default Map<RiskGrade, BigDecimal> ratesFor(InspectionType type) {
    return switch (type) {
      case FULL_COVERAGE -> null;
      case RANDOM_SAMPLE -> sampleRate().byGrade();
      case PREPAYMENT_AUDIT -> {
        Map<RiskGrade, BigDecimal> uniform = new EnumMap<>(RiskGrade.class);
        for (RiskGrade grade : RiskGrade.values()) {
          uniform.put(grade, prepaymentAuditRate());
        }
        yield uniform;
      }
    };
  }

  interface SampleRates {
    @WithDefault("0.05")
    BigDecimal a();

    @WithDefault("0.10")
    BigDecimal b();

    @WithDefault("0.20")
    BigDecimal c();

    @WithDefault("0.40")
    BigDecimal d();

    default Map<RiskGrade, BigDecimal> byGrade() {
      return Map.of(RiskGrade.A, a(), RiskGrade.B, b(), RiskGrade.C, c(), RiskGrade.D, d());
    }
  }
}
