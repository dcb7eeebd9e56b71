package cn.anshan.oversight.kit.outbox;

import cn.anshan.oversight.kit.events.CloudEventEnvelope;
import cn.anshan.oversight.kit.events.EventSettings;
import cn.anshan.oversight.kit.tracing.EventSpans;
import cn.anshan.oversight.kit.tracing.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's Kafka side: an idempotent producer with {@code acks=all}, and the service's topic.
 * Not thread-safe; the relay thread owns it.
 */
final class BrokerPublisher implements AutoCloseable {
  private final RelaySettings settings;
  private final EventSettings events;
  private final BrokerConnection connection;
  private final EventSpans spans;
  private KafkaProducer<String, String> producer;
  private boolean topicReady;

  BrokerPublisher(
      RelaySettings settings, EventSettings events, BrokerConnection connection, EventSpans spans) {
    this.settings = settings;
    this.events = events;
    this.connection = connection;
    this.spans = spans;
  }

  /**
   * Which rows the broker acknowledged, which it did not, the first error seen, and which of the
   * failed rows were refused for what they are (a non-retriable Kafka error such as a record too
   * large): sending them again cannot succeed, unlike a broker that is away.
   */
  record Outcome(Set<UUID> acknowledged, List<UUID> failed, Set<UUID> rejected, String error) {}

  /**
   * Sends the batch in waves: wave k holds the k-th row of every aggregate, and a wave starts only
   * after the previous one was acknowledged. Different aggregates go out together, but an event
   * never reaches the broker before its predecessor was acknowledged, so even a failed or expired
   * send cannot let a later event of the same aggregate overtake it.
   */
  Outcome publish(List<UnpublishedRow> batch) {
    ensureTopic();
    Map<String, List<UnpublishedRow>> byAggregate = new LinkedHashMap<>();
    for (UnpublishedRow p : batch) {
      byAggregate.computeIfAbsent(p.aggregateKey(), k -> new ArrayList<>()).add(p);
    }
    Sending sending = new Sending(System.nanoTime() + settings.sendTimeout().toNanos());
    int waves = byAggregate.values().stream().mapToInt(List::size).max().orElse(0);
    for (int wave = 0; wave < waves; wave++) {
      Map<UnpublishedRow, Future<RecordMetadata>> inFlight = send(wave, byAggregate, sending);
      if (producer != null) {
        // the wave is complete: send it now instead of waiting for linger.ms
        producer.flush();
      }
      sending.await(inFlight);
    }
    if (!sending.failed.isEmpty()) {
      // A fresh producer next time: no stale in-flight state from the failed batch.
      close();
    }
    return new Outcome(sending.acknowledged, sending.failed, sending.rejected, sending.error);
  }

  /** Sends the wave-th row of every aggregate whose earlier rows were all acknowledged. */
  private Map<UnpublishedRow, Future<RecordMetadata>> send(
      int wave, Map<String, List<UnpublishedRow>> byAggregate, Sending sending) {
    Map<UnpublishedRow, Future<RecordMetadata>> inFlight = new LinkedHashMap<>();
    for (List<UnpublishedRow> aggregate : byAggregate.values()) {
      if (wave >= aggregate.size()) {
        continue;
      }
      UnpublishedRow p = aggregate.get(wave);
      if (sending.stopped.contains(p.aggregateKey())) {
        sending.failed.add(p.id());
        continue;
      }
      // the span ends when the broker answers (or the producer gives up), on the producer's
      // thread
      Span span = spans.sending(p.topic(), p.id().toString(), p.type(), p.trace());
      try {
        inFlight.put(
            p, producer().send(record(p, span), (sent, failure) -> EventSpans.end(span, failure)));
      } catch (RuntimeException e) {
        EventSpans.end(span, e);
        sending.fail(p, e.toString());
      }
    }
    return inFlight;
  }

  /** What one batch's sends came to so far; an aggregate stops at its first failure. */
  private static final class Sending {
    final Set<String> stopped = new HashSet<>();
    final Set<UUID> acknowledged = new HashSet<>();
    final List<UUID> failed = new ArrayList<>();
    final Set<UUID> rejected = new HashSet<>();
    final long deadline;
    String error;

    Sending(long deadline) {
      this.deadline = deadline;
    }

    void fail(UnpublishedRow p, String why) {
      error = error == null ? why : error;
      stopped.add(p.aggregateKey());
      failed.add(p.id());
    }

    /** Waits for the wave's acknowledgements, all within the batch's one send timeout. */
    void await(Map<UnpublishedRow, Future<RecordMetadata>> inFlight) {
      for (Map.Entry<UnpublishedRow, Future<RecordMetadata>> entry : inFlight.entrySet()) {
        UnpublishedRow p = entry.getKey();
        try {
          entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          acknowledged.add(p.id());
        } catch (Exception e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          fail(p, rootMessage(e));
          if (refusedForWhatItIs(e)) {
            rejected.add(p.id());
          }
        }
      }
    }
  }

  /** A non-retriable Kafka API error about the record itself; a timeout or outage is not one. */
  static boolean refusedForWhatItIs(Throwable e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    return cause instanceof ApiException && !(cause instanceof RetriableException);
  }

  /**
   * The structured-mode event, and the send's span as W3C headers for whoever traces the Kafka hop;
   * the envelope keeps the command's own {@code traceparent}.
   */
  private static ProducerRecord<String, String> record(UnpublishedRow p, Span span) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(p.topic(), p.aggregateId(), p.payload());
    record
        .headers()
        .add("content-type", CloudEventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
    TraceParent.of(span).writeTo(record.headers());
    return record;
  }

  /**
   * The platform creates topics (contracts {@code EventBackbone}; brokers do not auto-create); a
   * relay on a permissive development broker creates its own topic if it is missing. A topic that
   * is missing and cannot be created is reported like an outage: rows wait, nothing is dropped.
   */
  private void ensureTopic() {
    if (topicReady) {
      return;
    }
    Properties props = connection.properties();
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(props)) {
      try {
        admin.describeTopics(List.of(events.topic())).allTopicNames().get(15, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw e;
        }
        createTopic(admin);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot use topic " + events.topic(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking " + events.topic(), e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot reach Kafka to check " + events.topic(), e);
    }
    topicReady = true;
  }

  private void createTopic(Admin admin) throws Exception {
    try {
      admin
          .createTopics(
              List.of(
                  new NewTopic(events.topic(), events.partitions(), events.replicationFactor())))
          .all()
          .get(15, TimeUnit.SECONDS);
      Log.infof("created topic %s with %d partitions", events.topic(), events.partitions());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "topic "
                + events.topic()
                + " does not exist and this service may not create it: the platform creates"
                + " topics (contracts EventBackbone)",
            e.getCause());
      }
    }
  }

  private KafkaProducer<String, String> producer() {
    if (producer == null) {
      Properties props = connection.properties();
      props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + events.service());
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
      props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
      int timeout = (int) settings.sendTimeout().toMillis();
      props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5_000, timeout / 2));
      props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
      props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5_000, timeout));
      props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
      props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      producer = new KafkaProducer<>(props);
    }
    return producer;
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.toString();
  }
}
