package cn.anshan.oversight.system.story;

import cn.anshan.oversight.system.Api;
import cn.anshan.oversight.system.Endpoints;
import cn.anshan.oversight.system.HttpClients;
import cn.anshan.oversight.system.StoryFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
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
public final class PlatformClock {

  private final List<String> domainServices;
  private final HttpClient http = HttpClients.http11(Duration.ofSeconds(10));

  public PlatformClock(Endpoints urls) {
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

  /**
   * The services' business date (Asia/Shanghai), as the registry's clock says; a platform without
   * the test clock runs on the real one.
   */
  public LocalDate today() {
    HttpResponse<String> answer =
        send(domainServices.get(0), HttpRequest.newBuilder().GET(), BodyHandlers.ofString());
    Instant now = Instant.now();
    if (answer.statusCode() == 200) {
      try {
        now = Instant.parse(Api.JSON.readTree(answer.body()).path("now").asText());
      } catch (IOException e) {
        throw new StoryFailure("unreadable /test/clock answer: " + answer.body());
      }
    }
    return LocalDate.ofInstant(now, StoryContext.SHANGHAI);
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
  }

  private int send(String base, HttpRequest.Builder request) {
    return send(base, request, BodyHandlers.discarding()).statusCode();
  }

  private <T> HttpResponse<T> send(
      String base, HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return http.send(
          request.uri(URI.create(base + "/test/clock")).timeout(Duration.ofSeconds(10)).build(),
          body);
    } catch (IOException e) {
      throw new StoryFailure("cannot reach " + base + "/test/clock: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoryFailure("interrupted");
    }
  }
}
