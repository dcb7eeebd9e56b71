package cn.anshan.oversight.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Plain requests for setting up the world before the load (not measured). */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();

  record Answer(int status, JsonNode body, String etag, String raw) {
    String text(String pointer) {
      return body == null ? "" : body.at(pointer).asText();
    }

    Answer expect(int... statuses) {
      for (int s : statuses) {
        if (s == status) {
          return this;
        }
      }
      throw new IllegalStateException("unexpected " + status + ": " + raw);
    }
  }

  private Http() {}

  static Answer get(String url, String bearer) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), bearer, null);
  }

  static Answer put(String url, String bearer) {
    return send(
        HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.noBody()),
        bearer,
        null);
  }

  static Answer post(String url, String bearer, String body, String ifMatch) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return send(b, bearer, ifMatch);
  }

  private static Answer send(HttpRequest.Builder b, String bearer, String ifMatch) {
    b.timeout(Duration.ofSeconds(30)).header("Authorization", bearer);
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    try {
      HttpResponse<String> r = Platform.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = null;
      if (r.body() != null && !r.body().isBlank() && r.body().trim().startsWith("{")
          || r.body() != null && r.body().trim().startsWith("[")) {
        body = JSON.readTree(r.body());
      }
      return new Answer(
          r.statusCode(), body, r.headers().firstValue("ETag").orElse(null), r.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls until {@code attempt} returns non-null (an event reached a consumer), at most 60 s. */
  static <T> T await(String what, java.util.function.Supplier<T> attempt) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      T t = attempt.get();
      if (t != null) {
        return t;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("timed out waiting: " + what);
  }
}
