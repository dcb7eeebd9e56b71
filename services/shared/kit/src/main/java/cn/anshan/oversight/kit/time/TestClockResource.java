package cn.anshan.oversight.kit.time;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Moves {@link OversightClock} so tests can cross working-day windows. The bean is decided at build
 * time: it only exists when the application was built with {@code
 * oversight.test-clock.enabled=true} (set in the {@code %test} profile), and it refuses to start in
 * a production launch.
 */
@Path("/test/clock")
@PermitAll
@IfBuildProperty(name = "oversight.test-clock.enabled", stringValue = "true")
public class TestClockResource {
  private final OversightClock clock;

  public TestClockResource(OversightClock clock) {
    this.clock = clock;
  }

  void refuseInProduction(@Observes StartupEvent event) {
    if (LaunchMode.current() == LaunchMode.NORMAL) {
      throw new IllegalStateException("the test clock must never run in a production launch");
    }
  }

  public record ClockState(Instant now) {}

  public record ClockChange(Instant freezeAt, Long advanceSeconds) {}

  @GET
  @Operation(hidden = true)
  public ClockState now() {
    return new ClockState(clock.now());
  }

  @POST
  @Operation(hidden = true)
  public ClockState change(ClockChange change) {
    if (change.freezeAt() != null) {
      clock.freezeAt(change.freezeAt());
    }
    if (change.advanceSeconds() != null) {
      clock.advance(Duration.ofSeconds(change.advanceSeconds()));
    }
    return now();
  }

  @DELETE
  @Operation(hidden = true)
  public ClockState reset() {
    clock.reset();
    return now();
  }
}
