package cn.anshan.oversight.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes records on the real broker, from the earliest offset of a topic. */
public final class KafkaRecords {
  private KafkaRecords() {}

  /**
   * Waits up to {@code timeout} until {@code expected} records matching {@code filter} are on the
   * topic, reading it from the beginning, and returns them in offset order per partition. Returns
   * fewer if the time runs out, so callers can also assert that nothing arrived.
   */
  public static List<ConsumerRecord<String, String>> await(
      String topic,
      Predicate<ConsumerRecord<String, String>> filter,
      int expected,
      Duration timeout) {
    Properties props = TestInfra.kafkaClient();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> found = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (found.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (filter.test(r)) {
            found.add(r);
          }
        }
      }
    }
    return found;
  }

  /** Publishes raw values, e.g. a duplicate or a poison record, and waits for the broker. */
  public static void send(String topic, String key, String... values) {
    send(Arrays.stream(values).map(v -> new ProducerRecord<>(topic, key, v)).toList());
  }

  /** Publishes one value as a relay's send would, with its W3C {@code traceparent} header. */
  public static void sendTraced(String topic, String key, String traceparent, String value) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
    record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    send(List.of(record));
  }

  private static void send(List<ProducerRecord<String, String>> records) {
    Properties props = TestInfra.kafkaClient();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      for (ProducerRecord<String, String> record : records) {
        producer.send(record).get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot publish to " + records.get(0).topic(), e);
    }
  }
}
