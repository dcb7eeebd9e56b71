package cn.anshan.oversight.system;

import static cn.anshan.oversight.system.story.StoryContext.AUDITOR;
import static cn.anshan.oversight.system.story.StoryContext.INSTITUTION_B;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20 item 2 across real processes: a caller's W3C {@code traceparent} on a command reaches
 * the audit record of the event it caused (registry → outbox → relay → Kafka → audit), where an
 * auditor reads it as {@code traceId}, the way from an audit record to the operators' traces.
 */
@ExtendWith(LocalPlatformFixture.class)
@Order(8)
class TracePropagationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Endpoints urls = Endpoints.fromEnvironment();
  private final HttpClient http = HttpClients.http11(Duration.ofSeconds(10));
  private final Tokens tokens = new Tokens(urls, http);

  @Test
  void aCallersTraceReachesTheAuditRecordOfTheEventItCaused() throws Exception {
    byte[] random = new byte[24];
    ThreadLocalRandom.current().nextBytes(random);
    String hex = HexFormat.of().formatHex(random);
    String traceId = hex.substring(0, 32);
    String correlation = "trace-" + UUID.randomUUID();
    HttpResponse<String> filed =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(urls.services().get("institution-registry") + "/api/v1/complaints"))
                .header("Authorization", "Bearer " + tokens.of(PARENT_1))
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlation)
                .header("traceparent", "00-" + traceId + "-" + hex.substring(32) + "-01")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(
                            Map.of(
                                "institutionId", INSTITUTION_B,
                                "category", "FEE",
                                "description", "traced: the invoice differs from the filed fee"))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, filed.statusCode(), filed.body());

    String search =
        urls.services().get("audit") + "/api/v1/audit/events?correlationId=" + correlation;
    String auditor = tokens.of(AUDITOR);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode items = JSON.createArrayNode();
    while (items.isEmpty() && System.nanoTime() < deadline) {
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(search))
                  .header("Authorization", "Bearer " + auditor)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode(), page.body());
      items = JSON.readTree(page.body()).path("items");
      if (items.isEmpty()) {
        Thread.sleep(500);
      }
    }
    assertFalse(items.isEmpty(), "the complaint's event never reached audit");
    for (JsonNode event : items) {
      assertEquals(traceId, event.path("traceId").asText(), event.toString());
    }
  }
}
