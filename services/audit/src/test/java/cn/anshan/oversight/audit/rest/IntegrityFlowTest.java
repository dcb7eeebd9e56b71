package cn.anshan.oversight.audit.rest;

import static cn.anshan.oversight.audit.rest.AuditFixtures.AUDITOR;
import static cn.anshan.oversight.audit.rest.AuditFixtures.REGISTRY;
import static cn.anshan.oversight.audit.rest.AuditFixtures.awaitStored;
import static cn.anshan.oversight.audit.rest.AuditFixtures.publish;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.audit.domain.ChainHash;
import cn.anshan.oversight.audit.rest.AuditFixtures.Ev;
import cn.anshan.oversight.audit.service.CheckpointPublisher;
import cn.anshan.oversight.audit.service.CheckpointService;
import cn.anshan.oversight.contracts.EventContracts;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PLT-11 (issue 7 capability 5, issue 16 item 2): the append-only event log and its signed
 * checkpoints, an export checked by the standalone verifier with the auditor's key only, and
 * tampering by plain SQL as a superuser (triggers bypassed) — changed, deleted, reordered and
 * inserted rows, a rewritten log — detected by {@code verify}, refused by the signer and caught by
 * the offline verifier.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class IntegrityFlowTest {
  static final String PUBLIC_KEY = "MCowBQYDK2VwAyEAR1n8gUInB1GhDXqeNylwxEnP1+pLA+mLKs+HpsiIbYI=";

  @Inject CheckpointService checkpoints;
  @Inject CheckpointPublisher publisher;

  String institution;
  List<Ev> events;

  @BeforeEach
  void institutionWithFiveEventsUnderACheckpoint() {
    String source = AuditFixtures.newSource();
    institution = UUID.randomUUID().toString();
    events = new ArrayList<>();
    for (int v = 1; v <= 5; v++) {
      events.add(
          Ev.of(source, "cn.anshan.oversight.registry.Step" + v + ".v1", "Institution", institution)
              .version(v)
              .seq(v)
              .time("2026-09-0" + v + "T01:00:00Z")
              .data("institutionId", institution)
              .data("listStatus", "WHITE"));
    }
    publish(REGISTRY, institution, events.toArray(Ev[]::new));
    awaitStored(events.stream().map(Ev::id).toArray(String[]::new));
    checkpoints.take().await().indefinitely();
  }

  /**
   * Erases the (possibly tampered) test entity, raw rows and timeline rows alike, so the rest of
   * the suite sees a raw table and projections that agree again.
   */
  @AfterEach
  void eraseTheEntity() throws Exception {
    tamper(
        "delete from timeline_entry where entity_id = '" + institution + "'",
        "delete from audit_event where aggregate_id = '" + institution + "'");
  }

  // ---------- export and offline verifier ----------

  record Files2(Path ndjson, Path manifest) {}

  Files2 export(String name) throws Exception {
    return export(name, null);
  }

  Files2 export(String name, String aggregateType) throws Exception {
    return export(name, aggregateType, null);
  }

  /** Saves the export as its two files; {@code since} asks for the proof from a kept checkpoint. */
  Files2 export(String name, String aggregateType, Long since) throws Exception {
    var request = given().header("Authorization", AUDITOR.bearer());
    if (aggregateType != null) {
      request = request.queryParam("aggregateType", aggregateType);
    }
    if (since != null) {
      request = request.queryParam("since", since);
    }
    JsonPath export =
        request
            .get("/api/v1/audit/exports/" + institution)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Path ndjson = exports().resolve(name + "-" + institution + ".ndjson");
    Path manifest = exports().resolve(name + "-" + institution + ".manifest.json");
    Files.writeString(ndjson, export.getString("ndjson"), StandardCharsets.UTF_8);
    Files.writeString(manifest, export.getString("manifest"), StandardCharsets.UTF_8);
    return new Files2(ndjson, manifest);
  }

  /** Runs {@code verifier/ExportVerifier.java} as a separate JDK process (JEP 330), no DB. */
  static String[] verifier(Files2 files, String key, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(List.of(files.ndjson().toString(), files.manifest().toString()));
    if (key != null) {
      args.add(key);
    }
    args.addAll(List.of(more));
    return runVerifier(args);
  }

  static String[] runVerifier(List<String> args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "verifier/ExportVerifier.java"));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new String[] {Integer.toString(process.waitFor()), output};
  }

  static void assertValid(Files2 files) throws Exception {
    String[] result = verifier(files, PUBLIC_KEY);
    assertEquals("0", result[0], result[1]);
  }

  static void assertInvalid(Files2 files, String reason) throws Exception {
    String[] result = verifier(files, PUBLIC_KEY);
    assertEquals("1", result[0], result[1]);
    assertTrue(result[1].contains(reason), result[1]);
  }

  JsonPath verify() {
    return AuditFixtures.verification("entityId=" + institution);
  }

  JsonPath verifyAll() {
    return AuditFixtures.verification("");
  }

  @Test
  void anUntouchedExportIsValidAndOneFlippedByteAnywhereFailsIt() throws Exception {
    JsonPath report = verify();
    assertTrue(report.getBoolean("ok"), report.prettify());
    assertEquals(5, report.getInt("events"));

    Files2 files = export("clean");
    assertValid(files);
    assertEquals(5, Files.readAllLines(files.ndjson()).size());

    byte[] ndjson = Files.readAllBytes(files.ndjson());
    byte[] manifest = Files.readAllBytes(files.manifest());
    for (int position : new int[] {0, ndjson.length / 3, ndjson.length / 2, ndjson.length - 2}) {
      Files2 flipped = copy(files, "flip-ndjson-" + position);
      byte[] bytes = ndjson.clone();
      bytes[position] ^= 0x01;
      Files.write(flipped.ndjson(), bytes);
      assertInvalid(flipped, "INVALID");
    }
    for (int position : new int[] {manifest.length / 4, manifest.length / 2, manifest.length - 5}) {
      Files2 flipped = copy(files, "flip-manifest-" + position);
      byte[] bytes = manifest.clone();
      bytes[position] ^= 0x01;
      Files.write(flipped.manifest(), bytes);
      assertInvalid(flipped, "INVALID");
    }
    // a key other than the one the auditor trusts is refused, and no key is no verdict
    var other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String[] foreign =
        verifier(files, Base64.getEncoder().encodeToString(other.getPublic().getEncoded()));
    assertEquals("1", foreign[0], foreign[1]);
    String[] keyless = verifier(files, null);
    assertEquals("2", keyless[0], keyless[1]);
    assertTrue(keyless[1].contains("a trusted key is required"), keyless[1]);
  }

  @Test
  void everyLineCarriesItsLogPositionAndInclusionProofIntoTheSignedCheckpoint() throws Exception {
    Files2 files = export("proof");
    JsonPath manifest = new JsonPath(Files.readString(files.manifest()));
    long treeSize = manifest.getLong("checkpoint.treeSize");
    assertTrue(treeSize >= 5, manifest.prettify());
    assertEquals(
        checkpoints.latest().await().indefinitely().rootHash(),
        manifest.getString("checkpoint.rootHash"));
    assertEquals(0, manifest.getInt("pendingEvents"));
    assertTrue(manifest.getBoolean("storeVerification.intact"));
    for (String text : Files.readAllLines(files.ndjson())) {
      JsonPath line = new JsonPath(text);
      assertTrue(line.getLong("logIndex") < treeSize, text);
      assertFalse(line.getList("inclusionProof").isEmpty() && treeSize > 1, text);
    }
  }

  @Test
  void aKeyHistoryFileVerifiesAndTheManifestKeyIsNeverAsked() throws Exception {
    String keys =
        given().header("Authorization", AUDITOR.bearer()).get("/api/v1/audit/keys").asString();
    Path keyFile = Files.writeString(exports().resolve("keys.json"), keys);
    String[] result = verifier(export("key-history"), keyFile.toString());
    assertEquals("0", result[0], result[1]);
    assertFalse(Files.readString(export("no-key-inside").manifest()).contains(PUBLIC_KEY));
  }

  @Test
  void thePublicKeyRequiresATokenOfAnyPlatformRole() {
    // issue 8: only health and OpenAPI answer without a token
    given().get("/api/v1/audit/keys").then().statusCode(401);
    for (String role :
        List.of("auditor", "parent", "custody-bank", "city-government", "pricing-officer")) {
      given()
          .header("Authorization", Tokens.user("user-" + role).role(role).bearer())
          .get("/api/v1/audit/keys")
          .then()
          .statusCode(200)
          .body("publicKey", org.hamcrest.Matchers.equalTo(PUBLIC_KEY))
          .body("algorithm", org.hamcrest.Matchers.equalTo("Ed25519"));
    }
  }

  @Test
  void anIdSharedByTwoAggregateTypesIsExportedByTypeAndAmbiguousWithoutIt() throws Exception {
    Ev supervision =
        Ev.of(
                AuditFixtures.newSource(),
                "cn.anshan.oversight.escrow.SupervisionOpened.v1",
                "Supervision",
                institution)
            .time("2026-09-06T01:00:00Z")
            .data("institutionId", institution);
    publish(AuditFixtures.ESCROW, institution, supervision);
    awaitStored(supervision.id());
    checkpoints.take().await().indefinitely();

    given()
        .header("Authorization", AUDITOR.bearer())
        .get("/api/v1/audit/exports/" + institution)
        .then()
        .statusCode(409)
        .body("type", org.hamcrest.Matchers.containsString("ambiguous-entity"))
        .body("detail", org.hamcrest.Matchers.containsString("Institution, Supervision"))
        .body("detail", org.hamcrest.Matchers.containsString("aggregateType"));

    Files2 registry = export("typed-institution", "Institution");
    assertValid(registry);
    assertEquals(5, Files.readAllLines(registry.ndjson()).size());
    JsonPath manifest = new JsonPath(Files.readString(registry.manifest()));
    assertEquals("Institution", manifest.getString("aggregateType"));
    assertEquals(5, manifest.getInt("eventCount"));

    Files2 escrow = export("typed-supervision", "Supervision");
    assertValid(escrow);
    assertEquals(1, Files.readAllLines(escrow.ndjson()).size());
    assertEquals(
        "Supervision",
        new JsonPath(Files.readString(escrow.manifest())).getString("aggregateType"));

    given()
        .header("Authorization", AUDITOR.bearer())
        .queryParam("aggregateType", "InstitutionRisk")
        .get("/api/v1/audit/exports/" + institution)
        .then()
        .statusCode(404);
  }

  @Test
  void aSignedCheckpointIsAnnouncedOnTheBrokerOnce() throws Throwable {
    CheckpointService.CheckpointView checkpoint = checkpoints.take().await().indefinitely();
    VertxContextSupport.subscribeAndAwait(() -> publisher.publishPending());
    VertxContextSupport.subscribeAndAwait(() -> publisher.publishPending()); // nothing new
    assertEquals(
        1,
        TestInfra.count(
            "select count(*) from outbox_event where aggregatetype = 'Checkpoint'"
                + " and aggregateid = ?",
            Long.toString(checkpoint.id())));
    List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> announced =
        KafkaRecords.await(
            "oversight.audit.events",
            r ->
                r.value().contains("CheckpointSigned")
                    && r.value().contains("\"checkpointId\":" + checkpoint.id() + ","),
            1,
            java.time.Duration.ofSeconds(30));
    assertEquals(1, announced.size());
    EventContracts.assertValid(announced.get(0).value());
    JsonPath event = new JsonPath(announced.get(0).value());
    assertEquals("cn.anshan.oversight.audit.CheckpointSigned.v2", event.getString("type"));
    assertEquals(checkpoint.rootHash(), event.getString("data.rootHash"));
    assertEquals(checkpoint.treeSize(), event.getLong("data.treeSize"));
    var verifier = java.security.Signature.getInstance("Ed25519");
    verifier.initVerify(
        java.security.KeyFactory.getInstance("Ed25519")
            .generatePublic(
                new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(PUBLIC_KEY))));
    String statement =
        cn.anshan.oversight.audit.domain.Statements.checkpoint(
            event.getString("data.keyId"),
            event.getLong("data.checkpointId"),
            event.getLong("data.createdAtMicros"),
            event.getLong("data.treeSize"),
            event.getString("data.rootHash"),
            event.getString("data.previousHash"));
    assertEquals(statement, event.getString("data.statement"));
    verifier.update(statement.getBytes(StandardCharsets.UTF_8));
    assertTrue(verifier.verify(Base64.getDecoder().decode(event.getString("data.signature"))));
  }

  // ---------- tampering with plain SQL ----------

  void tamper(String... statements) throws Exception {
    try (Connection c = TestInfra.connect();
        Statement s = c.createStatement()) {
      s.execute("set session_replication_role = replica"); // a superuser bypasses the trigger
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  String row(int seq) {
    return " where aggregate_id = '" + institution + "' and entity_seq = " + seq;
  }

  List<String> problems(JsonPath report) {
    return report.getList("chainProblems.problem");
  }

  List<String> logProblems(JsonPath report) {
    return report.getList("log.problems.problem");
  }

  @Test
  void aChangedEventIsDetected() throws Exception {
    tamper("update audit_event set payload = replace(payload, 'WHITE', 'BLACK')" + row(3));
    JsonPath report = verify();
    assertFalse(report.getBoolean("ok"));
    assertTrue(problems(report).contains("EVENT_HASH"), report.prettify());
    assertInvalid(export("changed"), "line 3: event hash mismatch");
  }

  @Test
  void aChangedEventWithARecomputedChainIsCaughtByTheSignedCheckpoint() throws Exception {
    tamper("update audit_event set payload = replace(payload, 'WHITE', 'BLACK')" + row(3));
    rechain();
    JsonPath report = verify();
    assertFalse(report.getBoolean("ok"));
    // the leaves of events 3..5 commit to the old chain hashes
    assertEquals(
        List.of("LEAF_HASH", "LEAF_HASH", "LEAF_HASH"), logProblems(report), report.prettify());
    assertTrue(
        report.getList("log.problems.eventId").contains(events.get(2).id()), report.prettify());
    // the partition chain (checked globally) still holds the old event hash
    JsonPath global = verifyAll();
    assertTrue(
        global
            .getList("chainProblems.findAll { it.chain.startsWith('partition/') }.eventId")
            .contains(events.get(2).id()),
        global.prettify());
    assertInvalid(export("rechained"), "line 3: not in the signed checkpoint");
  }

  @Test
  void aDeletedEventIsDetected() throws Exception {
    tamper("delete from audit_event" + row(3));
    JsonPath report = verify();
    assertFalse(report.getBoolean("ok"));
    assertTrue(problems(report).contains("POSITION"), report.prettify());
    assertEquals(List.of("LOGGED_EVENT_MISSING"), logProblems(report), report.prettify());
    assertInvalid(export("deleted"), "does not link to the previous line");
  }

  @Test
  void aDeletedLastEventIsDetected() throws Exception {
    tamper("delete from audit_event" + row(5));
    JsonPath report = verify();
    assertFalse(report.getBoolean("ok"));
    assertTrue(problems(report).contains("HEAD"), report.prettify());
    assertEquals(List.of("LOGGED_EVENT_MISSING"), logProblems(report), report.prettify());
    assertInvalid(export("deleted-last"), "NOT intact");
  }

  @Test
  void aDeletedEventDeliveredAgainKeepsItsOneLeafAndTheSignerGoesOn() throws Exception {
    tamper("delete from audit_event" + row(3));
    publish(REGISTRY, institution, events.get(2)); // Kafka delivers at least once
    awaitStored(events.get(2).id());
    checkpoints.take().await().indefinitely(); // would fail on a second leaf for the event
    assertEquals(
        1,
        TestInfra.count(
            "select count(*) from log_leaf where event_id = ?::uuid", events.get(2).id()));
    JsonPath report = verify();
    assertFalse(report.getBoolean("ok"));
    assertTrue(logProblems(report).contains("LEAF_HASH"), report.prettify());
  }

  @Test
  void reorderedEventsAreDetected() throws Exception {
    tamper(
        "update audit_event set entity_seq = 100" + row(2),
        "update audit_event set entity_seq = 2" + row(3),
        "update audit_event set entity_seq = 3" + row(100));
    JsonPath report = verify();
    assertFalse(report.getBoolean("ok"));
    assertTrue(problems(report).contains("PREVIOUS_LINK"), report.prettify());
    assertInvalid(export("reordered"), "does not link to the previous line");
  }

  @Test
  void anInsertedEventIsDetected() throws Exception {
    String forged = UUID.randomUUID().toString();
    tamper(
        "update audit_event set entity_seq = entity_seq + 1000"
            + " where aggregate_id = '"
            + institution
            + "' and entity_seq >= 3",
        "update audit_event set entity_seq = entity_seq - 999"
            + " where aggregate_id = '"
            + institution
            + "' and entity_seq >= 1000",
        "insert into audit_event select '"
            + forged
            + "'::uuid, topic, kafka_partition, kafka_offset, source, type, subject, time,"
            + " recorded_at, aggregate_type, aggregate_id, aggregate_version, sequence, actor,"
            + " actor_role, district, correlation_id, causation_id, rule_version,"
            + " replace(payload, id_text, '"
            + forged
            + "'), event_hash, 3, entity_prev_hash, entity_hash, partition_seq,"
            + " partition_prev_hash, partition_hash from (select *, event_id::text as id_text"
            + " from audit_event"
            + row(2)
            + ") x");
    JsonPath naive = verify();
    assertFalse(naive.getBoolean("ok"));
    assertInvalid(export("inserted"), "INVALID");

    rechain(); // a careful forger recomputes every hash and the head
    JsonPath report = verify();
    assertFalse(report.getBoolean("ok"));
    // the events after the insertion moved: their leaves no longer match
    assertTrue(logProblems(report).contains("LEAF_HASH"), report.prettify());
    assertInvalid(export("inserted-rechained"), "not in the signed checkpoint");
  }

  @Test
  void anAppendedForgeryWithAValidLinkIsDetected() throws Exception {
    String forged = UUID.randomUUID().toString();
    Map<String, Object> last =
        TestInfra.query("select entity_hash, payload, recorded_at from audit_event" + row(5))
            .get(0);
    String payload = ((String) last.get("payload")).replace(events.get(4).id(), forged);
    String eventHash = ChainHash.eventHash(payload);
    java.time.Instant recorded = ((java.sql.Timestamp) last.get("recorded_at")).toInstant();
    String link = ChainHash.entityLink((String) last.get("entity_hash"), eventHash, recorded);
    try (Connection c = TestInfra.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into audit_event select ?::uuid, topic, kafka_partition, kafka_offset,"
                    + " source, type, subject, time, recorded_at, aggregate_type, aggregate_id,"
                    + " aggregate_version + 1, sequence, actor, actor_role, district,"
                    + " correlation_id, causation_id, rule_version, ?, ?, 6, entity_hash, ?,"
                    + " partition_seq, partition_prev_hash, partition_hash from audit_event"
                    + row(5))) {
      ps.setString(1, forged);
      ps.setString(2, payload);
      ps.setString(3, eventHash);
      ps.setString(4, link);
      ps.executeUpdate();
    }
    JsonPath report = verify();
    assertFalse(report.getBoolean("ok"));
    assertTrue(problems(report).contains("HEAD"), report.prettify());
    assertInvalid(export("appended"), "NOT intact");
  }

  // ---------- the log and its checkpoints ----------

  @Test
  void aForgerWhoAlsoRebuildsTheWholeLogTreeCannotGetItSignedNorVerified() throws Throwable {
    long signedBefore = checkpoints.latest().await().indefinitely().id();
    tamper("update audit_event set payload = replace(payload, 'WHITE', 'BLACK')" + row(3));
    rechain();
    Map<String, String> original = rebuildLogTree();
    try {
      JsonPath global = verifyAll();
      assertTrue(logProblems(global).contains("ROOT"), global.prettify());

      // the signer refuses: a finding and its announcement, and no new checkpoint
      Throwable refused =
          org.junit.jupiter.api.Assertions.assertThrows(
              CheckpointService.LogNotExtended.class,
              () -> VertxContextSupport.subscribeAndAwait(() -> checkpoints.take()));
      assertTrue(refused.getMessage().contains("PLT-11"), refused.getMessage());
      assertEquals(signedBefore, checkpoints.latest().await().indefinitely().id());
      String key = "log-not-extended-" + signedBefore;
      assertEquals(1, TestInfra.count("select count(*) from finding where finding_key = ?", key));
      String announced =
          (String)
              TestInfra.query(
                      "select o.payload::text as p from outbox_event o join finding f"
                          + " on o.aggregateid = f.id::text where f.finding_key = ?",
                      key)
                  .get(0)
                  .get("p");
      assertTrue(announced.contains("LOG_NOT_EXTENDED"), announced);

      // the export's proofs come from the rewritten tree and lead to a root nobody signed
      assertInvalid(export("log-rewritten"), "not in the signed checkpoint");
    } finally {
      restoreLogTree(original);
    }
  }

  @Test
  void theLogStillExtendsACheckpointTheAuditorKeptAndAForkedOneDoesNot() throws Exception {
    String keptText =
        given()
            .header("Authorization", AUDITOR.bearer())
            .get("/api/v1/audit/checkpoints/latest")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonPath kept = new JsonPath(keptText);
    Path keptFile = Files.writeString(exports().resolve("kept-" + institution + ".json"), keptText);
    Ev later =
        Ev.of(
                AuditFixtures.newSource(),
                "cn.anshan.oversight.registry.Later.v1",
                "Institution",
                institution)
            .version(6)
            .seq(1)
            .time("2026-09-07T01:00:00Z")
            .data("institutionId", institution);
    publish(REGISTRY, institution, later);
    awaitStored(later.id());
    long now = checkpoints.take().await().indefinitely().id();
    assertTrue(now > kept.getLong("id"));

    String answer =
        given()
            .header("Authorization", AUDITOR.bearer())
            .get("/api/v1/audit/checkpoints/consistency?from=" + kept.getLong("id") + "&to=" + now)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Path answerFile = Files.writeString(exports().resolve("consistency.json"), answer);
    String[] ok =
        runVerifier(
            List.of("--consistency", answerFile.toString(), PUBLIC_KEY, keptFile.toString()));
    assertEquals("0", ok[0], ok[1]);

    // an export made with since= proves the same to the verifier
    Files2 files = export("since", null, kept.getLong("id"));
    String[] since = verifier(files, PUBLIC_KEY, "--since", keptFile.toString());
    assertEquals("0", since[0], since[1]);
    assertEquals(6, Files.readAllLines(files.ndjson()).size());

    // a kept checkpoint from another history (same id and size, other root) is not extended
    String forkedRoot = "ab".repeat(32);
    Path forked =
        Files.writeString(
            exports().resolve("forked.json"),
            Files.readString(keptFile).replace(kept.getString("rootHash"), forkedRoot));
    String[] fork =
        runVerifier(List.of("--consistency", answerFile.toString(), PUBLIC_KEY, forked.toString()));
    assertEquals("1", fork[0], fork[1]);
    assertTrue(fork[1].contains("kept checkpoint " + kept.getLong("id") + ": signature"), fork[1]);

    // checkpoints in the wrong order are a rule breach, not a proof
    given()
        .header("Authorization", AUDITOR.bearer())
        .get("/api/v1/audit/checkpoints/consistency?from=" + now + "&to=" + kept.getLong("id"))
        .then()
        .statusCode(422)
        .body("violations[0].rule", org.hamcrest.Matchers.equalTo("PLT-11"));
  }

  @Test
  void aBacklogLargerThanOnePageIsLoggedExactlyOnceAndVerifies() throws Exception {
    long before = checkpoints.latest().await().indefinitely().treeSize();
    String bulk = UUID.randomUUID().toString();
    String topic = "oversight.bulk-" + bulk + ".events";
    int n = 4_500; // more than two pages of the signer
    String entityPrev = ChainHash.GENESIS;
    String partitionPrev = ChainHash.GENESIS;
    java.time.Instant recorded = java.time.Instant.parse("2026-10-01T00:00:00.000001Z");
    try (Connection c = TestInfra.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "insert into audit_event (event_id, topic, kafka_partition, kafka_offset, source,"
                    + " type, time, recorded_at, aggregate_type, aggregate_id, aggregate_version,"
                    + " sequence, payload, event_hash, entity_seq, entity_prev_hash, entity_hash,"
                    + " partition_seq, partition_prev_hash, partition_hash) values (?::uuid, ?, 0,"
                    + " ?, '/bulk', 'cn.anshan.oversight.bulk.Counted.v1', ?, ?, 'Bulk', ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?)")) {
      c.setAutoCommit(false);
      for (int i = 1; i <= n; i++) {
        String id = UUID.randomUUID().toString();
        java.sql.Timestamp at = java.sql.Timestamp.from(recorded.plusSeconds(i));
        String payload =
            "{\"specversion\":\"1.0\",\"id\":\""
                + id
                + "\",\"source\":\"/bulk\","
                + "\"type\":\"cn.anshan.oversight.bulk.Counted.v1\","
                + "\"time\":\"2026-10-01T00:00:00Z\",\"aggregatetype\":\"Bulk\","
                + "\"aggregateid\":\""
                + bulk
                + "\",\"aggregateversion\":"
                + i
                + ",\"sequence\":"
                + i
                + ",\"data\":{}}";
        String eventHash = ChainHash.eventHash(payload);
        String entityLink = ChainHash.entityLink(entityPrev, eventHash, at.toInstant());
        String partitionLink = ChainHash.partitionLink(partitionPrev, eventHash, i);
        ps.setString(1, id);
        ps.setString(2, topic);
        ps.setLong(3, i);
        ps.setTimestamp(
            4, java.sql.Timestamp.from(java.time.Instant.parse("2026-10-01T00:00:00Z")));
        ps.setTimestamp(5, at);
        ps.setString(6, bulk);
        ps.setLong(7, i);
        ps.setLong(8, i);
        ps.setString(9, payload);
        ps.setString(10, eventHash);
        ps.setLong(11, i);
        ps.setString(12, entityPrev);
        ps.setString(13, entityLink);
        ps.setLong(14, i);
        ps.setString(15, partitionPrev);
        ps.setString(16, partitionLink);
        ps.addBatch();
        if (i == n / 3) {
          // the log orders by transaction id: let the backlog's transactions straddle a power of
          // ten, where text order ("1000" < "999") and number order part
          ps.executeBatch();
          c.commit();
          burnTransactionIdsPastThePowerOfTen(c);
        }
        entityPrev = entityLink;
        partitionPrev = partitionLink;
      }
      ps.executeBatch();
      try (Statement s = c.createStatement()) {
        s.execute(
            "insert into entity_chain values ('Bulk', '"
                + bulk
                + "', "
                + n
                + ", '"
                + entityPrev
                + "')");
      }
      // the projection rows ingest would have written, so a later rebuild finds them equal
      try (PreparedStatement timeline =
          c.prepareStatement(
              cn.anshan.oversight.audit.repository.Projections.TIMELINE_FOR_EVENTS.replace(
                  "$1", "array(select event_id from audit_event where aggregate_id = ?)"))) {
        timeline.setString(1, bulk);
        timeline.executeUpdate();
      }
      c.commit();
    }
    CheckpointService.CheckpointView after = checkpoints.take().await().indefinitely();
    assertTrue(after.treeSize() >= before + n, after.treeSize() + " after " + before);
    assertEquals(n, TestInfra.count("select count(*) from log_leaf where aggregate_id = ?", bulk));
    JsonPath report = AuditFixtures.verification("entityId=" + bulk);
    assertTrue(report.getBoolean("ok"), report.prettify());
  }

  static void burnTransactionIdsPastThePowerOfTen(Connection c) throws SQLException {
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      long xid;
      try (ResultSet rs = s.executeQuery("select pg_current_xact_id()::text::bigint")) {
        rs.next();
        xid = rs.getLong(1);
      }
      long next = 10;
      while (next <= xid) {
        next *= 10;
      }
      for (long x = xid; x <= next; x++) {
        s.execute("select pg_current_xact_id()");
      }
    }
    c.setAutoCommit(false);
  }

  /**
   * What a forger with the owner's rights does next: recompute this entity's leaves from the
   * rewritten rows and every stored subtree above them. Returns the original hashes by node.
   */
  Map<String, String> rebuildLogTree() throws Exception {
    Map<String, String> original = new java.util.HashMap<>();
    try (Connection c = TestInfra.connect();
        Statement s = c.createStatement()) {
      s.execute("set session_replication_role = replica");
      List<String> leaves = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select l.idx, coalesce("
                  + cn.anshan.oversight.audit.repository.EventLogRepository.LEAF_HASH_SQL
                  + ", n.hash) from log_leaf l join log_node n on n.level = 0 and n.idx = l.idx"
                  + " left join audit_event e on e.event_id = l.event_id order by l.idx")) {
        while (rs.next()) {
          leaves.add(rs.getString(2));
        }
      }
      var tree = new cn.anshan.oversight.audit.domain.MerkleLog.Appender(0, List.of());
      leaves.forEach(tree::append);
      try (PreparedStatement read =
              c.prepareStatement("select hash from log_node where level = ? and idx = ?");
          PreparedStatement write =
              c.prepareStatement("update log_node set hash = ? where level = ? and idx = ?")) {
        for (var node : tree.drainCompleted()) {
          read.setShort(1, (short) node.node().level());
          read.setLong(2, node.node().index());
          try (ResultSet rs = read.executeQuery()) {
            if (rs.next() && !rs.getString(1).equals(node.hash())) {
              original.put(node.node().level() + "/" + node.node().index(), rs.getString(1));
              write.setString(1, node.hash());
              write.setShort(2, (short) node.node().level());
              write.setLong(3, node.node().index());
              write.executeUpdate();
            }
          }
        }
      }
    }
    assertFalse(original.isEmpty());
    return original;
  }

  void restoreLogTree(Map<String, String> original) throws Exception {
    try (Connection c = TestInfra.connect();
        Statement s = c.createStatement();
        PreparedStatement write =
            c.prepareStatement("update log_node set hash = ? where level = ? and idx = ?")) {
      s.execute("set session_replication_role = replica");
      for (var e : original.entrySet()) {
        String[] node = e.getKey().split("/");
        write.setString(1, e.getValue());
        write.setShort(2, Short.parseShort(node[0]));
        write.setLong(3, Long.parseLong(node[1]));
        write.executeUpdate();
      }
    }
  }

  /** What a careful forger does: recompute every entity link and the head after the change. */
  void rechain() throws Exception {
    try (Connection c = TestInfra.connect();
        Statement s = c.createStatement()) {
      s.execute("set session_replication_role = replica");
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select event_id, payload, recorded_at from audit_event where aggregate_id = '"
                  + institution
                  + "' order by entity_seq")) {
        while (rs.next()) {
          rows.add(new Object[] {rs.getObject(1), rs.getString(2), rs.getTimestamp(3).toInstant()});
        }
      }
      String prev = ChainHash.GENESIS;
      int seq = 1;
      try (PreparedStatement ps =
          c.prepareStatement(
              "update audit_event set event_hash = ?, entity_prev_hash = ?, entity_hash = ?,"
                  + " entity_seq = ? where event_id = ?")) {
        for (Object[] r : rows) {
          String eventHash = ChainHash.eventHash((String) r[1]);
          String link = ChainHash.entityLink(prev, eventHash, (java.time.Instant) r[2]);
          ps.setString(1, eventHash);
          ps.setString(2, prev);
          ps.setString(3, link);
          ps.setLong(4, seq++);
          ps.setObject(5, r[0]);
          ps.executeUpdate();
          prev = link;
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "update entity_chain set head_hash = ?, length = ? where aggregate_id = ?")) {
        ps.setString(1, prev);
        ps.setLong(2, rows.size());
        ps.setString(3, institution);
        ps.executeUpdate();
      }
    }
  }

  static Path exports() throws Exception {
    return Files.createDirectories(Path.of("target", "exports"));
  }

  static Files2 copy(Files2 files, String name) throws Exception {
    Path dir = files.ndjson().getParent();
    Path ndjson = dir.resolve(name + ".ndjson");
    Path manifest = dir.resolve(name + ".manifest.json");
    Files.copy(files.ndjson(), ndjson, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(files.manifest(), manifest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return new Files2(ndjson, manifest);
  }
}
