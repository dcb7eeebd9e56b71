package cn.anshan.oversight.kit.time;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The one source of "now" for every time-dependent rule. Only {@link TestClockResource} can move
 * it, and only where {@code oversight.test-clock.enabled} is set (tests and system tests).
 */
@ApplicationScoped
public class OversightClock {
  /** Business dates (working days, terms, deadlines) are dates in Anshan. */
  public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

  private volatile Duration offset = Duration.ZERO;
  private volatile Instant frozenAt;
  private final Clock system = Clock.systemUTC();

  /** Microsecond precision, as PostgreSQL stores it, so an event's instant equals the row's. */
  public Instant now() {
    Instant frozen = frozenAt;
    Instant now = frozen != null ? frozen : system.instant().plus(offset);
    return now.truncatedTo(ChronoUnit.MICROS);
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), BUSINESS_ZONE);
  }

  void freezeAt(Instant instant) {
    frozenAt = instant;
  }

  void advance(Duration by) {
    Instant frozen = frozenAt;
    if (frozen != null) {
      frozenAt = frozen.plus(by);
    } else {
      offset = offset.plus(by);
    }
  }

  void reset() {
    frozenAt = null;
    offset = Duration.ZERO;
  }
}
