package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.kit.time.CalendarRunway;
import cn.anshan.oversight.kit.time.OversightClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * PRE-24's school calendar on {@code /q/health/ready} (issue 18 item 6): the last configured term
 * start and the days left until it, with a {@code warning} from {@link CalendarRunway#WARN_DAYS}
 * days before — orders ending after it are refused for missing calendar data, so the bureau must
 * add the next term starts in time.
 */
@Readiness
@ApplicationScoped
public class TermCalendarHealth implements HealthCheck {
  private final EscrowSettings settings;
  private final OversightClock clock;

  public TermCalendarHealth(EscrowSettings settings, OversightClock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public HealthCheckResponse call() {
    return CalendarRunway.check(
        "school-calendar",
        settings.prepay().termStarts().stream().max(Comparator.naturalOrder()),
        clock.today(),
        "PRE-24 refuses orders ending later; add the next term starts to"
            + " oversight.escrow.prepay.term-starts");
  }
}
