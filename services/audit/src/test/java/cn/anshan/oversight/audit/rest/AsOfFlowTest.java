package cn.anshan.oversight.audit.rest;

import static cn.anshan.oversight.audit.rest.AuditFixtures.AUDITOR;
import static cn.anshan.oversight.audit.rest.AuditFixtures.ESCROW;
import static cn.anshan.oversight.audit.rest.AuditFixtures.awaitStored;
import static cn.anshan.oversight.audit.rest.AuditFixtures.publish;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.audit.rest.AuditFixtures.Ev;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Timestamp;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Capability 3 over HTTP: as of a version, a business instant and a recording instant. */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class AsOfFlowTest {
  String order;
  String parent;
  String recordedAfterV2;

  @BeforeEach
  void anOrderWithThreeVersionsRecordedInTwoBatches() {
    String source = AuditFixtures.newSource();
    order = UUID.randomUUID().toString();
    parent = "parent-" + UUID.randomUUID();
    String type = "cn.anshan.oversight.escrow.";
    Ev v1 =
        Ev.of(source, type + "OrderPlaced.v1", "Order", order)
            .version(1)
            .seq(1)
            .time("2026-09-01T01:00:00Z")
            .actor(parent, "parent")
            .data("status", "PLACED")
            .data("amountFen", 100000);
    Ev v2 =
        Ev.of(source, type + "PrepaymentReceived.v1", "Order", order)
            .version(2)
            .seq(2)
            .time("2026-09-02T01:00:00Z")
            .data("status", "PAID");
    Ev v3 =
        Ev.of(source, type + "OrderRefunded.v1", "Order", order)
            .version(3)
            .seq(3)
            .time("2026-09-03T01:00:00Z")
            .data("status", "REFUNDED")
            .data("amountFen", 0);
    publish(ESCROW, order, v2, v1); // out of order
    awaitStored(v1.id(), v2.id());
    recordedAfterV2 =
        ((Timestamp)
                TestInfra.query(
                        "select max(recorded_at) as at from audit_event where aggregate_id = ?",
                        order)
                    .get(0)
                    .get("at"))
            .toInstant()
            .toString();
    publish(ESCROW, order, v3);
    awaitStored(v3.id());
  }

  JsonPath state(Tokens who, String query) {
    return given()
        .header("Authorization", who.bearer())
        .get("/api/v1/audit/entities/" + order + "/state?" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void asOfVersionFoldsThePrefix() {
    JsonPath v2 = state(AUDITOR, "version=2");
    assertEquals(2, v2.getInt("state.version"));
    assertEquals("PAID", v2.getString("state.fields.status"));
    assertEquals(100000, v2.getInt("state.fields.amountFen"));
    JsonPath v3 = state(AUDITOR, "version=3");
    assertEquals("REFUNDED", v3.getString("state.fields.status"));
    assertEquals(0, v3.getInt("state.fields.amountFen"));
    assertEquals(0, state(AUDITOR, "version=0").getInt("state.eventCount"));
  }

  @Test
  void asOfBusinessTimeFoldsTheEventsUpToIt() {
    JsonPath between = state(AUDITOR, "time=2026-09-02T12:00:00Z");
    assertEquals(2, between.getInt("state.version"));
    assertEquals("PAID", between.getString("state.fields.status"));
    assertEquals(1, state(AUDITOR, "time=2026-09-01T01:00:00Z").getInt("state.version"));
  }

  @Test
  void asOfRecordingTimeShowsWhatAuditKnewThen() {
    JsonPath then = state(AUDITOR, "recordedAt=" + recordedAfterV2);
    assertEquals(2, then.getInt("state.version"));
    assertEquals("PAID", then.getString("state.fields.status"));
  }

  @Test
  void exactlyOneCutoffAndTheCallersScope() {
    given()
        .header("Authorization", AUDITOR.bearer())
        .get("/api/v1/audit/entities/" + order + "/state")
        .then()
        .statusCode(400);
    given()
        .header("Authorization", AUDITOR.bearer())
        .get("/api/v1/audit/entities/" + order + "/state?version=1&time=2026-09-01T00:00:00Z")
        .then()
        .statusCode(400);
    assertEquals(3, state(Tokens.user(parent).role("parent"), "version=3").getInt("state.version"));
    given()
        .header("Authorization", Tokens.user("someone-else").role("parent").bearer())
        .get("/api/v1/audit/entities/" + order + "/state?version=3")
        .then()
        .statusCode(404);
  }
}
