package cn.anshan.oversight.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.events.EventSettings;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * PLT-11, issue 16 item 6: the relay leader writes a ProducerHeartbeat every interval, each one a
 * new version of the Producer aggregate and numbered in the service's stream after what came before
 * it, so its sequence tells audit how far the stream has gone.
 */
@QuarkusTest
@TestProfile(ProducerHeartbeatTest.Beating.class)
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ProducerHeartbeatTest {
  static final ObjectMapper JSON = new ObjectMapper();

  public static class Beating implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "oversight.outbox.relay.heartbeat.enabled", "true",
          "oversight.outbox.relay.heartbeat.interval", "1s");
    }
  }

  @Inject EventSettings events;

  @Test
  void plt11TheLeaderBeatsEveryIntervalInTheServicesOwnSequence() throws Exception {
    String item = UUID.randomUUID().toString();
    OutboxOrderingTest.writeVersions(item, new Random(1));

    // the item's three events, then at least three heartbeats written after them
    long itemsLastSequence =
        KafkaRecords.await(events.topic(), r -> item.equals(r.key()), 3, Duration.ofSeconds(60))
            .stream()
            .mapToLong(r -> parse(r.value()).path("sequence").asLong())
            .max()
            .orElseThrow();
    List<ConsumerRecord<String, String>> beats =
        KafkaRecords.await(
            events.topic(),
            r ->
                events.service().equals(r.key())
                    && parse(r.value()).path("sequence").asLong() > itemsLastSequence,
            3,
            Duration.ofSeconds(60));

    long previousVersion = -1;
    long previousSequence = itemsLastSequence;
    for (ConsumerRecord<String, String> r : beats.subList(0, 3)) {
      JsonNode beat = parse(r.value());
      assertEquals("cn.anshan.oversight.probe.ProducerHeartbeat.v1", beat.path("type").asText());
      assertEquals("Producer/" + events.service(), beat.path("subject").asText());
      assertEquals("system:" + events.service(), beat.path("actor").asText());
      assertEquals(events.service(), beat.path("data").path("producer").asText());
      assertEquals(1, beat.path("data").path("intervalSeconds").asLong());
      long version = beat.path("aggregateversion").asLong();
      long sequence = beat.path("sequence").asLong();
      if (previousVersion > 0) {
        assertEquals(previousVersion + 1, version, "one Producer version per heartbeat");
      }
      assertTrue(sequence > previousSequence, "each beat is numbered after what came before");
      previousVersion = version;
      previousSequence = sequence;
    }
    PublishedStream.assertOutboxGapless();
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
