package cn.anshan.oversight.audit.rest;

import static cn.anshan.oversight.audit.rest.AuditFixtures.AUDITOR;
import static cn.anshan.oversight.audit.rest.AuditFixtures.REGISTRY;
import static cn.anshan.oversight.audit.rest.AuditFixtures.awaitStored;
import static cn.anshan.oversight.audit.rest.AuditFixtures.publish;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.audit.rest.AuditFixtures.Ev;
import cn.anshan.oversight.audit.service.CheckpointService;
import cn.anshan.oversight.testkit.Metrics;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * PLT-11, issue 16 "How it is shown": hundreds of distinct tamperings, run once with the audit
 * runtime role's credentials and once with the schema owner's, each refused by PostgreSQL or
 * detected by the service's verification, by a witness holding earlier checkpoints, or by the
 * offline verifier. Every database tampering is undone before the next one.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class TamperSuiteTest {
  static final String PUBLIC_KEY = IntegrityFlowTest.PUBLIC_KEY;
  static final Set<String> REFUSALS = Set.of("42501", "P0001", "23505", "23503", "23514");
  static final String[] TABLES = {"audit_event", "log_leaf", "log_node", "checkpoint"};

  @Inject CheckpointService checkpoints;

  String entity;
  List<String> eventIds = new ArrayList<>();
  Map<String, Long> leafIndex = new java.util.HashMap<>();
  JsonPath cp1;
  JsonPath cp2;
  Path dir;
  Offline verifier;

  /** One tampering of the database: statements run in one transaction. */
  record Tampering(String name, List<String> sql) {
    static Tampering of(String name, String... sql) {
      return new Tampering(name, List.of(sql));
    }
  }

  @Test
  void everyTamperingIsRefusedOrDetected() throws Exception {
    setUp();
    List<Tampering> database = databaseTamperings();
    Map<String, Boolean> offline = offlineTamperings();
    Set<String> baseline = globalProblems();
    for (String who : List.of("runtime role", "owner")) {
      int refused = 0;
      int detected = 0;
      List<String> undetected = new ArrayList<>();
      for (Tampering t : database) {
        String state = apply(who, t);
        if (state != null) {
          assertTrue(REFUSALS.contains(state), t.name() + ": failed with " + state);
          refused++;
          continue;
        }
        if (detected(baseline)) {
          detected++;
        } else {
          undetected.add(t.name());
        }
        restore();
        assertTrue(verify("entityId=" + entity).getBoolean("ok"), "not restored after " + t.name());
      }
      for (Map.Entry<String, Boolean> o : offline.entrySet()) {
        if (o.getValue()) {
          detected++;
        } else {
          undetected.add(o.getKey());
        }
      }
      int total = database.size() + offline.size();
      System.out.printf(
          "tamper suite with the %s's credentials: %d tamperings: %d refused or detected"
              + " (%d refused by PostgreSQL, %d detected), %d undetected%n",
          who, total, refused + detected, refused, detected, undetected.size());
      assertEquals(List.of(), undetected, who);
      assertTrue(total >= 200, "only " + total + " tamperings");
    }
    Set<String> after = globalProblems();
    Set<String> appeared = new HashSet<>(after);
    appeared.removeAll(baseline);
    Set<String> vanished = new HashSet<>(baseline);
    vanished.removeAll(after);
    assertEquals(Set.of(), appeared, "the suite left the store changed; gone: " + vanished);
  }

  // ---------- the tamperings ----------

  List<Tampering> databaseTamperings() {
    List<Tampering> list = new ArrayList<>();
    for (int r = 1; r <= eventIds.size(); r++) {
      String row = " where aggregate_id = '" + entity + "' and entity_seq = " + r;
      String id = eventIds.get(r - 1);
      long leaf = leafIndex.get(id);
      String hash = "md5(%1$s) || md5(%1$s)";
      list.add(
          Tampering.of(
              "payload of event " + r,
              "update audit_event set payload = replace(payload, 'WHITE', 'BLACK')" + row));
      list.add(
          Tampering.of(
              "payload and its event hash of event " + r,
              "update audit_event set payload = replace(payload, 'WHITE', 'BLACK'),"
                  + " event_hash = encode(sha256(convert_to(replace(payload, 'WHITE', 'BLACK'),"
                  + " 'UTF8')), 'hex')"
                  + row));
      list.add(Tampering.of("delete event " + r, "delete from audit_event" + row));
      list.add(
          Tampering.of(
              "recording instant of event " + r,
              "update audit_event set recorded_at = recorded_at + interval '1 microsecond'" + row));
      list.add(
          Tampering.of(
              "chain hash of event " + r,
              "update audit_event set entity_hash = " + hash.formatted("entity_hash") + row));
      list.add(
          Tampering.of(
              "event hash of event " + r,
              "update audit_event set event_hash = " + hash.formatted("event_hash") + row));
      list.add(
          Tampering.of(
              "position of event " + r,
              "update audit_event set entity_seq = entity_seq + 100" + row));
      for (String column : List.of("actor", "actor_role", "district", "correlation_id", "type")) {
        list.add(
            Tampering.of(
                column + " column of event " + r,
                "update audit_event set "
                    + column
                    + " = 'forged-' || coalesce("
                    + column
                    + ", '')"
                    + row));
      }
      list.add(
          Tampering.of(
              "log leaf position of event " + r,
              "update log_leaf set entity_seq = entity_seq + 1 where event_id = '" + id + "'"));
      list.add(
          Tampering.of(
              "log leaf hash of event " + r,
              "update log_node set hash = "
                  + hash.formatted("hash")
                  + " where level = 0 and idx = "
                  + leaf));
      list.add(
          Tampering.of(
              "log leaf of event " + r + " removed",
              "delete from log_leaf where event_id = '" + id + "'"));
      if (r % 2 == 0) {
        list.add(
            Tampering.of(
                "duplicate of event " + r + " inserted",
                "insert into audit_event select gen_random_uuid(), topic, kafka_partition,"
                    + " kafka_offset, source, type, subject, time, recorded_at, aggregate_type,"
                    + " aggregate_id, aggregate_version, sequence, actor, actor_role, district,"
                    + " correlation_id, causation_id, rule_version, payload, event_hash,"
                    + " entity_seq, entity_prev_hash, entity_hash, partition_seq,"
                    + " partition_prev_hash, partition_hash from audit_event"
                    + row));
      }
      if (r < eventIds.size()) {
        String next = " where aggregate_id = '" + entity + "' and entity_seq = ";
        list.add(
            Tampering.of(
                "events " + r + " and " + (r + 1) + " swapped",
                "update audit_event set entity_seq = 1000" + next + r,
                "update audit_event set entity_seq = " + r + next + (r + 1),
                "update audit_event set entity_seq = " + (r + 1) + next + 1000));
      }
    }
    list.add(
        Tampering.of(
            "chain head moved",
            "update entity_chain set length = length + 1, head_hash = md5(head_hash) ||"
                + " md5(head_hash) where aggregate_id = '"
                + entity
                + "'"));
    list.add(
        Tampering.of(
            "linked event appended after the head",
            "insert into audit_event select gen_random_uuid(), topic, kafka_partition,"
                + " kafka_offset, source, type, subject, time, recorded_at, aggregate_type,"
                + " aggregate_id, aggregate_version + 1, sequence + 1, actor, actor_role,"
                + " district, correlation_id, causation_id, rule_version, payload, event_hash,"
                + " entity_seq + 1, entity_hash, encode(sha256(convert_to(entity_hash || ':' ||"
                + " event_hash || ':' || (extract(epoch from recorded_at) * 1000000)::bigint,"
                + " 'UTF8')), 'hex'), partition_seq, partition_prev_hash, partition_hash"
                + " from audit_event where aggregate_id = '"
                + entity
                + "' and entity_seq = "
                + eventIds.size()));
    for (long[] node : innerNodesAbove()) {
      list.add(
          Tampering.of(
              "log subtree at level " + node[0] + " index " + node[1],
              "update log_node set hash = md5(hash) || md5(hash) where level = "
                  + node[0]
                  + " and idx = "
                  + node[1]));
    }
    for (JsonPath cp : List.of(cp1, cp2)) {
      String where = " where id = " + cp.getLong("id");
      String name = "checkpoint " + cp.getLong("id") + " ";
      list.add(
          Tampering.of(
              name + "signature", "update checkpoint set signature = reverse(signature)" + where));
      list.add(Tampering.of(name + "key id", "update checkpoint set key_id = 'audit-0'" + where));
      list.add(
          Tampering.of(
              name + "tree size", "update checkpoint set tree_size = tree_size - 1" + where));
      list.add(
          Tampering.of(
              name + "root",
              "update checkpoint set merkle_root = md5(merkle_root) || md5(merkle_root)" + where));
      list.add(
          Tampering.of(
              name + "previous hash",
              "update checkpoint set previous_hash = md5(previous_hash) || md5(previous_hash)"
                  + where));
      list.add(
          Tampering.of(
              name + "time",
              "update checkpoint set created_at = created_at + interval '1 microsecond'" + where));
      list.add(Tampering.of(name + "deleted", "delete from checkpoint" + where));
    }
    list.add(
        Tampering.of(
            "forged checkpoint after the latest",
            "insert into checkpoint (id, created_at, format, tree_size, merkle_root, previous_hash,"
                + " tx_horizon, key_id, signature, event_count) select id + 1000, created_at,"
                + " 2, tree_size + 1, md5(merkle_root) || md5(merkle_root), previous_hash,"
                + " tx_horizon, key_id, signature, tree_size + 1 from checkpoint where id = "
                + cp2.getLong("id")));
    return list;
  }

  /** The stored subtrees above the entity's leaves (level 1 and up). */
  List<long[]> innerNodesAbove() {
    Set<String> seen = new LinkedHashSet<>();
    List<long[]> nodes = new ArrayList<>();
    for (long leaf : leafIndex.values()) {
      for (int level = 1; level < 20; level++) {
        long idx = leaf >> level;
        if (TestInfra.count("select count(*) from log_node where level = ? and idx = ?", level, idx)
                == 1
            && seen.add(level + "/" + idx)) {
          nodes.add(new long[] {level, idx});
        }
      }
    }
    return nodes;
  }

  Map<String, Boolean> offlineTamperings() throws Exception {
    Map<String, Boolean> results = new java.util.LinkedHashMap<>();
    byte[] ndjson = Files.readAllBytes(dir.resolve("export.ndjson"));
    String manifest = Files.readString(dir.resolve("manifest.json"));
    String kept1 = Files.readString(dir.resolve("kept-1.json"));
    Map<String, String> keys = verifier.keys(Files.readString(dir.resolve("keys.json")));
    assertEquals(List.of(), verifier.export(ndjson, manifest, keys, kept1), "the clean export");
    for (int i = 0; i < 40; i++) {
      int position = (int) ((long) i * (ndjson.length - 1) / 39);
      byte[] flipped = ndjson.clone();
      flipped[position] ^= 0x02;
      results.put(
          "export byte " + position + " flipped",
          !verifier.export(flipped, manifest, keys, kept1).isEmpty());
    }
    for (int i = 0; i < 25; i++) {
      int position = i * (manifest.length() - 1) / 24;
      char[] chars = manifest.toCharArray();
      chars[position] ^= 0x02;
      results.put(
          "manifest character " + position + " flipped",
          !verifier.export(ndjson, new String(chars), keys, kept1).isEmpty());
    }
    var foreign = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String foreignKey = Base64.getEncoder().encodeToString(foreign.getPublic().getEncoded());
    results.put(
        "a foreign key trusted instead",
        !verifier.export(ndjson, manifest, verifier.keys(foreignKey), kept1).isEmpty());
    results.put(
        "key file naming a foreign key dev-key",
        !verifier
            .export(
                ndjson,
                manifest,
                verifier.keys("{\"keyId\":\"dev-key\",\"publicKey\":\"" + foreignKey + "\"}"),
                kept1)
            .isEmpty());
    int cut = manifest.lastIndexOf(",\"signature\":\"");
    String body = manifest.substring(0, cut) + "}";
    String resigned = resign(body, foreign.getPrivate());
    results.put(
        "manifest re-signed by a foreign key",
        !verifier.export(ndjson, resigned, keys, kept1).isEmpty());
    String text = new String(ndjson, StandardCharsets.UTF_8);
    String shorter = text.substring(0, text.lastIndexOf('\n', text.length() - 2) + 1);
    String shorterBody =
        body.replaceAll(
                "\"ndjsonSha256\":\"[0-9a-f]+\"", "\"ndjsonSha256\":\"" + sha256(shorter) + "\"")
            .replaceAll("\"eventCount\":\\d+", "\"eventCount\":" + (eventIds.size() - 1));
    results.put(
        "last line dropped, digest and count fixed, re-signed by a foreign key",
        !verifier
            .export(
                shorter.getBytes(StandardCharsets.UTF_8),
                resign(shorterBody, foreign.getPrivate()),
                keys,
                kept1)
            .isEmpty());
    results.put(
        "an old export replayed against a newer kept checkpoint",
        !verifier
            .export(
                Files.readAllBytes(dir.resolve("old.ndjson")),
                Files.readString(dir.resolve("old.manifest.json")),
                keys,
                Files.readString(dir.resolve("kept-2.json")))
            .isEmpty());
    results.put(
        "an export without a kept checkpoint's proof, checked against it",
        !verifier
            .export(
                Files.readAllBytes(dir.resolve("old.ndjson")),
                Files.readString(dir.resolve("old.manifest.json")),
                keys,
                kept1)
            .isEmpty());
    String consistency = Files.readString(dir.resolve("consistency.json"));
    assertEquals(List.of(), verifier.consistency(consistency, keys, kept1), "the clean proof");
    JsonPath answer = new JsonPath(consistency);
    for (String element : answer.<String>getList("proof")) {
      results.put(
          "consistency proof element " + element.substring(0, 8) + " changed",
          !verifier
              .consistency(consistency.replace(element, sha256(element)), keys, kept1)
              .isEmpty());
    }
    results.put(
        "kept checkpoint with another root",
        !verifier
            .consistency(
                consistency,
                keys,
                kept1.replace(cp1.getString("rootHash"), sha256(cp1.getString("rootHash"))))
            .isEmpty());
    results.put(
        "proof checked against the wrong kept checkpoint",
        !verifier
            .consistency(consistency, keys, Files.readString(dir.resolve("kept-2.json")))
            .isEmpty());
    return results;
  }

  // ---------- applying, detecting, restoring ----------

  /** Applies a tampering; returns the SQLSTATE PostgreSQL refused it with, or null if applied. */
  String apply(String who, Tampering t) throws SQLException {
    boolean owner = who.equals("owner");
    try (Connection c = owner ? TestInfra.connectAsOwner() : TestInfra.connectAsService();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        if (owner) {
          for (String table : TABLES) {
            s.execute("alter table " + table + " disable trigger user");
          }
        }
        for (String sql : t.sql()) {
          s.execute(sql);
        }
        if (owner) {
          for (String table : TABLES) {
            s.execute("alter table " + table + " enable trigger user");
          }
        }
        c.commit();
        return null;
      } catch (SQLException e) {
        c.rollback();
        if (owner) {
          throw new IllegalStateException(t.name() + " failed for the owner", e);
        }
        return e.getSQLState();
      }
    }
  }

  boolean detected(Set<String> baseline) throws Exception {
    JsonPath report = verify("entityId=" + entity);
    if (!report.getBoolean("ok")) {
      return true;
    }
    if (!baseline.containsAll(globalProblems())) {
      return true;
    }
    return !witnessesAgree();
  }

  /** An auditor who kept both checkpoints asks whether today's log still extends them. */
  boolean witnessesAgree() throws Exception {
    Response latest =
        given().header("Authorization", AUDITOR.bearer()).get("/api/v1/audit/checkpoints/latest");
    if (latest.statusCode() != 200) {
      return false;
    }
    Map<String, String> keys = verifier.keys(PUBLIC_KEY);
    for (String kept : List.of("kept-1.json", "kept-2.json")) {
      String keptText = Files.readString(dir.resolve(kept));
      Response proof =
          given()
              .header("Authorization", AUDITOR.bearer())
              .get(
                  "/api/v1/audit/checkpoints/consistency?from="
                      + new JsonPath(keptText).getLong("id")
                      + "&to="
                      + latest.jsonPath().getLong("id"));
      if (proof.statusCode() != 200
          || !verifier.consistency(proof.asString(), keys, keptText).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** Also checks that the run was counted under its outcome (issue 20: alert on a broken one). */
  JsonPath verify(String query) {
    String before = Metrics.scrape();
    JsonPath report = AuditFixtures.verification(query);
    boolean intact =
        report.getList("chainProblems").isEmpty() && report.getList("log.problems").isEmpty();
    String runs =
        "oversight_audit_verifications_total{outcome=\"" + (intact ? "intact" : "broken") + "\"}";
    assertEquals(Metrics.value(before, runs) + 1, Metrics.value(runs), runs + " after " + query);
    return report;
  }

  /**
   * The whole-store log problems (signatures, links, roots, stored subtrees, leaves): unlike gap
   * and chain reports they do not move while other tests' late events arrive, so a difference is
   * the tampering's.
   */
  Set<String> globalProblems() {
    Set<String> problems = new HashSet<>();
    for (Object item : verify("").getList("log.problems")) {
      problems.add(item.toString());
    }
    return problems;
  }

  void restore() throws SQLException {
    try (Connection c = TestInfra.connect();
        Statement s = c.createStatement()) {
      s.execute("set session_replication_role = replica");
      s.execute("delete from audit_event where aggregate_id = '" + entity + "'");
      s.execute("insert into audit_event select * from tamper_bak_event");
      s.execute("delete from entity_chain where aggregate_id = '" + entity + "'");
      s.execute("insert into entity_chain select * from tamper_bak_chain");
      s.execute("delete from log_leaf");
      s.execute("insert into log_leaf select * from tamper_bak_leaf");
      s.execute("delete from log_node");
      s.execute("insert into log_node select * from tamper_bak_node");
      s.execute("delete from checkpoint where format = 2");
      s.execute("insert into checkpoint select * from tamper_bak_checkpoint");
    }
  }

  // ---------- setting up ----------

  void setUp() throws Exception {
    dir = Files.createDirectories(Path.of("target", "tamper"));
    verifier = Offline.compile(dir);
    entity = UUID.randomUUID().toString();
    String source = AuditFixtures.newSource();
    List<Ev> first = events(source, 1, 8);
    publish(REGISTRY, entity, first.toArray(Ev[]::new));
    awaitStored(first.stream().map(Ev::id).toArray(String[]::new));
    checkpoints.take().await().indefinitely();
    cp1 = kept("kept-1.json");
    export("old", null);
    List<Ev> more = events(source, 9, 10);
    publish(REGISTRY, entity, more.toArray(Ev[]::new));
    awaitStored(more.stream().map(Ev::id).toArray(String[]::new));
    checkpoints.take().await().indefinitely();
    cp2 = kept("kept-2.json");
    export("export", cp1.getLong("id"));
    Files.writeString(
        dir.resolve("keys.json"),
        given().header("Authorization", AUDITOR.bearer()).get("/api/v1/audit/keys").asString());
    Files.writeString(
        dir.resolve("consistency.json"),
        given()
            .header("Authorization", AUDITOR.bearer())
            .get(
                "/api/v1/audit/checkpoints/consistency?from="
                    + cp1.getLong("id")
                    + "&to="
                    + cp2.getLong("id"))
            .then()
            .statusCode(200)
            .extract()
            .asString());
    for (Map<String, Object> row :
        TestInfra.query(
            "select e.event_id::text as id, l.idx from audit_event e join log_leaf l"
                + " on l.event_id = e.event_id where e.aggregate_id = ? order by e.entity_seq",
            entity)) {
      eventIds.add((String) row.get("id"));
      leafIndex.put((String) row.get("id"), ((Number) row.get("idx")).longValue());
    }
    assertEquals(10, eventIds.size());
    try (Connection c = TestInfra.connect();
        Statement s = c.createStatement()) {
      for (String table : List.of("event", "chain", "leaf", "node", "checkpoint")) {
        s.execute("drop table if exists tamper_bak_" + table);
      }
      s.execute(
          "create table tamper_bak_event as select * from audit_event where aggregate_id = '"
              + entity
              + "'");
      s.execute(
          "create table tamper_bak_chain as select * from entity_chain where aggregate_id = '"
              + entity
              + "'");
      s.execute("create table tamper_bak_leaf as select * from log_leaf");
      s.execute("create table tamper_bak_node as select * from log_node");
      s.execute("create table tamper_bak_checkpoint as select * from checkpoint where format = 2");
    }
    assertTrue(verify("entityId=" + entity).getBoolean("ok"));
  }

  List<Ev> events(String source, int from, int to) {
    List<Ev> list = new ArrayList<>();
    for (int v = from; v <= to; v++) {
      list.add(
          Ev.of(source, "cn.anshan.oversight.registry.Step" + v + ".v1", "Institution", entity)
              .version(v)
              .seq(v)
              .time(String.format("2026-10-%02dT01:00:00Z", v))
              .data("institutionId", entity)
              .data("listStatus", "WHITE"));
    }
    return list;
  }

  /** What an auditor keeps: the latest checkpoint, saved as the service gave it. */
  JsonPath kept(String file) throws Exception {
    String latest =
        given()
            .header("Authorization", AUDITOR.bearer())
            .get("/api/v1/audit/checkpoints/latest")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Files.writeString(dir.resolve(file), latest);
    return new JsonPath(latest);
  }

  void export(String name, Long since) throws Exception {
    var request = given().header("Authorization", AUDITOR.bearer());
    if (since != null) {
      request = request.queryParam("since", since);
    }
    JsonPath export =
        request.get("/api/v1/audit/exports/" + entity).then().statusCode(200).extract().jsonPath();
    String ndjson = name.equals("old") ? "old.ndjson" : "export.ndjson";
    String manifest = name.equals("old") ? "old.manifest.json" : "manifest.json";
    Files.writeString(dir.resolve(ndjson), export.getString("ndjson"), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(manifest), export.getString("manifest"), StandardCharsets.UTF_8);
  }

  static String resign(String body, java.security.PrivateKey key) throws Exception {
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(key);
    String keyId = new JsonPath(body).getString("keyId");
    signer.update(
        ("oversight-audit-export/2\n" + keyId + "\n" + sha256(body))
            .getBytes(StandardCharsets.UTF_8));
    return body.substring(0, body.length() - 1)
        + ",\"signature\":\""
        + Base64.getEncoder().encodeToString(signer.sign())
        + "\"}";
  }

  static String sha256(String text) {
    return cn.anshan.oversight.audit.domain.ChainHash.sha256Hex(text);
  }

  /**
   * The standalone verifier, compiled from its single source file and called in-process: the same
   * code an auditor runs with {@code java ExportVerifier.java}, without a JVM start per check.
   */
  record Offline(Method export, Method consistency, Method keys) {
    static Offline compile(Path dir) throws Exception {
      Path out = Files.createDirectories(dir.resolve("verifier-classes"));
      int status =
          ToolProvider.getSystemJavaCompiler()
              .run(null, null, null, "-d", out.toString(), "verifier/ExportVerifier.java");
      assertEquals(0, status, "the verifier does not compile");
      Class<?> type =
          Class.forName(
              "ExportVerifier", true, new URLClassLoader(new URL[] {out.toUri().toURL()}, null));
      Method export =
          type.getDeclaredMethod("verify", byte[].class, String.class, Map.class, String.class);
      Method consistency =
          type.getDeclaredMethod("verifyConsistencyFile", String.class, Map.class, String.class);
      Method keys = type.getDeclaredMethod("trustedKeys", String.class);
      consistency.setAccessible(true);
      keys.setAccessible(true);
      return new Offline(export, consistency, keys);
    }

    List<?> export(byte[] ndjson, String manifest, Map<String, String> keys, String kept)
        throws Exception {
      return (List<?>) export.invoke(null, ndjson, manifest, keys, kept);
    }

    List<?> consistency(String answer, Map<String, String> keys, String kept) throws Exception {
      return (List<?>) consistency.invoke(null, answer, keys, kept);
    }

    @SuppressWarnings("unchecked")
    Map<String, String> keys(String argument) throws Exception {
      return (Map<String, String>) keys.invoke(null, argument);
    }
  }
}
