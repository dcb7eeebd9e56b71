package cn.anshan.oversight.kit.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.events.EventSettings;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 4: a row the broker refuses for what it is (here: larger than a record may be) is
 * tried {@code quarantine-after} times (3 in the kit's tests) and quarantined; the rest of its
 * aggregate and of the stream goes on, and readiness shows the quarantined count. A row that fails
 * because the broker is away is never quarantined (KitMechanicsTest stops the broker).
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class RelayQuarantineTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Inject EventSettings events;

  @Test
  void aRowTheBrokerCannotTakeIsQuarantinedAndTheStreamGoesOn() throws Exception {
    // a real event of this service as the template of the rows written below
    String template = UUID.randomUUID().toString();
    OutboxOrderingTest.writeVersions(template, new Random(2));
    ObjectNode envelope =
        (ObjectNode)
            JSON.readTree(
                KafkaRecords.await(
                        events.topic(), r -> template.equals(r.key()), 1, Duration.ofSeconds(60))
                    .get(0)
                    .value());

    String item = UUID.randomUUID().toString();
    UUID tooLarge = insert(envelope, events.topic(), item, 1, "x".repeat(1_500_000));
    UUID next = insert(envelope, events.topic(), item, 2, "after the refused one");

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from outbox_event where id = ?"
                            + " and quarantined_at is not null",
                        tooLarge)
                    == 1);
    Map<String, Object> row =
        TestInfra.query("select attempts, last_error from outbox_event where id = ?", tooLarge)
            .get(0);
    assertEquals(3, ((Number) row.get("attempts")).intValue());
    assertTrue(String.valueOf(row.get("last_error")).contains("RecordTooLarge"), row.toString());
    // its aggregate is not wedged: the next version is delivered
    assertEquals(
        next.toString(),
        JSON.readTree(
                KafkaRecords.await(
                        events.topic(), r -> item.equals(r.key()), 1, Duration.ofSeconds(60))
                    .get(0)
                    .value())
            .path("id")
            .asText());
    assertEquals(
        0, TestInfra.count("select count(*) from outbox_unpublished where aggregateid = ?", item));
    given()
        .get("/q/health/ready")
        .then()
        .body("checks.find { it.name == 'outbox' }.data.quarantined", greaterThanOrEqualTo(1));
  }

  /** An outbox row as a command would write it, with {@code label} as its data. */
  static UUID insert(ObjectNode template, String topic, String item, long version, String label)
      throws Exception {
    UUID id = UUID.randomUUID();
    ObjectNode e = template.deepCopy();
    e.put("id", id.toString());
    e.put("aggregateid", item);
    e.put("subject", e.path("aggregatetype").asText() + "/" + item);
    e.put("aggregateversion", version);
    e.put("sequence", 0);
    ((ObjectNode) e.get("data")).put("label", label);
    try (Connection c = TestInfra.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into outbox_event (id, aggregatetype, aggregateid, type, aggregate_version,"
                    + " topic, payload) values (?, ?, ?, ?, ?, ?, cast(? as json))")) {
      ps.setObject(1, id);
      ps.setString(2, e.path("aggregatetype").asText());
      ps.setString(3, item);
      ps.setString(4, e.path("type").asText());
      ps.setLong(5, version);
      ps.setString(6, topic);
      ps.setString(7, e.toString());
      ps.executeUpdate();
    }
    return id;
  }
}
