package cn.anshan.oversight.platform.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code deploy/local/platform events}: prints the records of a topic (CloudEvents JSON) for a
 * human, one line with partition, offset, key and timestamp, then the pretty-printed value.
 *
 * <p>A throw-away consumer group (unique id, nothing committed) starting at the earliest offset, or
 * at the end with {@code --latest}. It stops after {@code --max} printed records or after {@code
 * --timeout} seconds without a new record. {@code --key} prints only the records with that key (the
 * aggregate id), and {@code --max} then counts those.
 */
public final class TopicEvents {

  static final String DEFAULT_TOPIC = "oversight.registry.events";

  private static final String USAGE =
      """
      usage: platform events [topic] [--from-beginning|--latest] [--max N] [--timeout S] [--key K]
                             [--bootstrap host:port]
        topic             default oversight.registry.events
        --from-beginning  start at the earliest retained offset (the default)
        --latest          only records that arrive after the start
        --max N           stop after N printed records (default: no limit)
        --timeout S       stop after S seconds without a new record (default 5)
        --key K           print only records whose key is K (e.g. an institution id)
        --bootstrap B     default $KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092
      """;

  private TopicEvents() {}

  public static void main(String[] args) {
    // kafka-clients logs through SLF4J -> log4j2: errors only, on stderr (the wrapper sets it too)
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "log4j2-events.xml");
    }
    String topic = DEFAULT_TOPIC;
    boolean latest = false;
    long max = Long.MAX_VALUE;
    long timeoutSeconds = 5;
    String key = null;
    String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    boolean topicGiven = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--from-beginning" -> latest = false;
          case "--latest" -> latest = true;
          case "--max" -> max = Long.parseLong(value(args, ++i));
          case "--timeout" -> timeoutSeconds = Long.parseLong(value(args, ++i));
          case "--key" -> key = value(args, ++i);
          case "--bootstrap" -> bootstrap = value(args, ++i);
          case "-h", "--help" -> {
            System.out.print(USAGE);
            return;
          }
          default -> {
            if (args[i].startsWith("-") || topicGiven) {
              throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            topic = args[i];
            topicGiven = true;
          }
        }
      }
      if (max < 1 || timeoutSeconds < 1) {
        throw new IllegalArgumentException("--max and --timeout must be at least 1");
      }
    } catch (IllegalArgumentException e) {
      System.err.println("events: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
    }
    System.exit(run(bootstrap, topic, latest, max, Duration.ofSeconds(timeoutSeconds), key));
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static int run(
      String bootstrap, String topic, boolean latest, long max, Duration idle, String key) {
    // the broker lets nobody read anonymously: the platform's own user, from the state folder
    Properties p =
        KafkaCredentials.existing(
                Path.of(System.getenv().getOrDefault("OVERSIGHT_STATE", ".oversight")))
            .adminClient(bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "platform-events-" + UUID.randomUUID());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "platform-events");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, latest ? "latest" : "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"); // a typo must not create one
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());

    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<PartitionInfo> partitions;
      try {
        partitions = consumer.listTopics(Duration.ofSeconds(10)).get(topic);
      } catch (TimeoutException e) {
        System.err.printf("events: cannot reach Kafka at %s (is the platform up?)%n", bootstrap);
        return 1;
      }
      if (partitions == null) {
        System.err.printf(
            "events: topic %s does not exist (yet); waiting up to %d s for it%n",
            topic, idle.toSeconds());
      } else {
        System.err.printf(
            "events: topic %s, %d partitions, from the %s%s; stops after %s%d s without a new"
                + " record%n",
            topic,
            partitions.size(),
            latest ? "end" : "earliest offset",
            key == null ? "" : ", key " + key,
            max == Long.MAX_VALUE ? "" : max + " records or ",
            idle.toSeconds());
      }
      consumer.subscribe(List.of(topic));

      long shown = 0;
      long seen = 0;
      long lastRecord = System.nanoTime();
      String why = "no new record for " + idle.toSeconds() + " s";
      loop:
      while (true) {
        long left = idle.toNanos() - (System.nanoTime() - lastRecord);
        if (left <= 0) {
          break;
        }
        ConsumerRecords<String, String> records =
            consumer.poll(Duration.ofNanos(Math.min(left, Duration.ofMillis(500).toNanos())));
        for (ConsumerRecord<String, String> r : records) {
          seen++;
          lastRecord = System.nanoTime();
          if (key != null && !key.equals(r.key())) {
            continue;
          }
          print(r);
          if (++shown >= max) {
            why = "--max " + max + " reached";
            break loop;
          }
        }
      }
      System.err.printf(
          "events: %d record(s) printed%s; stopped: %s%n",
          shown, key == null ? "" : " (" + seen + " read, key " + key + ")", why);
      return 0;
    }
  }

  private static void print(ConsumerRecord<String, String> r) {
    StringBuilder line =
        new StringBuilder()
            .append("--- partition ")
            .append(r.partition())
            .append("  offset ")
            .append(r.offset())
            .append("  key ")
            .append(r.key())
            .append("  ")
            .append(Instant.ofEpochMilli(r.timestamp()));
    String headers =
        StreamSupport.stream(r.headers().spliterator(), false)
            .map(TopicEvents::header)
            .collect(Collectors.joining(", "));
    if (!headers.isEmpty()) {
      line.append("  headers: ").append(headers);
    }
    System.out.println(line);
    System.out.println(r.value() == null ? "(null value: tombstone)" : Json.pretty(r.value()));
    System.out.flush();
  }

  private static String header(Header h) {
    return h.key() + "=" + (h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
  }
}
