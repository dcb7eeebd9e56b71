package cn.anshan.oversight.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.TestInfra;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What the broker holds for a set of aggregates, checked against the outbox it came from. */
final class PublishedStream {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One aggregate's events in the order the broker holds them (first copy of each event). */
  final Map<String, List<JsonNode>> byAggregate = new LinkedHashMap<>();

  private PublishedStream() {}

  /** Waits until {@code expected} records of the aggregates are on the topic. */
  static PublishedStream of(String topic, Set<String> aggregateIds, int expected) {
    List<ConsumerRecord<String, String>> records =
        KafkaRecords.await(
            topic, r -> aggregateIds.contains(r.key()), expected, Duration.ofSeconds(90));
    PublishedStream stream = new PublishedStream();
    Map<String, Boolean> seen = new HashMap<>();
    for (ConsumerRecord<String, String> r : records) {
      JsonNode event = parse(r.value());
      if (seen.put(event.path("id").asText(), true) == null) {
        stream.byAggregate.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(event);
      }
    }
    assertEquals(
        expected,
        stream.byAggregate.values().stream().mapToInt(List::size).sum(),
        "distinct events on the broker");
    return stream;
  }

  /**
   * Each aggregate's events reached the broker in version order 1..n with increasing sequences, and
   * each carries the sequence its outbox row holds.
   */
  void assertOrderedPerAggregate(int versions) {
    for (Map.Entry<String, List<JsonNode>> aggregate : byAggregate.entrySet()) {
      List<JsonNode> events = aggregate.getValue();
      assertEquals(
          LongStream.rangeClosed(1, versions).boxed().toList(),
          events.stream().map(e -> e.path("aggregateversion").asLong()).toList(),
          "version order of " + aggregate.getKey());
      long previous = 0;
      for (JsonNode e : events) {
        long sequence = e.path("sequence").asLong();
        assertTrue(sequence > previous, "sequence increases along " + aggregate.getKey());
        previous = sequence;
        assertEquals(
            sequence,
            TestInfra.count(
                "select sequence from outbox_event where id = ?::uuid", e.path("id").asText()),
            "published sequence = stored sequence");
      }
    }
  }

  /**
   * The whole outbox is numbered 1..n without a gap or a repeat, and n is the counter's value:
   * nothing was skipped or handed out twice, whoever numbered when.
   */
  static void assertOutboxGapless() {
    List<Map<String, Object>> rows =
        TestInfra.query("select sequence from outbox_event where sequence > 0 order by sequence");
    List<Long> sequences =
        rows.stream().map(r -> ((Number) r.get("sequence")).longValue()).toList();
    assertEquals(
        LongStream.rangeClosed(1, sequences.size()).boxed().toList(),
        sequences,
        "outbox sequences are 1..n");
    assertEquals(
        (long) sequences.size(),
        TestInfra.count("select value from outbox_sequence"),
        "the counter's value is the last number handed out");
  }

  static long unpublished() {
    return TestInfra.count("select count(*) from outbox_unpublished");
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
