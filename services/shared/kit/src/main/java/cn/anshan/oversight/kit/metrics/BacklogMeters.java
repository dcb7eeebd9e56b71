package cn.anshan.oversight.kit.metrics;

import cn.anshan.oversight.kit.outbox.OutboxHealth;
import cn.anshan.oversight.kit.outbox.OutboxRelay;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What waits in the service's database (issue 20 item 1): the outbox backlog, the age of its oldest
 * row, quarantined rows, whether this replica leads the relay, and open parked events per consumer.
 * Sampled every {@code oversight.metrics.sample-interval} on a thread of its own, because a gauge
 * is read on the scrape's thread and must not wait for the database.
 */
@ApplicationScoped
public class BacklogMeters {
  private static final String PARKED =
      "select consumer, count(*) from parked_event where replayed_at is null group by consumer";

  private final MeterRegistry registry;
  private final AgroalDataSource dataSource;
  private final OutboxRelay relay;
  private final long intervalMillis;
  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestSeconds = new AtomicLong();
  private final AtomicLong quarantined = new AtomicLong();
  private final Map<String, AtomicLong> parked = new ConcurrentHashMap<>();
  private ScheduledExecutorService sampler;

  public BacklogMeters(
      MeterRegistry registry,
      AgroalDataSource dataSource,
      OutboxRelay relay,
      @ConfigProperty(name = "oversight.metrics.sample-interval", defaultValue = "15s")
          Duration interval) {
    this.registry = registry;
    this.dataSource = dataSource;
    this.relay = relay;
    this.intervalMillis = interval.toMillis();
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
    sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "backlog-meters");
              t.setDaemon(true);
              return t;
            });
    sampler.scheduleWithFixedDelay(this::sample, 0, intervalMillis, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (sampler != null) {
      sampler.shutdownNow();
    }
  }

  /** One sample of both tables; a failure keeps the last values (the database check reports it). */
  void sample() {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
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
    } catch (SQLException | RuntimeException e) {
      Log.debugf("backlog meters: sample failed (%s)", e.toString());
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
