package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * PRE-24's school calendar on {@code /q/health/ready} (issue 18 item 6): the last configured term
 * start and the days left until it, with a {@code warning} from {@link #WARN_DAYS} days before —
 * after it every order is refused for missing calendar data, so the bureau must add the next term
 * starts in time. Always UP: a calendar running out is an operator's task, not a reason to stop
 * serving the orders it still covers.
 */
@Readiness
@ApplicationScoped
public class TermCalendarHealth implements HealthCheck {
  static final int WARN_DAYS = 60;

  private final EscrowSettings settings;
  private final OversightClock clock;

  public TermCalendarHealth(EscrowSettings settings, OversightClock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder health = HealthCheckResponse.named("school-calendar").up();
    LocalDate last =
        settings.prepay().termStarts().stream().max(Comparator.naturalOrder()).orElse(null);
    if (last == null) {
      return health.withData("warning", "PRE-24: no term start configured").build();
    }
    long daysLeft = ChronoUnit.DAYS.between(clock.today(), last);
    health.withData("termStartsUntil", last.toString()).withData("daysLeft", daysLeft);
    if (daysLeft < WARN_DAYS) {
      String warning =
          "PRE-24: term starts are configured only until "
              + last
              + "; orders ending later are refused. Add the next term starts to"
              + " oversight.escrow.prepay.term-starts";
      Log.warn(warning);
      health.withData("warning", warning);
    }
    return health.build();
  }
}
