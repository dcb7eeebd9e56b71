package cn.anshan.oversight.kit.outbox;

import cn.anshan.oversight.kit.events.CloudEventEnvelope;
import cn.anshan.oversight.kit.events.EventSettings;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;

/**
 * Publishes committed outbox rows to Kafka (DESIGN §1) on one dedicated thread per replica.
 *
 * <ul>
 *   <li>wakes on {@code NOTIFY outbox_event}, with a polling fallback;
 *   <li>locks a batch with {@code FOR UPDATE SKIP LOCKED}, so N replicas share the work, and leaves
 *       out aggregates whose earlier events another replica holds, so per-aggregate order survives;
 *   <li>marks a row sent only after the broker acknowledged it (idempotent producer, acks=all); a
 *       failed row stops its aggregate's later rows in the batch, and the batch is retried after a
 *       back-off, so an outage delays events but never drops or reorders them.
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {
  private static final String LOCK_BATCH =
      "select id, aggregatetype, aggregateid, topic, payload::text, sequence from outbox_event "
          + "where sent_at is null order by sequence limit ? for update skip locked";
  private static final String EARLIEST_UNSENT =
      "select aggregatetype, aggregateid, min(sequence) from outbox_event "
          + "where sent_at is null and aggregateid = any(?) group by aggregatetype, aggregateid";
  private static final String MARK_SENT =
      "update outbox_event set sent_at = now(), attempts = attempts + 1 where id = any(?)";
  private static final String PURGE_SENT =
      "delete from outbox_event where sent_at < now() - make_interval(secs => ?)";
  private static final String PURGE_IDEMPOTENCY =
      "delete from idempotency_record where created_at < now() - make_interval(secs => ?)";
  private static final String MARK_FAILED =
      "update outbox_event set attempts = attempts + 1, last_error = ? where id = any(?)";

  private final AgroalDataSource dataSource;
  private final RelaySettings settings;
  private final EventSettings events;
  private final String bootstrapServers;

  private volatile boolean running;
  private Thread thread;
  private KafkaProducer<String, String> producer;
  private boolean topicReady;
  private long nextHousekeeping;

  public OutboxRelay(
      AgroalDataSource dataSource,
      RelaySettings settings,
      EventSettings events,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.events = events;
    this.bootstrapServers = bootstrapServers;
  }

  void start(@Observes StartupEvent event) {
    if (!settings.enabled()) {
      Log.info("outbox relay disabled");
      return;
    }
    running = true;
    nextHousekeeping = System.nanoTime();
    thread = new Thread(this::run, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread.join(Duration.ofSeconds(10).toMillis());
    }
    closeProducer();
  }

  private void run() {
    while (running) {
      try (Connection listener = dataSource.getConnection()) {
        listener.setAutoCommit(true);
        try (Statement st = listener.createStatement()) {
          st.execute("LISTEN outbox_event");
        }
        PGConnection pg = listener.unwrap(PGConnection.class);
        while (running) {
          drain();
          housekeeping();
          // Returns as soon as a NOTIFY arrives, else after the poll interval.
          pg.getNotifications((int) settings.pollInterval().toMillis());
        }
      } catch (Exception e) {
        if (!running) {
          return;
        }
        Log.warnf("outbox relay: %s; retrying in %s", e.toString(), settings.retryBackoff());
        pause();
      }
    }
  }

  /** Publishes until nothing is left or a batch fails; a failure pauses before the next try. */
  private void drain() throws SQLException {
    ensureTopic();
    while (running) {
      BatchOutcome outcome = publishBatch();
      if (outcome.failed() > 0) {
        pause();
        return;
      }
      if (outcome.sent() == 0) {
        return;
      }
    }
  }

  /**
   * Drops published rows and expired idempotency records, so neither table grows without bound.
   * Unsent rows are never touched, whatever their age.
   */
  private void housekeeping() throws SQLException {
    if (System.nanoTime() - nextHousekeeping < 0) {
      return;
    }
    nextHousekeeping = System.nanoTime() + settings.housekeepingInterval().toNanos();
    try (Connection c = dataSource.getConnection()) {
      int sent = purge(c, PURGE_SENT, settings.sentRetention());
      int keys = purge(c, PURGE_IDEMPOTENCY, settings.idempotencyRetention());
      if (sent + keys > 0) {
        Log.infof(
            "housekeeping: dropped %d published outbox rows, %d idempotency records", sent, keys);
      }
    }
  }

  private static int purge(Connection c, String sql, Duration retention) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, retention.toSeconds());
      return ps.executeUpdate();
    }
  }

  private record Pending(
      UUID id, String aggregateType, String aggregateId, String topic, String payload, long seq) {
    String aggregateKey() {
      return aggregateType + "/" + aggregateId;
    }
  }

  private record BatchOutcome(int sent, int failed) {}

  private BatchOutcome publishBatch() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<Pending> batch = withoutAggregatesHeldElsewhere(c, lockBatch(c));
        if (batch.isEmpty()) {
          c.commit();
          return new BatchOutcome(0, 0);
        }
        List<UUID> sent = new ArrayList<>();
        List<UUID> failed = new ArrayList<>();
        String error = publish(batch, sent, failed);
        markSent(c, sent);
        markFailed(c, error, failed);
        c.commit();
        if (!failed.isEmpty()) {
          Log.warnf(
              "outbox relay: %d sent, %d not acknowledged (%s)", sent.size(), failed.size(), error);
        }
        return new BatchOutcome(sent.size(), failed.size());
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private List<Pending> lockBatch(Connection c) throws SQLException {
    List<Pending> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(LOCK_BATCH)) {
      ps.setInt(1, settings.batchSize());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Pending(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getLong(6)));
        }
      }
    }
    return rows;
  }

  /**
   * SKIP LOCKED may hand us an aggregate's later rows while another replica holds its earlier ones;
   * publishing them now would reorder the aggregate, so they wait for the next round.
   */
  private List<Pending> withoutAggregatesHeldElsewhere(Connection c, List<Pending> batch)
      throws SQLException {
    if (batch.isEmpty()) {
      return batch;
    }
    Map<String, Long> firstInBatch = new HashMap<>();
    for (Pending p : batch) {
      firstInBatch.merge(p.aggregateKey(), p.seq(), Math::min);
    }
    Set<String> heldElsewhere = new HashSet<>();
    try (PreparedStatement ps = c.prepareStatement(EARLIEST_UNSENT)) {
      Array ids =
          c.createArrayOf(
              "text", batch.stream().map(Pending::aggregateId).distinct().toArray(String[]::new));
      ps.setArray(1, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String key = rs.getString(1) + "/" + rs.getString(2);
          Long first = firstInBatch.get(key);
          if (first != null && rs.getLong(3) < first) {
            heldElsewhere.add(key);
          }
        }
      }
    }
    return heldElsewhere.isEmpty()
        ? batch
        : batch.stream().filter(p -> !heldElsewhere.contains(p.aggregateKey())).toList();
  }

  /**
   * Sends the batch in waves: wave k holds the k-th row of every aggregate, and a wave starts only
   * after the previous one was acknowledged. Different aggregates go out in parallel, but an event
   * never reaches the broker before its predecessor was acknowledged, so even a failed or expired
   * send cannot let a later event of the same aggregate overtake it. Returns the first error.
   */
  private String publish(List<Pending> batch, List<UUID> sent, List<UUID> failed) {
    Map<String, List<Pending>> byAggregate = new LinkedHashMap<>();
    for (Pending p : batch) {
      byAggregate.computeIfAbsent(p.aggregateKey(), k -> new ArrayList<>()).add(p);
    }
    Set<String> stopped = new HashSet<>();
    String error = null;
    long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
    int waves = byAggregate.values().stream().mapToInt(List::size).max().orElse(0);
    for (int wave = 0; wave < waves; wave++) {
      Map<Pending, Future<RecordMetadata>> inFlight = new LinkedHashMap<>();
      for (Map.Entry<String, List<Pending>> aggregate : byAggregate.entrySet()) {
        if (wave >= aggregate.getValue().size()) {
          continue;
        }
        Pending p = aggregate.getValue().get(wave);
        if (stopped.contains(aggregate.getKey())) {
          failed.add(p.id());
          continue;
        }
        try {
          inFlight.put(p, producer().send(record(p)));
        } catch (RuntimeException e) {
          error = error == null ? e.toString() : error;
          stopped.add(p.aggregateKey());
          failed.add(p.id());
        }
      }
      for (Map.Entry<Pending, Future<RecordMetadata>> entry : inFlight.entrySet()) {
        Pending p = entry.getKey();
        try {
          entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          sent.add(p.id());
        } catch (Exception e) {
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
          }
          error = error == null ? rootMessage(e) : error;
          stopped.add(p.aggregateKey());
          failed.add(p.id());
        }
      }
    }
    if (!failed.isEmpty()) {
      // A fresh producer next time: no stale in-flight state from the failed batch.
      closeProducer();
    }
    return error;
  }

  private static ProducerRecord<String, String> record(Pending p) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(p.topic(), p.aggregateId(), p.payload());
    record
        .headers()
        .add("content-type", CloudEventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
    return record;
  }

  private void markSent(Connection c, List<UUID> ids) throws SQLException {
    if (!ids.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(MARK_SENT)) {
        ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
        ps.executeUpdate();
      }
    }
  }

  private void markFailed(Connection c, String error, List<UUID> ids) throws SQLException {
    if (!ids.isEmpty()) {
      String message = String.valueOf(error);
      try (PreparedStatement ps = c.prepareStatement(MARK_FAILED)) {
        ps.setString(1, message.length() > 1000 ? message.substring(0, 1000) : message);
        ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
        ps.executeUpdate();
      }
    }
  }

  private void ensureTopic() {
    if (topicReady) {
      return;
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(props)) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(events.topic(), events.partitions(), events.replicationFactor())))
          .all()
          .get(15, TimeUnit.SECONDS);
      Log.infof("created topic %s with %d partitions", events.topic(), events.partitions());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + events.topic(), e.getCause());
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot reach Kafka to create " + events.topic(), e);
    }
    topicReady = true;
  }

  private KafkaProducer<String, String> producer() {
    if (producer == null) {
      Properties props = new Properties();
      props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
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

  private void closeProducer() {
    if (producer != null) {
      producer.close(Duration.ZERO);
      producer = null;
    }
  }

  private void pause() {
    try {
      Thread.sleep(settings.retryBackoff().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
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
