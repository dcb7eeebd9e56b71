package cn.anshan.oversight.kit.probe;

import static cn.anshan.oversight.kit.probe.KitMechanicsTest.execute;
import static cn.anshan.oversight.kit.probe.KitMechanicsTest.label;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.ParkedRecords;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 1: what a consumer parks is visible to the platform operator (per consumer: count,
 * oldest, latest reason; items without payload) and can be replayed, at most once in effect. The
 * retry window is 2 s here, so a refused effect is parked within the test.
 */
@QuarkusTest
@TestProfile(ParkedEventsTest.ShortRetryWindow.class)
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ParkedEventsTest {
  static final Tokens OPERATOR = Tokens.user("ops-1").role("platform-operator");
  static final Tokens REGULATOR = Tokens.user("reg-1").role("regulator").district("tiedong");
  static final String PARKED = "/api/v1/operations/parked-events";

  public static class ShortRetryWindow implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "oversight.inbox.retry.give-up-after", "2s",
          "oversight.inbox.retry.initial-backoff", "100ms",
          "oversight.inbox.retry.max-backoff", "200ms");
    }
  }

  @Test
  void anEffectStillRefusedAfterTheWindowIsParkedThenReplayedOnce() throws Exception {
    String item = UUID.randomUUID().toString();
    execute("revoke insert on probe_effect from " + TestInfra.serviceUser());
    String reason;
    try {
      label(item, "while-refused");
      reason = ParkedRecords.await(ProbeConsumer.CONSUMER, item, Duration.ofSeconds(30));
    } finally {
      execute("grant insert on probe_effect to " + TestInfra.serviceUser());
    }
    assertTrue(reason.startsWith("still failing after the retry window"), reason);
    Thread.sleep(1_000);
    assertEquals(0, effects(item), "parked, so not applied behind the operator's back");

    JsonPath overview = overview();
    Map<String, Object> summary = consumer(overview, ProbeConsumer.CONSUMER);
    assertTrue(((Number) summary.get("open")).longValue() >= 1);
    List<Map<String, Object>> items = overview.getList("items");
    Map<String, Object> parked =
        items.stream().filter(i -> reason.equals(i.get("reason"))).findFirst().orElseThrow();
    assertFalse(parked.containsKey("payload"), "payloads stay in the database: " + parked);
    String id = (String) parked.get("id");

    JsonPath first = replay(id, 200);
    assertEquals("APPLIED", first.getString("outcome"));
    assertEquals("ops-1", first.getString("replayedBy"));
    assertEquals(1, effects(item));
    JsonPath again = replay(id, 200);
    assertEquals("APPLIED", again.getString("outcome"));
    assertEquals(first.getString("replayedAt"), again.getString("replayedAt"));
    assertEquals(1, effects(item), "a replay applies the event at most once");
    assertTrue(overview().getList("items.id").stream().noneMatch(id::equals));
  }

  @Test
  void aPoisonRecordStaysParkedOnReplayAndOnlyTheOperatorSeesTheList() {
    String key = UUID.randomUUID().toString();
    KafkaRecords.send(KitMechanicsTest.TOPIC, key, "{not json " + key);
    ParkedRecords.await(ProbeConsumer.CONSUMER, key, Duration.ofSeconds(30));
    String id =
        (String)
            TestInfra.query(
                    "select id::text as id from parked_event where strpos(payload, ?) > 0", key)
                .get(0)
                .get("id");
    given()
        .header("Authorization", OPERATOR.bearer())
        .post(PARKED + "/{id}/replay", id)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", org.hamcrest.Matchers.endsWith("still-poison"));
    assertTrue(overview().getList("items.id").contains(id), "still parked");
    given()
        .header("Authorization", OPERATOR.bearer())
        .post(PARKED + "/{id}/replay", UUID.randomUUID())
        .then()
        .statusCode(404);
    given().header("Authorization", REGULATOR.bearer()).get(PARKED).then().statusCode(403);
    given()
        .header("Authorization", REGULATOR.bearer())
        .post(PARKED + "/{id}/replay", id)
        .then()
        .statusCode(403);
    given().get(PARKED).then().statusCode(401).body("status", equalTo(401));
  }

  private static JsonPath overview() {
    return given()
        .header("Authorization", OPERATOR.bearer())
        .get(PARKED)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static Map<String, Object> consumer(JsonPath overview, String name) {
    List<Map<String, Object>> consumers = overview.getList("consumers");
    return consumers.stream()
        .filter(c -> name.equals(c.get("consumer")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + consumers));
  }

  private static JsonPath replay(String id, int status) {
    return given()
        .header("Authorization", OPERATOR.bearer())
        .post(PARKED + "/{id}/replay", id)
        .then()
        .statusCode(status)
        .extract()
        .jsonPath();
  }

  private static long effects(String item) {
    return TestInfra.count("select count(*) from probe_effect where item_id = ?", item);
  }
}
