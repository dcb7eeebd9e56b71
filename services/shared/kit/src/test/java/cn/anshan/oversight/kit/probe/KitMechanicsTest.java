package cn.anshan.oversight.kit.probe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.idempotency.IdempotentCommands;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.ParkedRecords;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The kit's promises, proven on the real broker and database: an event is published exactly when
 * its transaction commits; a broker outage delays events but loses and reorders none; a duplicate
 * delivery changes nothing; a poison record is parked without stalling its partition.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class KitMechanicsTest {
  static final String TOPIC = "oversight.probe.events";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Tokens REGULATOR = Tokens.user("reg-1").role("regulator").district("tiedong");

  static String label(String id, String label) {
    return given()
        .header("Authorization", REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"" + label + "\"}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(201)
        .extract()
        .header("ETag");
  }

  static List<ConsumerRecord<String, String>> recordsOf(String id, int expected, Duration wait) {
    return KafkaRecords.await(TOPIC, r -> id.equals(r.key()), expected, wait);
  }

  static JsonNode json(String value) {
    try {
      return JSON.readTree(value);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aCommandWithoutBodyIsReplayedByItsIdempotencyKey() {
    String id = UUID.randomUUID().toString();
    String key = UUID.randomUUID().toString();
    for (int attempt = 0; attempt < 2; attempt++) {
      var response =
          given()
              .header("Authorization", REGULATOR.bearer())
              .header("Idempotency-Key", key)
              .post("/probe/items/{id}/touch", id)
              .then()
              .statusCode(201)
              .header("ETag", "\"1\"")
              .extract();
      assertEquals(attempt == 1 ? "true" : null, response.header("Idempotent-Replayed"));
    }
    assertEquals(1, TestInfra.count("select count(*) from outbox_event where aggregateid = ?", id));
  }

  @Test
  void committedCommandIsPublishedAsCloudEventWithEnvelope() {
    String id = UUID.randomUUID().toString();
    label(id, "first");

    List<ConsumerRecord<String, String>> records = recordsOf(id, 1, Duration.ofSeconds(30));
    assertEquals(1, records.size());
    String value = records.get(0).value();
    assertTrue(
        value.startsWith("{\"specversion\":\"1.0\",\"id\":"), "attribute order kept: " + value);
    JsonNode event = json(value);
    assertEquals("1.0", event.path("specversion").asText());
    assertEquals("/oversight/probe-service", event.path("source").asText());
    assertEquals("cn.anshan.oversight.probe.ProbeLabelled.v1", event.path("type").asText());
    assertEquals("ProbeItem/" + id, event.path("subject").asText());
    assertEquals(1, event.path("aggregateversion").asLong());
    assertEquals(
        TestInfra.count("select sequence from outbox_event where aggregateid = ?", id),
        event.path("sequence").asLong());
    assertEquals(
        event.path("sequence").asLong(),
        TestInfra.count(
            "select (payload->>'sequence')::bigint from outbox_event where aggregateid = ?", id),
        "the stored envelope is the published one");
    assertEquals("reg-1", event.path("actor").asText());
    assertEquals("regulator", event.path("actorrole").asText());
    assertEquals("tiedong", event.path("district").asText());
    assertEquals("first", event.path("data").path("label").asText());
    assertEquals(
        "application/cloudevents+json",
        new String(records.get(0).headers().lastHeader("content-type").value()));
    await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(id) == 0);
  }

  @Test
  void rolledBackCommandPublishesNothing() {
    String id = UUID.randomUUID().toString();
    given()
        .header("Authorization", REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"doomed\"}")
        .post("/probe/items/{id}/labels?fail=true", id)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("rules", contains("TEST-01"));
    assertEquals(0, TestInfra.count("select count(*) from outbox_event where aggregateid = ?", id));
    assertEquals(0, TestInfra.count("select count(*) from probe_item where id = ?", id));

    // A later commit is published; the rolled-back one never appears.
    String later = UUID.randomUUID().toString();
    label(later, "later");
    assertEquals(1, recordsOf(later, 1, Duration.ofSeconds(30)).size());
    assertEquals(0, recordsOf(id, 1, Duration.ofSeconds(2)).size());
  }

  @Test
  void brokerOutageDelaysEventsAndDeliversThemInOrderAfterwards() {
    Assumptions.assumeTrue(TestInfra.canSwitchBroker(), "needs the in-process broker");
    String id = UUID.randomUUID().toString();
    label(id, "v1");
    assertEquals(1, recordsOf(id, 1, Duration.ofSeconds(30)).size());

    TestInfra.stopBroker();
    try {
      String etag = "\"1\"";
      for (int v = 2; v <= 6; v++) {
        etag =
            given()
                .header("Authorization", REGULATOR.bearer())
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body("{\"label\":\"v" + v + "\"}")
                .post("/probe/items/{id}/labels", id)
                .then()
                .statusCode(201)
                .extract()
                .header("ETag");
      }
      assertEquals(5, unpublished(id));
      // The relay has really tried and failed against the dead broker before it comes back.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  TestInfra.count(
                          "select count(*) from outbox_unpublished where aggregateid = ?"
                              + " and attempts > 0",
                          id)
                      > 0);
      // the outbox check shows the backlog to the operator; commands went on, and once the oldest
      // row is older than readiness-max-age (5 s here) the check turns DOWN (issue 15 item 4)
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  given()
                      .get("/q/health/ready")
                      .then()
                      .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"))
                      .body(
                          "checks.find { it.name == 'outbox' }.data.oldestUnpublishedSeconds",
                          greaterThanOrEqualTo(5))
                      .body(
                          "checks.find { it.name == 'outbox' }.data.unpublished",
                          greaterThanOrEqualTo(5))
                      .body("checks.find { it.name == 'outbox' }.data.relayLeader", equalTo(true)));
    } finally {
      TestInfra.startBroker();
    }

    List<ConsumerRecord<String, String>> records = recordsOf(id, 6, Duration.ofSeconds(90));
    // delivered: the outbox check is UP again
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                given()
                    .get("/q/health/ready")
                    .then()
                    .body("checks.find { it.name == 'outbox' }.status", equalTo("UP")));
    List<Long> versions =
        records.stream()
            .map(r -> json(r.value()).path("aggregateversion").asLong())
            .distinct()
            .toList();
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), versions);
    List<String> labels =
        records.stream()
            .map(r -> json(r.value()).path("data").path("label").asText())
            .distinct()
            .toList();
    assertEquals(IntStream.rangeClosed(1, 6).mapToObj(v -> "v" + v).toList(), labels);
  }

  @Test
  void duplicateDeliveryChangesNothing() {
    String id = UUID.randomUUID().toString();
    label(id, "once");
    String event = recordsOf(id, 1, Duration.ofSeconds(30)).get(0).value();
    String eventId = json(event).path("id").asText();
    await().atMost(Duration.ofSeconds(30)).until(() -> effects(eventId) == 1);

    KafkaRecords.send(TOPIC, id, event, event);
    String marker = UUID.randomUUID().toString();
    label(marker, "marker");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count("select count(*) from probe_effect where item_id = ?", marker)
                    == 1);
    assertEquals(1, effects(eventId));
    assertEquals(
        1,
        TestInfra.count(
            "select count(*) from inbox_event where consumer = ? and event_id = ?::uuid",
            ProbeConsumer.CONSUMER,
            eventId));
  }

  @Test
  void poisonRecordIsParkedWithoutStallingThePartition() {
    String key = UUID.randomUUID().toString();
    KafkaRecords.send(TOPIC, key, "{not json " + key);
    label(key, "after-poison");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> TestInfra.count("select count(*) from probe_effect where item_id = ?", key) == 1);
    String reason = ParkedRecords.await(ProbeConsumer.CONSUMER, key, Duration.ofSeconds(30));
    assertTrue(reason.startsWith("not JSON"), reason);
  }

  @Test
  void aTransientDatabaseFailureIsRetriedInPlaceNotDeadLettered() throws Exception {
    String id = UUID.randomUUID().toString();
    // the consumer's effect is refused (42501) until the privilege comes back
    execute("revoke insert on probe_effect from " + TestInfra.serviceUser());
    try {
      label(id, "during-outage");
      String eventId =
          json(recordsOf(id, 1, Duration.ofSeconds(30)).get(0).value()).path("id").asText();
      // several attempts fail meanwhile; nothing is applied, nothing is claimed
      Thread.sleep(2_000);
      assertEquals(0, effects(eventId));
      assertEquals(
          0,
          TestInfra.count(
              "select count(*) from inbox_event where consumer = ? and event_id = ?::uuid",
              ProbeConsumer.CONSUMER,
              eventId));
    } finally {
      execute("grant insert on probe_effect to " + TestInfra.serviceUser());
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> TestInfra.count("select count(*) from probe_effect where item_id = ?", id) == 1);
    assertEquals(
        List.of(),
        KafkaRecords.await(
            "probe-effects.dlq", r -> r.value().contains(id), 1, Duration.ofSeconds(5)),
        "the event was never dead-lettered");
    assertEquals(
        0,
        TestInfra.count("select count(*) from parked_event where strpos(payload, ?) > 0", id),
        "nor parked");
  }

  static void execute(String sql) throws Exception {
    try (java.sql.Connection c = TestInfra.connect();
        java.sql.Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  static long effects(String eventId) {
    return TestInfra.count("select count(*) from probe_effect where event_id = ?::uuid", eventId);
  }

  @Test
  void problemsForAuthenticationRolesAndValidation() {
    String id = UUID.randomUUID().toString();
    given()
        .contentType(ContentType.JSON)
        .body("{\"label\":\"x\"}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("status", equalTo(401));
    given()
        .header(
            "Authorization",
            Tokens.anyone()
                .role("regulator")
                .expiresAt(java.time.Instant.now().minusSeconds(600))
                .bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"x\"}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(401);
    given()
        .header("Authorization", Tokens.anyone().role("regulator").audience("another-api").bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"x\"}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(401);
    given()
        .header(
            "Authorization",
            Tokens.anyone()
                .role("regulator")
                .issuer("http://evil.example/realms/oversight")
                .bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"x\"}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(401);
    given()
        .header("Authorization", Tokens.anyone().role("parent").bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"x\"}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .header("Authorization", REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"\",\"tags\":[{\"name\":\"ok\"},{\"name\":\"\"}]}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.pointer", contains("/label", "/tags/1/name"));
    given()
        .header("Authorization", REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\": 12, ")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .header("Authorization", REGULATOR.bearer())
        .get("/probe/items/{id}", id)
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", containsString(id));
    given()
        .header("Authorization", REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"" + "x".repeat(300_000) + "\"}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", containsString("payload-too-large"));
    assertEquals(0, TestInfra.count("select count(*) from outbox_event where aggregateid = ?", id));
  }

  @Test
  void updatesNeedTheCurrentVersion() {
    String id = UUID.randomUUID().toString();
    label(id, "one");
    given()
        .header("Authorization", REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"two\"}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(428)
        .contentType("application/problem+json");
    given()
        .header("Authorization", REGULATOR.bearer())
        .header("If-Match", "\"7\"")
        .contentType(ContentType.JSON)
        .body("{\"label\":\"two\"}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    given()
        .header("Authorization", REGULATOR.bearer())
        .header("If-Match", "\"1\"")
        .contentType(ContentType.JSON)
        .body("{\"label\":\"two\"}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(201)
        .header("ETag", "\"2\"");
  }

  @Test
  void idempotencyKeyReplaysRejectsOtherBodiesAndRefusesConcurrentDuplicates() throws Exception {
    String id = UUID.randomUUID().toString();
    String key = UUID.randomUUID().toString();
    String first =
        given()
            .header("Authorization", REGULATOR.bearer())
            .header(IdempotentCommands.HEADER, key)
            .contentType(ContentType.JSON)
            .body("{\"label\":\"same\"}")
            .post("/probe/items/{id}/labels", id)
            .then()
            .statusCode(201)
            .extract()
            .asString();
    given()
        .header("Authorization", REGULATOR.bearer())
        .header(IdempotentCommands.HEADER, key)
        .contentType(ContentType.JSON)
        .body("{\"label\":\"same\"}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .header("ETag", "\"1\"")
        .body(equalTo(first));
    given()
        .header("Authorization", REGULATOR.bearer())
        .header(IdempotentCommands.HEADER, key)
        .contentType(ContentType.JSON)
        .body("{\"label\":\"different\"}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    assertEquals(1, TestInfra.count("select count(*) from outbox_event where aggregateid = ?", id));

    // While another transaction holds the key, a duplicate is refused with 409.
    String busyKey = UUID.randomUUID().toString();
    String scope = "reg-1 POST /probe/items/" + id + "/labels";
    try (Connection c = TestInfra.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
        ps.setString(1, IdempotentCommands.lockName(scope, busyKey));
        ps.execute();
      }
      given()
          .header("Authorization", REGULATOR.bearer())
          .header(IdempotentCommands.HEADER, busyKey)
          .header("If-Match", "\"1\"")
          .contentType(ContentType.JSON)
          .body("{\"label\":\"busy\"}")
          .post("/probe/items/{id}/labels", id)
          .then()
          .statusCode(409)
          .body("type", containsString("idempotency-key-in-use"));
      c.rollback();
    }
    given()
        .header("Authorization", REGULATOR.bearer())
        .get("/probe/items/{id}", id)
        .then()
        .statusCode(200)
        .body("label", equalTo("same"))
        .header("ETag", "\"1\"");
  }

  @Test
  void testClockCanBeMovedInTestBuilds() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"freezeAt\":\"2026-02-13T02:00:00Z\"}")
        .post("/test/clock")
        .then()
        .statusCode(200)
        .body("now", equalTo("2026-02-13T02:00:00Z"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"advanceSeconds\":86400}")
        .post("/test/clock")
        .then()
        .body("now", equalTo("2026-02-14T02:00:00Z"));
    given().delete("/test/clock").then().statusCode(200);
    given()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(containsString("/test/clock")));
  }

  @Test
  void housekeepingDropsOldPublishedRowsAndExpiredIdempotencyKeysOnly() {
    String fresh = UUID.randomUUID().toString();
    label(fresh, "fresh");
    await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(fresh) == 0);
    String old = UUID.randomUUID().toString();
    TestInfra.query(
        "insert into outbox_event (id, aggregatetype, aggregateid, type, payload, aggregate_version,"
            + " sequence, topic, created_at, sent_at) values (gen_random_uuid(), 'ProbeItem', ?, 't',"
            + " '{}', 1, -extract(epoch from clock_timestamp())::bigint, 'x', now() - interval '9 days',"
            + " now() - interval '8 days') returning id",
        old);
    TestInfra.query(
        "insert into idempotency_record (scope, idempotency_key, request_hash, response_status,"
            + " created_at) values ('test', ?, 'h', 201, now() - interval '2 days') returning scope",
        old);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count("select count(*) from outbox_event where aggregateid = ?", old) == 0
                    && TestInfra.count(
                            "select count(*) from idempotency_record where idempotency_key = ?",
                            old)
                        == 0);
    assertEquals(
        1, TestInfra.count("select count(*) from outbox_event where aggregateid = ?", fresh));
  }

  /** Rows of the aggregate the broker has not acknowledged yet (numbered or not). */
  static long unpublished(String aggregateId) {
    return TestInfra.count(
        "select count(*) from outbox_unpublished where aggregateid = ?", aggregateId);
  }
}
