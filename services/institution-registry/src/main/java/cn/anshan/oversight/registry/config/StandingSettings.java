package cn.anshan.oversight.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Licence and registration lifecycle numbers (DOMAIN.md §3, §11 row 2). */
@ConfigMapping(prefix = "oversight.registry.standing")
public interface StandingSettings {
  /** Days before a licence ends that a LicenceExpiring warning is published (§11 row 2: 30). */
  @WithDefault("30")
  int licenceWarningDays();

  /** REG-05: working days within which the legal registration must follow a licence change. */
  @WithDefault("7")
  int registrationFollowWorkingDays();

  /** How often the licence watch runs (read by {@code LicenceWatch}'s schedule). */
  @WithDefault("1h")
  String watchInterval();

  /** Delay of the first watch run after start. */
  @WithDefault("10s")
  String watchDelay();

  /** Institutions the expiry watch handles per run. */
  @WithDefault("200")
  int watchBatchSize();
}
