package cn.anshan.oversight.audit.rest;

import static cn.anshan.oversight.audit.rest.AuditFixtures.AUDITOR;
import static cn.anshan.oversight.audit.rest.AuditFixtures.ESCROW;
import static cn.anshan.oversight.audit.rest.AuditFixtures.REGISTRY;
import static cn.anshan.oversight.audit.rest.AuditFixtures.awaitStored;
import static cn.anshan.oversight.audit.rest.AuditFixtures.publish;
import static cn.anshan.oversight.audit.rest.AuditFixtures.timeline;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.audit.repository.EventStore;
import cn.anshan.oversight.audit.rest.AuditFixtures.Ev;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.Metrics;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.RecordedSpans;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Capabilities 1 and 2 on the real broker: every topic is ingested once per event id whatever the
 * delivery order or repetition, into a raw table the ingest role can only append to; timelines
 * include referencing events, filter, page and respect the caller's scope.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class IngestFlowTest {
  @Inject Vertx vertx;
  @Inject RecordedSpans spans;
  @Inject ObjectMapper mapper;
  @Inject OversightClock clock;

  String source;
  String escrowSource;
  String institution;
  String order;
  String parent;
  Ev applied;
  Ev approved;
  Ev whitelisted;
  Ev orderPaid;
  String correlation;

  @BeforeEach
  void institutionWithAnOrder() {
    source = AuditFixtures.newSource();
    escrowSource = AuditFixtures.newSource();
    institution = UUID.randomUUID().toString();
    order = UUID.randomUUID().toString();
    parent = "parent-" + UUID.randomUUID();
    correlation = UUID.randomUUID().toString();
    String type = "cn.anshan.oversight.registry.";
    applied =
        Ev.of(source, type + "InstitutionApplied.v1", "Institution", institution)
            .version(1)
            .seq(1)
            .time("2026-09-01T01:00:00Z")
            .actor("op-1", "institution-operator")
            .data("institutionId", institution);
    approved =
        Ev.of(source, type + "ApplicationApproved.v1", "Institution", institution)
            .version(2)
            .seq(2)
            .time("2026-09-02T01:00:00Z")
            .actor("reg-1", "regulator")
            .correlation(correlation)
            .data("institutionId", institution);
    whitelisted =
        Ev.of(source, type + "InstitutionWhitelisted.v1", "Institution", institution)
            .version(3)
            .seq(3)
            .time("2026-09-02T02:00:00Z")
            .actor("reg-1", "regulator")
            .correlation(correlation)
            .data("institutionId", institution)
            .data("listStatus", "WHITE");
    orderPaid =
        Ev.of(escrowSource, "cn.anshan.oversight.escrow.PrepaymentReceived.v1", "Order", order)
            .version(1)
            .seq(1)
            .time("2026-09-03T01:00:00Z")
            .actor(parent, "parent")
            .data("orderId", order)
            .data("institutionId", institution)
            .data("amountFen", 120000);
  }

  void ingestAll() {
    // out of order and duplicated: v3 first, every event twice
    publish(REGISTRY, institution, whitelisted, applied, applied, approved, whitelisted, approved);
    publish(ESCROW, order, orderPaid, orderPaid);
    awaitStored(applied.id(), approved.id(), whitelisted.id(), orderPaid.id());
  }

  @Test
  void redeliveryOfEveryEventChangesNothing() {
    ingestAll();
    List<Map<String, Object>> chainBefore =
        TestInfra.query(
            "select length, head_hash from entity_chain where aggregate_id = ?", institution);
    long timelineBefore = timelineRows();
    String scrape = Metrics.scrape();
    double storedBefore = Metrics.value(scrape, STORED);
    double duplicatesBefore = Metrics.value(scrape, DUPLICATES);

    // 100 % re-delivery, then a marker behind it on the same partitions
    Ev marker = Ev.of(source, "cn.anshan.oversight.registry.Marker.v1", "Probe", "m").seq(4);
    Ev escrowMarker = Ev.of(escrowSource, "cn.anshan.oversight.escrow.Marker.v1", "Probe", "n");
    publish(REGISTRY, institution, applied, approved, whitelisted, marker);
    publish(ESCROW, order, orderPaid, escrowMarker);
    awaitStored(marker.id(), escrowMarker.id());

    assertEquals(
        3, TestInfra.count("select count(*) from audit_event where aggregate_id = ?", institution));
    assertEquals(
        1, TestInfra.count("select count(*) from audit_event where aggregate_id = ?", order));
    assertEquals(
        chainBefore,
        TestInfra.query(
            "select length, head_hash from entity_chain where aggregate_id = ?", institution));
    assertEquals(timelineBefore, timelineRows());
    assertEquals(
        3,
        TestInfra.count(
            "select count(*) from timeline_entry where entity_id = ? and relation = 'self'",
            institution));
    // issue 20: the two markers counted as stored, the four re-deliveries as duplicates
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Metrics.value(STORED) >= storedBefore + 2
                    && Metrics.value(DUPLICATES) >= duplicatesBefore + 4);
  }

  static final String STORED = "oversight_audit_ingested_records_total{outcome=\"stored\"}";
  static final String DUPLICATES = "oversight_audit_ingested_records_total{outcome=\"duplicate\"}";

  long timelineRows() {
    return TestInfra.count(
        "select count(*) from timeline_entry where entity_id in (?, ?)", institution, order);
  }

  @Test
  void recordedAtIsServerAssignedBesideTheBusinessTime() {
    ingestAll();
    assertEquals(
        1,
        TestInfra.count(
            "select count(*) from audit_event where event_id = ?::uuid"
                + " and time = '2026-09-01T01:00:00Z'::timestamptz and recorded_at > time",
            applied.id()));
  }

  @Test
  void institutionTimelineShowsItsOwnAndReferencingEventsInOrder() {
    ingestAll();
    JsonPath page = timeline(AUDITOR, institution, null);
    assertEquals(
        List.of(applied.id(), approved.id(), whitelisted.id(), orderPaid.id()),
        page.getList("items.eventId"));
    assertEquals(List.of(1, 2, 3, 1), page.getList("items.aggregateVersion"));
    assertEquals(List.of("self", "self", "self", "institutionId"), page.getList("items.relation"));
    assertEquals(120000, page.getInt("items[3].data.amountFen"));
  }

  @Test
  void timelineFiltersByActorTypeTimeCorrelationAndDistrict() {
    ingestAll();
    assertEquals(
        List.of(approved.id(), whitelisted.id()),
        timeline(AUDITOR, institution, "actor=reg-1").getList("items.eventId"));
    assertEquals(
        List.of(approved.id()),
        timeline(AUDITOR, institution, "type=cn.anshan.oversight.registry.ApplicationApproved.v1")
            .getList("items.eventId"));
    assertEquals(
        List.of(approved.id(), whitelisted.id()),
        timeline(AUDITOR, institution, "from=2026-09-02T00:00:00Z&to=2026-09-03T00:00:00Z")
            .getList("items.eventId"));
    assertEquals(
        List.of(approved.id(), whitelisted.id()),
        timeline(AUDITOR, institution, "correlationId=" + correlation).getList("items.eventId"));
    assertEquals(4, timeline(AUDITOR, institution, "district=tiedong").getList("items").size());
    assertEquals(0, timeline(AUDITOR, institution, "district=lishan").getList("items").size());
  }

  /** Capability 2: at one instant (a frozen clock) v1 stays before v2 though its id sorts after. */
  @Test
  void atEqualTimesAnAggregatesEventsStayInVersionOrderAcrossPages() {
    String type = "cn.anshan.oversight.registry.";
    String same = "2026-09-05T01:00:00Z";
    Ev first =
        Ev.of(source, type + "InstitutionApplied.v1", "Institution", institution)
            .version(1)
            .seq(1)
            .time(same)
            .data("institutionId", institution);
    Ev second =
        Ev.of(source, type + "ApplicationApproved.v1", "Institution", institution)
            .version(2)
            .seq(2)
            .time(same)
            .data("institutionId", institution);
    String random = UUID.randomUUID().toString();
    first.json.put("id", "f" + random.substring(1));
    second.json.put("id", "0" + random.substring(1));
    publish(REGISTRY, institution, second, first);
    awaitStored(first.id(), second.id());
    assertEquals(
        List.of(first.id(), second.id()),
        timeline(AUDITOR, institution, null).getList("items.eventId"));
    JsonPath page = timeline(AUDITOR, institution, "limit=1");
    assertEquals(List.of(first.id()), page.getList("items.eventId"));
    assertEquals(
        List.of(second.id()),
        timeline(AUDITOR, institution, "limit=1&cursor=" + page.getString("nextCursor"))
            .getList("items.eventId"));
  }

  @Test
  void timelinePagesWithAKeysetCursor() {
    ingestAll();
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonPath page =
          timeline(AUDITOR, institution, "limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
      seen.addAll(page.getList("items.eventId"));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    assertEquals(List.of(applied.id(), approved.id(), whitelisted.id(), orderPaid.id()), seen);
    given()
        .header("Authorization", AUDITOR.bearer())
        .get("/api/v1/audit/timelines/" + institution + "?cursor=bm90LWEtY3Vyc29y")
        .then()
        .statusCode(400);
  }

  @Test
  void eachRoleSeesOnlyItsScope() {
    ingestAll();
    Tokens operator = Tokens.user("op-1").role("institution-operator").institution(institution);
    Tokens otherOperator =
        Tokens.user("op-2").role("institution-operator").institution(UUID.randomUUID().toString());
    Tokens regulator = Tokens.user("reg-1").role("regulator").district("tiedong");
    Tokens otherRegulator = Tokens.user("reg-2").role("regulator").district("lishan");
    Tokens owner = Tokens.user(parent).role("parent");
    Tokens otherParent = Tokens.user("parent-x").role("parent");

    assertEquals(4, timeline(operator, institution, null).getList("items").size());
    assertEquals(4, timeline(regulator, institution, null).getList("items").size());
    assertEquals(1, timeline(owner, order, null).getList("items").size());
    for (Tokens who : List.of(otherOperator, otherRegulator, otherParent)) {
      given()
          .header("Authorization", who.bearer())
          .get("/api/v1/audit/timelines/" + institution)
          .then()
          .statusCode(404);
    }
    given()
        .header("Authorization", otherParent.bearer())
        .get("/api/v1/audit/timelines/" + order)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", operator.bearer())
        .get("/api/v1/audit/events?actor=reg-1")
        .then()
        .statusCode(403);
    given().get("/api/v1/audit/timelines/" + institution).then().statusCode(401);
  }

  @Test
  void aRegulatorExportsAndFoldsOnlyEntitiesWhollyInTheirDistrict() {
    String moved = UUID.randomUUID().toString();
    String src = AuditFixtures.newSource();
    Ev here =
        Ev.of(src, "cn.anshan.oversight.registry.InstitutionApplied.v1", "Institution", moved)
            .version(1)
            .seq(1)
            .time("2026-09-01T01:00:00Z")
            .district("tiedong");
    Ev there =
        Ev.of(src, "cn.anshan.oversight.registry.PremisesMoved.v1", "Institution", moved)
            .version(2)
            .seq(2)
            .time("2026-09-02T01:00:00Z")
            .district("lishan");
    publish(REGISTRY, moved, here, there);
    awaitStored(here.id(), there.id());
    Tokens tiedong = Tokens.user("reg-1").role("regulator").district("tiedong");

    // the timeline shows the district's part; a state or chain built from part of it would lie
    assertEquals(List.of(here.id()), timeline(tiedong, moved, null).getList("items.eventId"));
    for (String path :
        List.of(
            "/api/v1/audit/entities/" + moved + "/state?version=2",
            "/api/v1/audit/exports/" + moved)) {
      given().header("Authorization", tiedong.bearer()).get(path).then().statusCode(404);
      given().header("Authorization", AUDITOR.bearer()).get(path).then().statusCode(200);
    }
    // an entity wholly in the district is the regulator's to fold
    given()
        .header("Authorization", tiedong.bearer())
        .get("/api/v1/audit/entities/" + moved + "/state?version=1")
        .then()
        .statusCode(200);
  }

  @Test
  void theInstitutionReadsComplaintsAboutItWithoutWhoFiledThem() {
    ingestAll();
    String complaint = UUID.randomUUID().toString();
    Ev filed =
        Ev.of(source, "cn.anshan.oversight.registry.ComplaintFiled.v1", "Complaint", complaint)
            .version(1)
            .seq(4)
            .time("2026-09-05T01:00:00Z")
            .actor(parent, "parent")
            .correlation("parent-app-" + parent)
            .trace("4bf92f3577b34da6a3ce929d0e0e4736")
            .data("complaintId", complaint)
            .data("institutionId", institution);
    publish(REGISTRY, complaint, filed);
    awaitStored(filed.id());
    Tokens operator = Tokens.user("op-1").role("institution-operator").institution(institution);

    JsonPath seen = timeline(operator, institution, null);
    int i = seen.getList("items.eventId").indexOf(filed.id());
    assertTrue(i >= 0);
    assertEquals("parent", seen.getString("items[" + i + "].actorRole"));
    for (String hidden :
        List.of("actor", "correlationId", "causationId", "traceId", "eventHash", "entityHash")) {
      assertNull(seen.get("items[" + i + "]." + hidden), hidden);
    }
    assertFalse(seen.getMap("items[" + i + "]").toString().contains(parent));
    // the institution's own acts and the regulator's stay attributed; an auditor sees everything
    assertEquals("reg-1", seen.getString("items[1].actor"));
    JsonPath audited = timeline(AUDITOR, institution, null);
    assertEquals(parent, audited.getString("items[" + i + "].actor"));
    assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", audited.getString("items[" + i + "].traceId"));
  }

  @Test
  void aParentNamedAsActorOfAnInstitutionsRecordStillCannotReadItsTimeline() {
    ingestAll();
    // as escrow recorded a risk trip set off by a parent's refund request before issue 16
    Ev tripped =
        Ev.of(
                escrowSource,
                "cn.anshan.oversight.escrow.RiskIndicatorTripped.v1",
                "InstitutionRisk",
                institution)
            .version(1)
            .seq(2)
            .time("2026-09-04T01:00:00Z")
            .actor(parent, "parent")
            .data("institutionId", institution);
    publish(ESCROW, institution, tripped);
    awaitStored(tripped.id());
    Tokens owner = Tokens.user(parent).role("parent");

    given()
        .header("Authorization", owner.bearer())
        .get("/api/v1/audit/timelines/" + institution)
        .then()
        .statusCode(404);
    assertEquals(1, timeline(owner, order, null).getList("items").size());
  }

  @Test
  void eventSearchByCorrelationIdAcrossEntities() {
    ingestAll();
    JsonPath page =
        given()
            .header("Authorization", AUDITOR.bearer())
            .get("/api/v1/audit/events?correlationId=" + correlation)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(approved.id(), whitelisted.id()), page.getList("items.eventId"));
  }

  /**
   * Issue 20 item 2: storing a record continues the trace of the relay's send that delivered it
   * (its W3C header), so the audit store is the last hop of the command's trace.
   */
  @Test
  void storingARecordContinuesTheTraceOfItsSend() {
    Ev marker = Ev.of(source, "cn.anshan.oversight.registry.Marker.v1", "Probe", institution);
    String trace = "5e1f0c3a9b7d4e2f8a6c1b3d5f7e9a0c";
    String send = "a1b2c3d4e5f60718";
    KafkaRecords.sendTraced(
        REGISTRY, institution, "00-" + trace + "-" + send + "-01", marker.json());
    awaitStored(marker.id());
    SpanData stored =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> spans.ofTrace(trace), l -> !l.isEmpty())
            .get(0);
    assertEquals("process audit-ingest", stored.getName());
    assertEquals(SpanKind.CONSUMER, stored.getKind());
    assertEquals(send, stored.getParentSpanId());
    assertEquals(
        REGISTRY, stored.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")));
  }

  @Test
  void aRecordThatIsNotAnEnvelopeIsSetAsideWithoutStallingThePartition() {
    Ev after = Ev.of(source, "cn.anshan.oversight.registry.Marker.v1", "Probe", "p");
    KafkaRecords.send(REGISTRY, institution, "{not json", after.json());
    awaitStored(after.id());
    assertEquals(
        1,
        TestInfra.count(
            "select count(*) from rejected_record where value = '{not json' and reason = 'not"
                + " JSON'"));
  }

  /**
   * Issue 15 item 1: while the database refuses the batch (here: the ingest role lost INSERT),
   * audit keeps retrying; nothing is dead-lettered, and the event is stored once it may be. Before,
   * the batch went to the DLQ after {@code max-retries} (3 in tests, about 1.4 s) and was lost.
   */
  @Test
  void whileTheDatabaseRefusesABatchIngestWaitsAndNothingIsDeadLettered() throws Exception {
    Ev marker = Ev.of(source, "cn.anshan.oversight.registry.Marker.v1", "Probe", institution);
    privilege("revoke insert on audit_event from audit_ingest");
    try {
      KafkaRecords.send(REGISTRY, institution, marker.json());
      Thread.sleep(8_000);
      assertEquals(
          0,
          TestInfra.count(
              "select count(*) from audit_event where event_id = ?::uuid", marker.id()));
    } finally {
      privilege("grant insert on audit_event to audit_ingest");
    }
    awaitStored(marker.id());
    assertTrue(
        KafkaRecords.await(
                "audit-ingest.dlq", r -> r.value().contains(marker.id()), 1, Duration.ofSeconds(5))
            .isEmpty());
  }

  /**
   * Found by the chaos run (issue 15 item 6): audit restarted, and its first batch met PostgreSQL's
   * crash; the ingest-role check had memoized that failure, so every later batch failed at once
   * without asking the database, forever. Here the first batch cannot log in at all; once it can,
   * the retry stores the event.
   */
  @Test
  void aDatabaseAwayAtTheFirstBatchDoesNotWedgeTheIngest() throws Exception {
    privilege(
        "do $$ begin if not exists (select 1 from pg_roles where rolname = 'ingest_probe') then"
            + " create role ingest_probe password 'ingest_probe'; end if; end $$");
    privilege("alter role ingest_probe nologin");
    privilege("grant " + TestInfra.serviceUser() + " to ingest_probe");
    PgConnectOptions options =
        PgConnectOptions.fromUri(
                ConfigProvider.getConfig()
                    .getValue("quarkus.datasource.reactive.url", String.class))
            .setUser("ingest_probe")
            .setPassword("ingest_probe");
    Pool pool =
        Pool.newInstance(PgBuilder.pool().connectingTo(options).using(vertx.getDelegate()).build());
    try {
      EventStore store = new EventStore(pool, mapper, clock, "audit_ingest");
      Ev marker = Ev.of(source, "cn.anshan.oversight.registry.Marker.v1", "Probe", institution);
      List<EventStore.Incoming> batch =
          List.of(new EventStore.Incoming("oversight.registry.events", 97, 0, marker.json()));
      assertThrows(
          RuntimeException.class, () -> store.ingest(batch).await().atMost(Duration.ofSeconds(20)));
      privilege("alter role ingest_probe login");
      assertEquals(1, store.ingest(batch).await().atMost(Duration.ofSeconds(20)).stored());
      assertEquals(
          1,
          TestInfra.count(
              "select count(*) from audit_event where event_id = ?::uuid", marker.id()));
    } finally {
      pool.closeAndAwait();
      privilege("alter role ingest_probe nologin");
    }
  }

  private static void privilege(String sql) throws SQLException {
    try (Connection c = TestInfra.connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Test
  void theIngestRoleCannotUpdateOrDeleteRawEvents() throws SQLException {
    ingestAll();
    for (String sql :
        List.of(
            "update audit_event set type = 'forged' where event_id = '" + applied.id() + "'",
            "delete from audit_event where event_id = '" + applied.id() + "'")) {
      try (Connection c = TestInfra.connect();
          Statement s = c.createStatement()) {
        s.execute("set role audit_ingest");
        SQLException denied = assertThrows(SQLException.class, () -> s.execute(sql));
        assertEquals("42501", denied.getSQLState(), denied.getMessage());
      }
      // even the owner is stopped by the append-only trigger
      try (Connection c = TestInfra.connect();
          Statement s = c.createStatement()) {
        SQLException denied = assertThrows(SQLException.class, () -> s.execute(sql));
        assertEquals("42501", denied.getSQLState(), denied.getMessage());
      }
    }
    assertEquals(
        1,
        TestInfra.count("select count(*) from audit_event where event_id = ?::uuid", applied.id()));
  }
}
