package cn.anshan.oversight.registry.rest;

import static io.restassured.RestAssured.given;

import cn.anshan.oversight.testkit.ContractEvents;
import cn.anshan.oversight.testkit.TestClock;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;

/** What every registry flow test needs: the test clock and the registry's events, validated. */
public final class RegistryFixtures {
  public static final String TOPIC = "oversight.registry.events";

  private RegistryFixtures() {}

  /**
   * An approved institution through the real API: {@code operator} applies with {@code
   * applicationJson}, {@code regulator} (of the same district) approves version 1.
   */
  public static void approved(
      Tokens operator, Tokens regulator, String institutionId, String applicationJson) {
    given()
        .header("Authorization", operator.bearer())
        .contentType(ContentType.JSON)
        .body(applicationJson)
        .post("/api/v1/institution-applications")
        .then()
        .statusCode(201);
    given()
        .header("Authorization", regulator.bearer())
        .header("If-Match", "\"1\"")
        .post("/api/v1/institution-applications/{id}/approval", institutionId)
        .then()
        .statusCode(200);
  }

  /** Freezes the service's clock; keep dates inside the loaded calendar years. */
  public static void freeze(String instant) {
    TestClock.freeze(instant);
  }

  public static void unfreeze() {
    TestClock.unfreeze();
  }

  /** The events of one aggregate in order, each checked against its contract. */
  public static List<JsonNode> events(String key, int expected) {
    return events(key, expected, Duration.ofSeconds(30));
  }

  public static List<JsonNode> events(String key, int expected, Duration timeout) {
    return ContractEvents.of(TOPIC, key, expected, timeout);
  }
}
