package cn.anshan.oversight.registry.config.course;

import cn.anshan.oversight.kit.time.CalendarRunway;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.domain.course.SchoolVacations;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * TIM-01 / TIM-04's school vacations on readiness (issue 18 item 6): a session in a year without
 * vacation data is refused, so readiness warns 60 days before the loaded years run out.
 */
@Readiness
@ApplicationScoped
public class SchoolVacationsHealth implements HealthCheck {
  private final SchoolVacations vacations;
  private final OversightClock clock;

  public SchoolVacationsHealth(SchoolVacations vacations, OversightClock clock) {
    this.vacations = vacations;
    this.clock = clock;
  }

  @Override
  public HealthCheckResponse call() {
    LocalDate today = clock.today();
    return CalendarRunway.check(
        "school-vacations",
        CalendarRunway.coveredUntil(vacations::covers, today),
        today,
        "TIM-01/TIM-04 refuse sessions in later years; add calendar/school-vacations-<year>.json"
            + " (oversight.registry.schedule.school.vacation-years)");
  }
}
