package cn.anshan.oversight.registry.config.staff;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** Tunable staff rules (DOMAIN.md §4 and §10). */
@ConfigMapping(prefix = "oversight.registry.staff")
public interface StaffSettings {
  /**
   * The value of {@link #idHashKey()} in development and tests; a packaged service refuses to start
   * with it (StaffIdentities).
   */
  String DEV_ONLY_ID_HASH_KEY = "dev-only-staff-id-hash-key-not-for-production";

  /**
   * STF-06: HMAC-SHA-256 key for national ID numbers, so the blacklist can be matched without the
   * numbers being stored. Production sets its own secret ({@code
   * OVERSIGHT_REGISTRY_STAFF_ID_HASH_KEY}, at least 32 characters); changing it orphans every
   * stored hash.
   */
  @WithDefault(DEV_ONLY_ID_HASH_KEY)
  String idHashKey();

  /** STF-04 {@code staff.fullTimeRatioMin}: full-time teaching staff ÷ all staff. */
  @WithDefault("0.50")
  BigDecimal fullTimeRatioMin();

  PerClass perClass();

  interface PerClass {
    /**
     * STF-05 {@code staff.perClassFullTimeRatioMin} (school-age): full-time teachers ÷ students.
     */
    @WithDefault("0.02")
    BigDecimal schoolAgeRatioMin();

    /** STF-05 {@code staff.perClassFullTimeRatioMin} (pre-school, age 3+). */
    @WithDefault("0.06")
    BigDecimal preSchoolRatioMin();
  }
}
