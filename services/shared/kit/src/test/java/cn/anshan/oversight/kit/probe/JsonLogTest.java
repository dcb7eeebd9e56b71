package cn.anshan.oversight.kit.probe;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 3: JSON log lines carry the request's trace id, correlation id, the caller's role
 * and, on a refusal, the rule IDs, and never the bearer token. Written to a JSON file handler here
 * (the services' console uses the same formatter when LOG_JSON=true).
 */
@QuarkusTest
@TestProfile(JsonLogTest.JsonFile.class)
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class JsonLogTest {
  static final Path LOG = Path.of("target/json-log-test.log");
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  public static class JsonFile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.log.file.enabled", "true",
          "quarkus.log.file.path", LOG.toString(),
          "quarkus.log.file.json.enabled", "true");
    }
  }

  static Optional<JsonNode> refusalLogged(String correlationId) throws Exception {
    if (!Files.exists(LOG)) {
      return Optional.empty();
    }
    for (String line : Files.readAllLines(LOG)) {
      JsonNode entry = JSON.readTree(line);
      if (correlationId.equals(entry.path("mdc").path("correlationId").asText())
          && entry.path("message").asText().startsWith("refused")) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  @Test
  void aRefusalIsLoggedAsJsonWithCorrelationRoleAndRuleButNoToken() throws Exception {
    String correlationId = "json-log-" + UUID.randomUUID();
    // built here, not in a static field: the issuer is a system property the test resource sets
    String bearer = Tokens.user("reg-1").role("regulator").district("tiedong").bearer();
    given()
        .header("Authorization", bearer)
        .header("X-Correlation-Id", correlationId)
        .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
        .contentType(ContentType.JSON)
        .body("{\"label\":\"refused\"}")
        .queryParam("fail", true)
        .post("/probe/items/{id}/labels", UUID.randomUUID().toString())
        .then()
        .statusCode(422);
    JsonNode entry =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> refusalLogged(correlationId), Optional::isPresent)
            .orElseThrow();
    assertEquals("regulator", entry.path("mdc").path("actorRole").asText(), entry.toString());
    assertEquals("TEST-01", entry.path("mdc").path("rule").asText(), entry.toString());
    // the trace the caller started, so a log line leads to the request's spans and back
    assertEquals(TRACE_ID, entry.path("mdc").path("traceId").asText(), entry.toString());
    List<String> lines = Files.readAllLines(LOG);
    String token = bearer.substring(bearer.indexOf(' ') + 1);
    assertFalse(
        lines.stream().anyMatch(l -> l.contains(token)), "a bearer token reached the log file");
  }
}
