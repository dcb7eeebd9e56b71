package cn.anshan.oversight.kit.probe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.db.PoolSettings;
import cn.anshan.oversight.testkit.Metrics;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link PoolSettings} and the per-service PostgreSQL timeouts: a saturated pool or a transaction
 * left idle refuses with 503 problem+json and Retry-After, changes nothing, and the service answers
 * normally right after.
 */
@QuarkusTest
@TestProfile(PoolLimitsTest.TwoConnections.class)
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class PoolLimitsTest {
  static final Tokens REGULATOR = Tokens.user("reg-pool").role("regulator").district("tiedong");

  public static class TwoConnections implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.reactive.max-size", "2",
          // the production path: no acquire timer (it leaks leases under a storm, PoolSettings),
          // and room for one waiting request; the next is refused at once
          "oversight.datasource.pool.max-waiting", "1",
          "quarkus.datasource.reactive.additional-properties.idle_in_transaction_session_timeout",
              "4s",
          // the probe consumer applies the labels' events through the same two connections; its
          // transactions would take the waiting room these tests count on (seen once in a kit run)
          "mp.messaging.incoming.probe-in.enabled", "false");
    }
  }

  @Test
  void aRequestThatFindsThePoolBusyIsRefusedWith503AndChangesNothing() {
    String prefix = "busy-" + UUID.randomUUID() + "-";
    CompletableFuture<Response> first =
        CompletableFuture.supplyAsync(() -> label(prefix + 1, 2500));
    CompletableFuture<Response> second =
        CompletableFuture.supplyAsync(() -> label(prefix + 2, 2500));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from pg_stat_activity where state = 'idle in transaction'"
                            + " and usename = ?",
                        TestInfra.serviceUser())
                    >= 2);

    CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(() -> label(prefix + 3, 0));
    await().atMost(Duration.ofSeconds(5)).until(() -> Metrics.value(WAITING) >= 1);

    Response refused = label(prefix + 4, 0);

    refused.then().statusCode(503).contentType("application/problem+json");
    refused.then().header("Retry-After", "1");
    refused.then().body("type", org.hamcrest.Matchers.endsWith("/database-unavailable"));
    first.join().then().statusCode(201);
    second.join().then().statusCode(201);
    waiting.join().then().statusCode(201);
    given()
        .header("Authorization", REGULATOR.bearer())
        .get("/probe/items/{id}", prefix + 4)
        .then()
        .statusCode(404);
    label(prefix + 4, 0).then().statusCode(201).body("label", equalTo("pool"));
  }

  /** Requests waiting for a connection of the reactive pool (Vert.x pool metrics). */
  static final String WAITING =
      "sql_pool_queue_size{pool_name=\"__vertx.DEFAULT\",pool_type=\"sql\"}";

  @Test
  void afterAStormOfRefusalsThePoolHasEveryConnectionBack() {
    String prefix = "storm-" + UUID.randomUUID() + "-";
    List<CompletableFuture<Response>> storm = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String id = prefix + i;
      storm.add(CompletableFuture.supplyAsync(() -> label(id, 150), STORM));
    }
    int refused = 0;
    for (CompletableFuture<Response> r : storm) {
      int status = r.join().statusCode();
      if (status == 503) {
        refused++;
      } else {
        assertEquals(201, status);
      }
    }
    assertTrue(refused > 0, "the storm should meet the pool's limits");
    // both connections come back: two commands at once soon succeed together (the probe
    // consumer may still be applying the storm's events on one of them for a moment)
    AtomicInteger attempt = new AtomicInteger();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              String a = prefix + "a" + attempt.incrementAndGet();
              String b = prefix + "b" + attempt.get();
              CompletableFuture<Response> first =
                  CompletableFuture.supplyAsync(() -> label(a, 300));
              CompletableFuture<Response> second =
                  CompletableFuture.supplyAsync(() -> label(b, 300));
              return first.join().statusCode() == 201 && second.join().statusCode() == 201;
            });
  }

  static final java.util.concurrent.ExecutorService STORM =
      java.util.concurrent.Executors.newFixedThreadPool(60);

  @Test
  void aTransactionLeftIdleIsEndedByPostgreSqlAndRolledBack() {
    String id = "idle-" + UUID.randomUUID();

    Response refused = label(id, 6000);

    refused.then().statusCode(503).contentType("application/problem+json");
    given()
        .header("Authorization", REGULATOR.bearer())
        .get("/probe/items/{id}", id)
        .then()
        .statusCode(404);
    label(id, 0).then().statusCode(201);
  }

  private static Response label(String id, int holdMs) {
    return given()
        .header("Authorization", REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"pool\"}")
        .post("/probe/items/{id}/labels?holdMs=" + holdMs, id);
  }
}
