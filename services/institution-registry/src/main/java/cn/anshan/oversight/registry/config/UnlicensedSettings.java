package cn.anshan.oversight.registry.config;

import cn.anshan.oversight.registry.domain.unlicensed.FineBands;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** ENF-02 / ENF-03 numbers for unlicensed operators (DOMAIN.md §5, §10). */
@ConfigMapping(prefix = "oversight.registry.unlicensed")
public interface UnlicensedSettings {
  /** ENF-02 (CONFIRMED): staff from which the unlicensed-institution test's second part is met. */
  @WithDefault("2")
  int minStaff();

  /** ENF-02 (CONFIRMED): the fine is at least this multiple of the illegal gains. */
  @WithDefault("1")
  int minGainsMultiple();

  /** ENF-02 (CONFIRMED): the fine is at most this multiple of the illegal gains. */
  @WithDefault("5")
  int maxGainsMultiple();

  /**
   * ENF-03 (partly CONFIRMED: the band for "especially serious" is cut off in the source): the
   * highest fine for disguised subject-type training, in fen (50,000 yuan).
   */
  @WithDefault("5000000")
  long disguisedTrainingMaxFineFen();

  default FineBands bands() {
    return new FineBands(
        minStaff(), minGainsMultiple(), maxGainsMultiple(), disguisedTrainingMaxFineFen());
  }
}
