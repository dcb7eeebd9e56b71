package cn.anshan.oversight.kit.metrics;

import cn.anshan.oversight.kit.inbox.EventConsumer;
import cn.anshan.oversight.kit.outbox.OutboxHealth;
import cn.anshan.oversight.kit.outbox.OutboxRelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What waits in the service's database (issue 20 item 1): the outbox backlog, the age of its oldest
 * row, quarantined rows, whether this replica leads the relay, and open parked events per consumer.
 * Sampled by {@link SampledMeters}. Every consumer's parked gauge exists from the start (at 0), so
 * an alert on it has a series to watch before the first record is parked.
 */
@ApplicationScoped
public class BacklogMeters {
  private static final String PARKED =
      "select consumer, count(*) from parked_event where replayed_at is null group by consumer";

  private final SampledMeters meters;
  private final MeterRegistry registry;
  private final OutboxRelay relay;
  private final Instance<EventConsumer> consumers;
  private final Map<String, AtomicLong> parked = new ConcurrentHashMap<>();
  private AtomicLong backlog;
  private AtomicLong oldestSeconds;
  private AtomicLong quarantined;

  public BacklogMeters(
      SampledMeters meters,
      MeterRegistry registry,
      OutboxRelay relay,
      Instance<EventConsumer> consumers) {
    this.meters = meters;
    this.registry = registry;
    this.relay = relay;
    this.consumers = consumers;
  }

  void start(@Observes StartupEvent event) {
    backlog =
        meters.gauge(
            "oversight.outbox.backlog",
            "Outbox events not yet acknowledged by the broker",
            "events");
    oldestSeconds =
        meters.gauge(
            "oversight.outbox.oldest.unsent.age",
            "Age of the oldest outbox event not yet acknowledged (0 when none)",
            "seconds");
    quarantined =
        meters.gauge(
            "oversight.outbox.quarantined", "Outbox events quarantined and not released", "events");
    Gauge.builder("oversight.relay.leader", relay, r -> r.leading() ? 1 : 0)
        .description("1 while this replica numbers and publishes the outbox")
        .register(registry);
    for (EventConsumer consumer : consumers) {
      parkedFor(consumer.name());
    }
    meters.every("backlog meters", this::sample);
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
        name ->
            meters.gauge(
                "oversight.inbox.parked",
                "Consumed events parked and not replayed, per consumer group",
                "events",
                "consumer",
                name));
  }
}
