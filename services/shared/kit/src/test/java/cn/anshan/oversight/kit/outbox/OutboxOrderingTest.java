package cn.anshan.oversight.kit.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.events.EventSettings;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sequence is assigned at publish time: commands that insert in one order and commit in another
 * still yield a gapless, increasing sequence on the broker, with each aggregate in order.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class OutboxOrderingTest {
  static final Tokens REGULATOR = Tokens.user("reg-3").role("regulator").district("tiedong");
  static final int AGGREGATES = 24;
  static final int VERSIONS = 3;

  @Inject EventSettings events;

  @Test
  void commandsCommittingOutOfOrderYieldAGaplessStreamInAggregateOrder() throws Exception {
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < AGGREGATES; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    ExecutorService writers = Executors.newFixedThreadPool(12);
    try {
      List<Future<?>> done = new ArrayList<>();
      long seed = System.nanoTime();
      for (String id : ids) {
        Random random = new Random(seed + id.hashCode());
        done.add(writers.submit(() -> writeVersions(id, random)));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      writers.shutdownNow();
    }

    // the holds made later inserts commit first: some row inserted earlier got a later number
    assertTrue(
        TestInfra.count(
                "select count(*) from outbox_event a join outbox_event b"
                    + " on a.position < b.position and a.sequence > b.sequence"
                    + " where a.aggregateid = any(?) and b.aggregateid = any(?)",
                ids.toArray(String[]::new),
                ids.toArray(String[]::new))
            > 0,
        "the test made commits overtake inserts");

    PublishedStream stream = PublishedStream.of(events.topic(), ids, AGGREGATES * VERSIONS);
    stream.assertOrderedPerAggregate(VERSIONS);
    await().atMost(Duration.ofSeconds(30)).until(() -> PublishedStream.unpublished() == 0);
    PublishedStream.assertOutboxGapless();
  }

  /** One aggregate's versions in order; each command holds its transaction 0–60 ms. */
  static void writeVersions(String id, Random random) {
    String etag = null;
    for (int v = 1; v <= VERSIONS; v++) {
      var request =
          given()
              .header("Authorization", REGULATOR.bearer())
              .contentType(ContentType.JSON)
              .queryParam("holdMs", random.nextInt(61))
              .body("{\"label\":\"v" + v + "\"}");
      if (etag != null) {
        request.header("If-Match", etag);
      }
      etag =
          request
              .post("/probe/items/{id}/labels", id)
              .then()
              .statusCode(201)
              .extract()
              .header("ETag");
    }
  }
}
