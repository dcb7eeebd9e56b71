package cn.anshan.oversight.registry.domain.advertising;

import java.time.LocalDate;

/**
 * ADV-01's configured repeat offending: {@code threshold} confirmed violations within a rolling
 * window of {@code windowDays} days.
 */
public record RepeatLimits(int threshold, int windowDays) {

  /**
   * The first day of the window ending {@code today} (see {@link AdvertisingRules#windowStart}).
   */
  public LocalDate windowStart(LocalDate today) {
    return AdvertisingRules.windowStart(today, windowDays);
  }
}
