package cn.anshan.oversight.kit.time;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.Cancellable;

/**
 * Moves {@link OversightClock} so tests can cross working-day windows (REL-02 auto-confirmation,
 * REL-05 refund auto-acceptance). Answers only when {@code oversight.test-clock.enabled=true}: the
 * {@code %test} profile sets it, and the local launcher sets it for the packaged services only when
 * started with {@code --test-clock} (the system tests do). Otherwise every call is a 404, exactly
 * as if the path did not exist. A packaged service started with the flag says so at startup and
 * logs every move at WARN, so a misconfigured deployment is visible in the first log lines.
 */
@Cancellable(false)
@Path("/test/clock")
@PermitAll
public class TestClockResource {
  private final OversightClock clock;
  private final boolean enabled;

  public TestClockResource(
      OversightClock clock,
      @ConfigProperty(name = "oversight.test-clock.enabled", defaultValue = "false")
          boolean enabled) {
    this.clock = clock;
    this.enabled = enabled;
  }

  void announce(@Observes StartupEvent event) {
    if (enabled && LaunchMode.current() == LaunchMode.NORMAL) {
      Log.warn(
          "TEST CLOCK ENABLED (oversight.test-clock.enabled=true): anyone can move this service's"
              + " time over HTTP at /test/clock. Only the system tests start a service like this;"
              + " never deploy it.");
    }
  }

  public record ClockState(Instant now) {}

  public record ClockChange(Instant freezeAt, Long advanceSeconds) {}

  @GET
  @Operation(hidden = true)
  public ClockState now() {
    requireEnabled();
    return new ClockState(clock.now());
  }

  @POST
  @Operation(hidden = true)
  public ClockState change(ClockChange change) {
    requireEnabled();
    if (change.freezeAt() != null) {
      clock.freezeAt(change.freezeAt());
    }
    if (change.advanceSeconds() != null) {
      clock.advance(Duration.ofSeconds(change.advanceSeconds()));
    }
    moved();
    return new ClockState(clock.now());
  }

  @DELETE
  @Operation(hidden = true)
  public ClockState reset() {
    requireEnabled();
    clock.reset();
    moved();
    return new ClockState(clock.now());
  }

  private void requireEnabled() {
    if (!enabled) {
      throw new NotFoundException();
    }
  }

  private void moved() {
    if (LaunchMode.current() == LaunchMode.NORMAL) {
      Log.warnf("test clock moved: the service's time is now %s", clock.now());
    }
  }
}
