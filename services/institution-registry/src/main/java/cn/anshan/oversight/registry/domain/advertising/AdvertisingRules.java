package cn.anshan.oversight.registry.domain.advertising;

import java.time.LocalDate;
import java.util.List;

/** Repeat offending under ADV-01 (§11 row 22). Plain Java. */
public final class AdvertisingRules {
  private AdvertisingRules() {}

  /**
   * ADV-01: the first day of the rolling window ending today. The window is closed at both ends, so
   * a confirmation exactly {@code windowDays} days ago still counts and one a day earlier does not.
   */
  public static LocalDate windowStart(LocalDate today, int windowDays) {
    return today.minusDays(windowDays);
  }

  /** ADV-01: the institution's confirmed violations (by business date) inside the window. */
  public static int confirmationsInWindow(
      List<LocalDate> confirmedOn, LocalDate today, int windowDays) {
    LocalDate start = windowStart(today, windowDays);
    return (int) confirmedOn.stream().filter(d -> !d.isBefore(start) && !d.isAfter(today)).count();
  }

  /**
   * ADV-01: a repeat offender once the confirmations in the window reach the threshold; every
   * further confirmation while it stays there is reported again, with the new count.
   */
  public static boolean repeatOffence(int confirmationsInWindow, int threshold) {
    return confirmationsInWindow >= threshold;
  }
}
