package cn.anshan.oversight.system.story;

import cn.anshan.oversight.system.Endpoints;
import cn.anshan.oversight.system.HttpClients;
import cn.anshan.oversight.system.StoryFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The domain services' clocks, when the platform was started with {@code --test-clock} (system
 * tests only; a platform started for real answers 404 and the story skips what needs time to pass).
 * Moves registry, escrow, enrolment and fee-approval together, so their events keep one timeline.
 * The audit service keeps the real clock: it records when events arrived, and its grace periods for
 * gaps must not jump.
 */
final class PlatformClock {

  private final List<String> domainServices;
  private final HttpClient http = HttpClients.http11(Duration.ofSeconds(10));
  private Duration moved = Duration.ZERO;

  PlatformClock(Endpoints urls) {
    this.domainServices = List.of(urls.registry(), urls.escrow(), urls.enrolment(), urls.fee());
  }

  /** True when every domain service accepts the test clock. */
  boolean movable() {
    for (String base : domainServices) {
      if (send(base, HttpRequest.newBuilder().GET()) != 200) {
        return false;
      }
    }
    return true;
  }

  /** The services' business date (Asia/Shanghai). */
  LocalDate today() {
    return LocalDate.ofInstant(Instant.now().plus(moved), StoryContext.SHANGHAI);
  }

  /** Moves every domain service's clock forward by whole days. */
  void advanceDays(int days) {
    long seconds = Duration.ofDays(days).toSeconds();
    for (String base : domainServices) {
      int status =
          send(
              base,
              HttpRequest.newBuilder()
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString("{\"advanceSeconds\":" + seconds + "}")));
      if (status != 200) {
        throw new StoryFailure(base + "/test/clock refused to move (" + status + ")");
      }
    }
    moved = moved.plusDays(days);
  }

  private int send(String base, HttpRequest.Builder request) {
    try {
      return http.send(
              request.uri(URI.create(base + "/test/clock")).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      throw new StoryFailure("cannot reach " + base + "/test/clock: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoryFailure("interrupted");
    }
  }
}
