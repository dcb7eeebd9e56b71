package cn.anshan.oversight.kit.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.anshan.oversight.kit.events.EventSettings;
import cn.anshan.oversight.kit.metrics.RelayMeters;
import cn.anshan.oversight.kit.tracing.EventSpans;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two relay replicas, no built-in one: the leader's database session is killed while it is inside
 * its numbering statement; the standby takes over and the stream has no gap and no repeat.
 */
@QuarkusTest
@TestProfile(RelayFailoverTest.ReplicasOnly.class)
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class RelayFailoverTest {
  static final Tokens REGULATOR = Tokens.user("reg-4").role("regulator").district("tiedong");
  static final int COMMANDS = 10;

  public static class ReplicasOnly implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "oversight.outbox.relay.enabled", "false",
          "oversight.outbox.relay.poll-interval", "200ms");
    }
  }

  @Inject AgroalDataSource dataSource;
  @Inject RelaySettings settings;
  @Inject EventSettings events;
  @Inject ProducerEvents heartbeat;

  @Inject BrokerConnection broker;
  @Inject EventSpans spans;

  @Test
  void aLeaderKilledWhileNumberingLeavesNoGapAndTheStandbyTakesOver() throws Exception {
    OutboxRelay first =
        new OutboxRelay(
            dataSource,
            settings,
            events,
            broker,
            heartbeat,
            new RelayMeters(new SimpleMeterRegistry()),
            spans);
    OutboxRelay second =
        new OutboxRelay(
            dataSource,
            settings,
            events,
            broker,
            heartbeat,
            new RelayMeters(new SimpleMeterRegistry()),
            spans);
    first.launch();
    await().atMost(Duration.ofSeconds(20)).until(first::leading);
    second.launch();
    try (Connection counterHolder = TestInfra.connect();
        Connection rowHolder = TestInfra.connect()) {
      counterHolder.setAutoCommit(false);
      rowHolder.setAutoCommit(false);
      OutboxNumbering.lockCounter(counterHolder);

      // commands never touch the counter: they commit while it is locked
      Set<String> ids = new LinkedHashSet<>();
      List<CompletableFuture<Void>> commands = new ArrayList<>();
      for (int i = 0; i < COMMANDS; i++) {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        commands.add(CompletableFuture.runAsync(() -> label(id)));
      }
      CompletableFuture.allOf(commands.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      // the leader is now waiting for the counter; make it stop again inside the numbering
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> waitingBackend("%from outbox_sequence where singleton for update%") > 0);
      lockLastUnnumberedRow(rowHolder);
      counterHolder.commit();
      long leader =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> waitingBackend("%row_number() over (order by position)%"), pid -> pid > 0);

      TestInfra.query("select pg_terminate_backend(?)", (int) leader);
      await().atMost(Duration.ofSeconds(20)).until(second::leading);
      rowHolder.rollback();

      PublishedStream stream = PublishedStream.of(events.topic(), ids, COMMANDS);
      stream.assertOrderedPerAggregate(1);
      await().atMost(Duration.ofSeconds(30)).until(() -> PublishedStream.unpublished() == 0);
      PublishedStream.assertOutboxGapless();
      await().atMost(Duration.ofSeconds(20)).until(() -> !first.leading());
      assertFalse(first.leading(), "the killed leader came back as a standby");
      assertEquals(0L, TestInfra.count("select count(*) from outbox_event where sequence is null"));
    } finally {
      first.stop(null);
      second.stop(null);
    }
  }

  static void label(String id) {
    given()
        .header("Authorization", REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"failover\"}")
        .post("/probe/items/{id}/labels", id)
        .then()
        .statusCode(201);
  }

  /** The pid of a backend waiting on a lock while running a statement like this, or 0. */
  static long waitingBackend(String statement) {
    List<Map<String, Object>> rows =
        TestInfra.query(
            "select pid from pg_stat_activity where wait_event_type = 'Lock' and query like ?",
            statement);
    return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("pid")).longValue();
  }

  static void lockLastUnnumberedRow(Connection c) throws Exception {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select id from outbox_event where sequence is null order by position desc"
                    + " limit 1 for update");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
    }
  }
}
