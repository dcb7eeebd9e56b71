package cn.anshan.oversight.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * REG-10 numbers beyond {@link RegistrySettings.Premises} (which keeps m² per student and the
 * minimum area), DOMAIN.md §3 and §11 row 4.
 */
@ConfigMapping(prefix = "oversight.registry.premises")
public interface PremisesSettings {
  /**
   * REG-10: highest floor for institutions teaching children aged 12 or under (PRESCHOOL or
   * PRIMARY); LOCAL EXAMPLE (Beijing: not on floor 4 or above), no §10 key yet.
   */
  @WithDefault("3")
  int youngChildrenMaxFloor();

  /** REG-10: lease months that must remain at filing; LOCAL EXAMPLE (Beijing sci-tech 1 year). */
  @WithDefault("12")
  int minLeaseMonths();

  /** §11 row 4 alert "lease expiring": days ahead of the lease end the watch warns. */
  @WithDefault("60")
  int leaseWarningDays();

  /** Expiring leases the watch announces per run. */
  @WithDefault("200")
  int watchBatchSize();
}
