package cn.anshan.oversight.kit.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The working-day calendar (REG-05, REL-02, REL-05, TIM-01) on readiness: how long it lasts (a date
 * after it makes the rule fail rather than guess) and whether the year {@link
 * CalendarRunway#WARN_DAYS} days ahead holds the statutory holidays only.
 */
@Readiness
@ApplicationScoped
public class WorkingDayCalendarHealth implements HealthCheck {
  private final WorkingDayCalendar calendar;
  private final OversightClock clock;

  public WorkingDayCalendarHealth(WorkingDayCalendar calendar, OversightClock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  @Override
  public HealthCheckResponse call() {
    LocalDate today = clock.today();
    int ahead = today.plusDays(CalendarRunway.WARN_DAYS).getYear();
    return CalendarRunway.check(
        "working-day-calendar",
        CalendarRunway.coveredUntil(calendar::covers, today),
        today,
        "REG-05, REL-02, REL-05 and TIM-01 fail on later dates; add calendar/cn-<year>.json from"
            + " the State Council's notice (oversight.calendar.years)",
        calendar.isProvisional(ahead)
            ? ahead
                + " holds the statutory holidays only (PROVISIONAL): replace calendar/cn-"
                + ahead
                + ".json with the State Council's notice"
            : "");
  }
}
