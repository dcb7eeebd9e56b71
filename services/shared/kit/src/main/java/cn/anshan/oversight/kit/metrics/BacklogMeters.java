package cn.anshan.oversight.kit.metrics;

import cn.anshan.oversight.kit.inbox.EventConsumer;
import cn.anshan.oversight.kit.outbox.OutboxHealth;
import cn.anshan.oversight.kit.outbox.OutboxRelay;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What waits in the service's database (issue 20 item 1): the outbox backlog, the age of its oldest
 * row, quarantined rows, whether this replica leads the relay, and open parked events per consumer.
 * Sampled by a {@link DatabaseSampler}. Every consumer's parked gauge exists from the start (at 0),
 * so an alert on it has a series to watch before the first record is parked.
 */
@ApplicationScoped
public class BacklogMeters {
  private static final String PARKED =
      "select consumer, count(*) from parked_event where replayed_at is null group by consumer";

  private final MeterRegistry registry;
  private final AgroalDataSource dataSource;
  private final OutboxRelay relay;
  private final Duration interval;
  private final Instance<EventConsumer> consumers;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestSeconds = new AtomicLong();
  private final AtomicLong quarantined = new AtomicLong();
  private final Map<String, AtomicLong> parked = new ConcurrentHashMap<>();
  private DatabaseSampler sampler;

  public BacklogMeters(
      MeterRegistry registry,
      AgroalDataSource dataSource,
      OutboxRelay relay,
      Instance<EventConsumer> consumers,
      @ConfigProperty(name = "oversight.metrics.sample-interval", defaultValue = "15s")
          Duration interval) {
    this.registry = registry;
    this.dataSource = dataSource;
    this.relay = relay;
    this.consumers = consumers;
    this.interval = interval;
  }

  void start(@Observes StartupEvent event) {
    Gauge.builder("oversight.outbox.backlog", backlog, AtomicLong::get)
        .description("Outbox events not yet acknowledged by the broker")
        .baseUnit("events")
        .register(registry);
    Gauge.builder("oversight.outbox.oldest.unsent.age", oldestSeconds, AtomicLong::get)
        .description("Age of the oldest outbox event not yet acknowledged (0 when none)")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("oversight.outbox.quarantined", quarantined, AtomicLong::get)
        .description("Outbox events quarantined and not released")
        .baseUnit("events")
        .register(registry);
    Gauge.builder("oversight.relay.leader", relay, r -> r.leading() ? 1 : 0)
        .description("1 while this replica numbers and publishes the outbox")
        .register(registry);
    for (EventConsumer consumer : consumers) {
      parkedFor(consumer.name());
    }
    sampler = DatabaseSampler.start("backlog-meters", dataSource, interval, this::sample);
  }

  void stop(@Observes ShutdownEvent event) {
    if (sampler != null) {
      sampler.close();
    }
  }

  /** One sample of both tables. */
  void sample(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery(OutboxHealth.BACKLOG)) {
      rs.next();
      backlog.set(rs.getLong(1));
      oldestSeconds.set(rs.getLong(2));
      quarantined.set(rs.getLong(3));
    }
    parked.values().forEach(open -> open.set(0));
    try (ResultSet rs = st.executeQuery(PARKED)) {
      while (rs.next()) {
        parkedFor(rs.getString(1)).set(rs.getLong(2));
      }
    }
  }

  /** One gauge per consumer group: a handful per service, never per event. */
  private AtomicLong parkedFor(String consumer) {
    return parked.computeIfAbsent(
        consumer,
        name -> {
          AtomicLong open = new AtomicLong();
          Gauge.builder("oversight.inbox.parked", open, AtomicLong::get)
              .description("Consumed events parked and not replayed, per consumer group")
              .baseUnit("events")
              .tag("consumer", name)
              .register(registry);
          return open;
        });
  }
}
