package cn.anshan.oversight.audit.rest;

import static cn.anshan.oversight.audit.rest.AuditFixtures.AUDITOR;
import static cn.anshan.oversight.audit.rest.AuditFixtures.ESCROW;
import static cn.anshan.oversight.audit.rest.AuditFixtures.REGISTRY;
import static cn.anshan.oversight.audit.rest.AuditFixtures.awaitStored;
import static cn.anshan.oversight.audit.rest.AuditFixtures.publish;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.audit.rest.AuditFixtures.Ev;
import cn.anshan.oversight.audit.service.FindingScanner;
import cn.anshan.oversight.contracts.EventContracts;
import cn.anshan.oversight.kit.outbox.ProducerEvents;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Capabilities 4 and 6 on the real broker: a producer gap is reported by verify, recorded as a
 * finding and announced as an event, and resolved when the late event arrives; cross-stream
 * compliance rules name their rule and the proving events.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class FindingFlowTest {
  static final String AUDIT_TOPIC = "oversight.audit.events";
  static final String ENROLMENT = "oversight.enrolment.events";
  static final String FEE = "oversight.fee.events";

  @Inject FindingScanner scanner;
  @Inject ProducerEvents heartbeat;
  @Inject AgroalDataSource dataSource;

  int scan() throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> scanner.scan());
  }

  JsonPath findings(Tokens who, String query) {
    return given()
        .header("Authorization", who.bearer())
        .get("/api/v1/audit/findings?limit=500&" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static Ev event(String source, String type, String aggregateType, String id) {
    return Ev.of(source, type, aggregateType, id).time("2026-09-01T01:00:00Z");
  }

  @Test
  void aProducerGapIsReportedRecordedAnnouncedAndResolvedWhenTheLateEventArrives()
      throws Throwable {
    String source = AuditFixtures.newSource();
    String type = "cn.anshan.oversight.registry.Probe.v1";
    Ev e1 = event(source, type, "Probe", UUID.randomUUID().toString()).seq(1);
    Ev e2 = event(source, type, "Probe", UUID.randomUUID().toString()).seq(2);
    Ev e3 = event(source, type, "Probe", UUID.randomUUID().toString()).seq(3);
    Ev e4 = event(source, type, "Probe", UUID.randomUUID().toString()).seq(4);
    publish(REGISTRY, "k", e1, e2, e4);
    awaitStored(e1.id(), e2.id(), e4.id());

    JsonPath report = AuditFixtures.verification("source=" + source);
    assertFalse(report.getBoolean("ok"));
    assertEquals(1, report.getList("sequenceGaps").size(), report.prettify());
    assertEquals(3, report.getInt("sequenceGaps[0].missingFrom"));
    assertEquals(3, report.getInt("sequenceGaps[0].missingTo"));
    assertEquals(e4.id(), report.getString("sequenceGaps[0].nextEvent"));

    scan();
    scan(); // idempotent
    String key = "SEQUENCE_GAP:" + source + ":3-3";
    List<Map<String, Object>> rows =
        TestInfra.query("select id, rule_id, resolved_at from finding where finding_key = ?", key);
    assertEquals(1, rows.size());
    assertEquals("PLT-11", rows.get(0).get("rule_id"));
    String findingId = rows.get(0).get("id").toString();
    assertTrue(
        findings(AUDITOR, "ruleId=PLT-11&kind=SEQUENCE_GAP")
            .getList("items.id")
            .contains(findingId));

    List<ConsumerRecord<String, String>> announced =
        KafkaRecords.await(
            AUDIT_TOPIC, r -> r.value().contains(findingId), 1, Duration.ofSeconds(30));
    assertEquals(1, announced.size());
    EventContracts.assertValid(announced.get(0).value());
    JsonPath event = new JsonPath(announced.get(0).value());
    assertEquals("cn.anshan.oversight.audit.SequenceGapDetected.v1", event.getString("type"));
    assertEquals(source, event.getString("data.source"));
    assertEquals(e4.id(), event.getString("data.nextEventId"));

    publish(REGISTRY, "k", e3); // the late event
    awaitStored(e3.id());
    assertTrue(AuditFixtures.verification("source=" + source).getBoolean("ok"));
    scan();
    assertNotNull(
        TestInfra.query("select resolved_at from finding where finding_key = ?", key)
            .get(0)
            .get("resolved_at"));
  }

  @Test
  void plt11EventsLostAtTheEndOfAStreamShowBelowTheProducersNextHeartbeat() {
    String source = AuditFixtures.newSource();
    String type = "cn.anshan.oversight.registry.Probe.v1";
    Ev e1 = event(source, type, "Probe", UUID.randomUUID().toString()).seq(1);
    Ev e2 = event(source, type, "Probe", UUID.randomUUID().toString()).seq(2);
    publish(REGISTRY, "k", e1, e2); // 3 and 4 were lost on the way, nothing came after them
    awaitStored(e1.id(), e2.id());
    assertTrue(
        AuditFixtures.verification("source=" + source).getBoolean("ok"),
        "a lost tail leaves no trace yet");

    Ev beat =
        event(source, "cn.anshan.oversight.registry.ProducerHeartbeat.v1", "Producer", source)
            .seq(5);
    publish(REGISTRY, source, beat);
    awaitStored(beat.id());
    JsonPath report = AuditFixtures.verification("source=" + source);
    assertFalse(report.getBoolean("ok"));
    assertEquals(3, report.getInt("sequenceGaps[0].missingFrom"), report.prettify());
    assertEquals(4, report.getInt("sequenceGaps[0].missingTo"));
    assertEquals(beat.id(), report.getString("sequenceGaps[0].nextEvent"));
  }

  @Test
  void plt11AuditsOwnHeartbeatKeepsItsContractAndIsStored() throws Exception {
    long version;
    try (java.sql.Connection c = dataSource.getConnection()) {
      version = heartbeat.beat(c);
    }
    List<ConsumerRecord<String, String>> sent =
        KafkaRecords.await(
            AUDIT_TOPIC,
            r ->
                "audit".equals(r.key())
                    && new JsonPath(r.value()).getLong("aggregateversion") == version,
            1,
            Duration.ofSeconds(30));
    EventContracts.assertValid(sent.get(0).value());
    awaitStored(new JsonPath(sent.get(0).value()).getString("id"));
  }

  @Test
  void plt11EveryGapIsFoundNotOnlyTheFirstThousand() throws Throwable {
    String type = "Gappy" + UUID.randomUUID().toString().substring(0, 8);
    int entities = 1_001;
    try (java.sql.Connection c = TestInfra.connect();
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "insert into audit_event (event_id, topic, kafka_partition, kafka_offset, source,"
                    + " type, time, recorded_at, aggregate_type, aggregate_id, aggregate_version,"
                    + " payload, event_hash, entity_seq, entity_prev_hash, entity_hash,"
                    + " partition_seq, partition_prev_hash, partition_hash) values"
                    + " (gen_random_uuid(), 'oversight.gappy.events', 0, 0, '/gappy', 't',"
                    + " now(), now() - interval '1 hour', ?, ?, ?, '{}', 'x', ?, 'x', 'x', 0,"
                    + " 'x', 'x')")) {
      for (int i = 0; i < entities; i++) {
        for (int version : new int[] {1, 3}) { // version 2 never arrives
          ps.setString(1, type);
          ps.setString(2, type + "-" + i);
          ps.setLong(3, version);
          ps.setLong(4, version);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
    try {
      scan();
      assertEquals(
          entities,
          TestInfra.count(
              "select count(*) from finding where kind = 'VERSION_GAP' and finding_key like ?",
              "VERSION_GAP:" + type + "/%"));
    } finally {
      // these rows carry no chain: take them out again before anything logs or verifies them
      try (java.sql.Connection c = TestInfra.connect();
          java.sql.Statement s = c.createStatement()) {
        s.execute("set session_replication_role = replica");
        s.execute("delete from audit_event where aggregate_type = '" + type + "'");
      }
    }
  }

  @Test
  void versionGapsAndDuplicateVersionsOfAnAggregate() {
    String source = AuditFixtures.newSource();
    String id = UUID.randomUUID().toString();
    String type = "cn.anshan.oversight.registry.Probe.v1";
    Ev v1 = event(source, type, "Probe", id).version(1);
    Ev v1again = event(source, type, "Probe", id).version(1);
    Ev v3 = event(source, type, "Probe", id).version(3);
    publish(REGISTRY, id, v1, v3, v1again);
    awaitStored(v1.id(), v3.id(), v1again.id());
    JsonPath report = AuditFixtures.verification("entityId=" + id);
    assertFalse(report.getBoolean("ok"));
    assertEquals(2, report.getInt("versionGaps[0].missingFrom"));
    assertEquals(2, report.getInt("versionGaps[0].missingTo"));
    assertEquals(1, report.getInt("versionDuplicates[0].version"));
    assertEquals(
        List.of(v1.id(), v1again.id()).stream().sorted().toList(),
        report.getList("versionDuplicates[0].eventIds", String.class).stream().sorted().toList());
  }

  // ---------- cross-stream compliance rules ----------

  static final String REG = "cn.anshan.oversight.registry.";
  static final String ESC = "cn.anshan.oversight.escrow.";
  static final String ENR = "cn.anshan.oversight.enrolment.";

  Ev standing(String source, String institution, String status, int version, String time) {
    String name =
        switch (status) {
          case "WHITE" -> "InstitutionWhitelisted";
          case "BLACK" -> "InstitutionBlacklisted";
          default -> "InstitutionDelisted";
        };
    return event(source, REG + name + ".v1", "Institution", institution)
        .version(version)
        .time(time)
        .data("institutionId", institution)
        .data("listStatus", status);
  }

  Ev payment(String source, String institution, String time) {
    String order = UUID.randomUUID().toString();
    return event(source, ESC + "PaymentReceivedIntoEscrow.v1", "Order", order)
        .time(time)
        .data("orderId", order)
        .data("institutionId", institution)
        .data("amountFen", 360000);
  }

  @Test
  void lst01PrepaymentByAnInstitutionNotWhiteListedAtThatMomentIsAFinding() throws Throwable {
    String registry = AuditFixtures.newSource();
    String escrow = AuditFixtures.newSource();
    String white = UUID.randomUUID().toString();
    String black = UUID.randomUUID().toString();
    String unknown = UUID.randomUUID().toString();
    Ev whiteListed = standing(registry, white, "WHITE", 1, "2026-09-01T00:00:00Z");
    Ev blackListed = standing(registry, black, "BLACK", 2, "2026-09-01T00:00:00Z");
    Ev whiteAgain = standing(registry, black, "WHITE", 1, "2026-08-01T00:00:00Z");
    Ev paidWhite = payment(escrow, white, "2026-09-02T00:00:00Z");
    Ev paidBeforeWhite = payment(escrow, white, "2026-08-30T00:00:00Z");
    Ev paidBlack = payment(escrow, black, "2026-09-02T00:00:00Z");
    Ev paidUnknown = payment(escrow, unknown, "2026-09-02T00:00:00Z");
    publish(REGISTRY, "k", whiteListed, whiteAgain, blackListed);
    publish(ESCROW, "k", paidWhite, paidBeforeWhite, paidBlack, paidUnknown);
    awaitStored(paidWhite.id(), paidBeforeWhite.id(), paidBlack.id(), paidUnknown.id());
    awaitStored(whiteListed.id(), blackListed.id(), whiteAgain.id());
    scan();

    JsonPath blackFindings = findings(AUDITOR, "ruleId=LST-01&entityId=" + black);
    assertEquals(1, blackFindings.getList("items").size());
    assertEquals(
        List.of(paidBlack.id(), blackListed.id()), blackFindings.getList("items[0].eventIds"));
    assertTrue(blackFindings.getString("items[0].detail").startsWith("LST-01"));
    JsonPath whiteFindings = findings(AUDITOR, "ruleId=LST-01&entityId=" + white);
    assertEquals(List.of(paidBeforeWhite.id()), whiteFindings.getList("items[0].eventIds"));
    assertEquals(1, whiteFindings.getList("items").size());
    assertEquals(1, findings(AUDITOR, "entityId=" + unknown).getList("items").size());
    // regulators see their district only
    assertEquals(
        1,
        findings(Tokens.user("r").role("regulator").district("tiedong"), "entityId=" + black)
            .getList("items")
            .size());
    assertEquals(
        0,
        findings(Tokens.user("r").role("regulator").district("lishan"), "entityId=" + black)
            .getList("items")
            .size());
  }

  @Test
  void eachScanJudgesWhatWasRecordedSinceThePreviousScan() throws Throwable {
    scan();
    Instant firstCutoff = judgedUntil("PREPAYMENT_NOT_WHITELISTED");
    String escrow = AuditFixtures.newSource();
    String unknown = UUID.randomUUID().toString();
    Ev paid = payment(escrow, unknown, "2026-09-02T00:00:00Z");
    publish(ESCROW, "k", paid);
    awaitStored(paid.id());

    scan();

    assertEquals(
        List.of(List.of(paid.id())),
        findings(AUDITOR, "ruleId=LST-01&entityId=" + unknown).getList("items.eventIds"));
    assertTrue(judgedUntil("PREPAYMENT_NOT_WHITELISTED").isAfter(firstCutoff));
    scan(); // the overlap judges it again: still one finding
    assertEquals(1, findings(AUDITOR, "ruleId=LST-01&entityId=" + unknown).getList("items").size());
  }

  @Test
  void plt11ARecordReusingAStoredEventsIdWithOtherContentIsAFinding() throws Throwable {
    String escrow = AuditFixtures.newSource();
    String institution = UUID.randomUUID().toString();
    Ev paid = payment(escrow, institution, "2026-09-02T00:00:00Z");
    publish(ESCROW, "k", paid);
    awaitStored(paid.id());
    String forged = paid.json().replace("\"amountFen\":", "\"amountFen\":1");
    assertFalse(forged.equals(paid.json()));

    KafkaRecords.send(ESCROW, "k", forged, paid.json()); // the genuine redelivery is no conflict
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from rejected_record where reason like ?",
                        "EventIdConflict: event " + paid.id() + "%")
                    == 1);
    scan();

    JsonPath found = findings(AUDITOR, "ruleId=PLT-11&kind=EVENT_ID_CONFLICT");
    List<List<String>> proving = found.getList("items.eventIds");
    assertTrue(proving.contains(List.of(paid.id())), proving.toString());
    assertEquals(
        paid.json(),
        TestInfra.query(
                "select payload::text p from audit_event where event_id = ?::uuid", paid.id())
            .get(0)
            .get("p"));
  }

  static Instant judgedUntil(String rule) {
    return ((java.sql.Timestamp)
            TestInfra.query("select judged_until from scan_watermark where rule = ?", rule)
                .get(0)
                .get("judged_until"))
        .toInstant();
  }

  @Test
  void rel01ReleaseWithoutAConfirmedConsumptionIsAFinding() throws Throwable {
    String escrow = AuditFixtures.newSource();
    String order = UUID.randomUUID().toString();
    String institution = UUID.randomUUID().toString();
    Ev confirmed =
        event(escrow, ESC + "ConsumptionConfirmed.v1", "Order", order)
            .version(1)
            .data("orderId", order)
            .data("institutionId", institution)
            .data("consumptionId", "c1");
    Ev released =
        event(escrow, ESC + "FundsReleased.v1", "Order", order)
            .version(2)
            .data("orderId", order)
            .data("institutionId", institution)
            .data("consumptionId", "c1");
    Ev releasedUnconfirmed =
        event(escrow, ESC + "FundsReleased.v1", "Order", order)
            .version(3)
            .data("orderId", order)
            .data("institutionId", institution)
            .data("consumptionId", "c2");
    publish(ESCROW, order, confirmed, released, releasedUnconfirmed);
    awaitStored(confirmed.id(), released.id(), releasedUnconfirmed.id());
    scan();
    JsonPath found = findings(AUDITOR, "ruleId=REL-01&entityId=" + institution);
    assertEquals(List.of(List.of(releasedUnconfirmed.id())), found.getList("items.eventIds"));
  }

  @Test
  void lnAsv06AnAfterSchoolChargeWithoutAPublishedFeeIsAFinding() throws Throwable {
    String fee = AuditFixtures.newSource();
    String enrolment = AuditFixtures.newSource();
    String school = "school-" + UUID.randomUUID();
    String published = UUID.randomUUID().toString();
    String unpublished = UUID.randomUUID().toString();
    Ev feePublished =
        event(fee, "cn.anshan.oversight.fee.FeePublished.v1", "FeeProposal", published)
            .time("2026-08-20T00:00:00Z")
            .data("proposalId", published)
            .data("schoolId", school);
    Ev charged = charge(enrolment, school, published, "v1");
    Ev chargedWithoutFee = charge(enrolment, school, unpublished, "v1");
    // v2 (issue 18 item 7: no exempt category) is checked the same way
    Ev chargedWithoutFeeV2 = charge(enrolment, school, unpublished, "v2");
    publish(FEE, published, feePublished);
    publish(ENROLMENT, "k", charged, chargedWithoutFee, chargedWithoutFeeV2);
    awaitStored(feePublished.id(), charged.id(), chargedWithoutFee.id(), chargedWithoutFeeV2.id());
    scan();
    JsonPath found = findings(AUDITOR, "ruleId=LN-ASV-06&entityId=" + school);
    assertEquals(
        Set.of(List.of(chargedWithoutFee.id()), List.of(chargedWithoutFeeV2.id())),
        Set.copyOf(found.getList("items.eventIds")));
  }

  Ev charge(String source, String school, String proposal, String version) {
    String charge = UUID.randomUUID().toString();
    return event(source, ENR + "AsvChargeIssued." + version, "Charge", charge)
        .time("2026-09-01T01:00:00Z")
        .data("chargeId", charge)
        .data("schoolId", school)
        .data("feeProposalId", proposal)
        .data("amountFen", 15000);
  }

  @Test
  void asv06AProviderStillAdmittedAfterItsInstitutionWasBlackListedIsAFinding() throws Throwable {
    String registry = AuditFixtures.newSource();
    String enrolment = AuditFixtures.newSource();
    String institution = UUID.randomUUID().toString();
    String admission = UUID.randomUUID().toString();
    String exitedAdmission = UUID.randomUUID().toString();
    Ev admitted =
        event(enrolment, ENR + "ProviderAdmitted.v1", "ProviderAdmission", admission)
            .data("admissionId", admission)
            .data("institutionId", institution);
    Ev admitted2 =
        event(enrolment, ENR + "ProviderAdmitted.v1", "ProviderAdmission", exitedAdmission)
            .data("admissionId", exitedAdmission)
            .data("institutionId", institution);
    Ev exited =
        event(enrolment, ENR + "ProviderExited.v1", "ProviderAdmission", exitedAdmission)
            .version(2)
            .data("admissionId", exitedAdmission)
            .data("institutionId", institution);
    Ev blackListed = standing(registry, institution, "BLACK", 1, "2026-09-08T00:00:00Z");
    publish(ENROLMENT, "k", admitted, admitted2, exited);
    publish(REGISTRY, institution, blackListed);
    awaitStored(admitted.id(), admitted2.id(), exited.id(), blackListed.id());
    scan();
    JsonPath found = findings(AUDITOR, "ruleId=ASV-06&entityId=" + institution);
    assertEquals(
        List.of(List.of(admitted.id(), blackListed.id())), found.getList("items.eventIds"));
  }

  @Test
  void tim01ASubjectTypeSessionOnAHolidayIsAFinding() throws Throwable {
    String registry = AuditFixtures.newSource();
    String institution = UUID.randomUUID().toString();
    Ev nationalDay = session(registry, institution, "SUBJECT", "2026-10-01T10:00:00");
    Ev workingFriday = session(registry, institution, "SUBJECT", "2026-10-09T18:00:00");
    Ev artOnHoliday = session(registry, institution, "NON_SUBJECT", "2026-10-02T10:00:00");
    publish(REGISTRY, "k", nationalDay, workingFriday, artOnHoliday);
    awaitStored(nationalDay.id(), workingFriday.id(), artOnHoliday.id());
    scan();
    JsonPath found = findings(AUDITOR, "ruleId=TIM-01&entityId=" + institution);
    assertEquals(List.of(List.of(nationalDay.id())), found.getList("items.eventIds"));
  }

  Ev session(String source, String institution, String category, String localStart) {
    String course = UUID.randomUUID().toString();
    return event(source, REG + "SessionScheduled.v1", "Course", course)
        .data("courseId", course)
        .data("institutionId", institution)
        .data("category", category)
        .data("localStart", localStart);
  }
}
