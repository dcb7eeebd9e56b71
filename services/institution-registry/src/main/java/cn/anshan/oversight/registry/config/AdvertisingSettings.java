package cn.anshan.oversight.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Repeat offending under ADV-01 (DOMAIN.md §11 row 22; no §10 key yet). */
@ConfigMapping(prefix = "oversight.registry.advertising")
public interface AdvertisingSettings {
  /** ADV-01: length in days of the rolling window in which confirmed violations are counted. */
  @WithDefault("365")
  int repeatWindowDays();

  /** ADV-01: confirmed violations within the window that make an institution a repeat offender. */
  @WithDefault("2")
  int repeatThreshold();
}
