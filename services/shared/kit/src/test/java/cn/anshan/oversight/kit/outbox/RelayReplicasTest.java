package cn.anshan.oversight.kit.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.kit.events.EventSettings;
import cn.anshan.oversight.kit.metrics.RelayMeters;
import cn.anshan.oversight.kit.tracing.EventSpans;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two relays on one outbox, as two replicas would run: every event is published, and each
 * aggregate's events reach the broker in version order.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class RelayReplicasTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Tokens REGULATOR = Tokens.user("reg-2").role("regulator").district("tiedong");

  @Inject AgroalDataSource dataSource;
  @Inject RelaySettings settings;
  @Inject EventSettings events;
  @Inject ProducerEvents heartbeat;

  @Inject BrokerConnection broker;
  @Inject EventSpans spans;

  @Test
  void secondReplicaSharesTheWorkWithoutReorderingAnAggregate() throws Exception {
    OutboxRelay secondReplica =
        new OutboxRelay(
            dataSource,
            settings,
            events,
            broker,
            heartbeat,
            new RelayMeters(new SimpleMeterRegistry()),
            spans);
    secondReplica.start(null);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    ExecutorService writers = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String id : ids) {
        done.add(writers.submit(() -> writeVersions(id, 5)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      writers.shutdown();
      secondReplica.stop(null);
    }
    for (String id : ids) {
      List<ConsumerRecord<String, String>> records =
          KafkaRecords.await(events.topic(), r -> id.equals(r.key()), 5, Duration.ofSeconds(60));
      List<Long> firstSeen = records.stream().map(r -> versionOf(r.value())).distinct().toList();
      assertEquals(LongStream.rangeClosed(1, 5).boxed().toList(), firstSeen, "order of " + id);
    }
  }

  static void writeVersions(String id, int count) {
    String etag = null;
    for (int v = 1; v <= count; v++) {
      var request =
          given()
              .header("Authorization", REGULATOR.bearer())
              .contentType(ContentType.JSON)
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

  static long versionOf(String json) {
    try {
      return JSON.readTree(json).path("aggregateversion").asLong();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
