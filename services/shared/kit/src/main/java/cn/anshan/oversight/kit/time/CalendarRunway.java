package cn.anshan.oversight.kit.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * How long a calendar a rule depends on still lasts, as readiness data (issue 18 item 6): the last
 * day it covers, the days left, and a {@code warning} from {@link #WARN_DAYS} days before — after
 * that day the rule refuses (it never guesses), so an operator must add the next year's data in
 * time. Always UP: the days still covered are served.
 */
public final class CalendarRunway {
  public static final int WARN_DAYS = 60;

  private CalendarRunway() {}

  /** The last day of the unbroken run of covered years that starts with {@code today}'s year. */
  public static Optional<LocalDate> coveredUntil(IntPredicate covers, LocalDate today) {
    int year = today.getYear();
    if (!covers.test(year)) {
      return Optional.empty();
    }
    while (covers.test(year + 1)) {
      year++;
    }
    return Optional.of(LocalDate.of(year, 12, 31));
  }

  /**
   * The readiness answer {@code name}; {@code remedy} says what to add when it runs short, {@code
   * notices} are further warnings of the caller's (empty strings are ignored).
   */
  public static HealthCheckResponse check(
      String name, Optional<LocalDate> until, LocalDate today, String remedy, String... notices) {
    HealthCheckResponseBuilder health = HealthCheckResponse.named(name).up();
    List<String> warnings = new ArrayList<>();
    if (until.isEmpty()) {
      warnings.add("no data for " + today.getYear() + ": " + remedy);
    } else {
      long daysLeft = ChronoUnit.DAYS.between(today, until.get());
      health.withData("until", until.get().toString()).withData("daysLeft", daysLeft);
      if (daysLeft < WARN_DAYS) {
        warnings.add("covered only until " + until.get() + ": " + remedy);
      }
    }
    Arrays.stream(notices).filter(n -> !n.isEmpty()).forEach(warnings::add);
    if (!warnings.isEmpty()) {
      health.withData("warning", String.join("; ", warnings));
    }
    return health.build();
  }
}
