package cn.anshan.oversight.kit.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Meters whose values a service reads from its own database (issue 20 item 1): the kit's outbox
 * backlog, escrow's ledger and risk trips, audit's store. A gauge is read on the scrape's thread,
 * which must not wait for the database, so each value is an {@link AtomicLong} that a sample sets
 * every {@code oversight.metrics.sample-interval} on one thread of the service's own. A failed
 * sample keeps the last values (the database health check reports the database itself).
 */
@ApplicationScoped
public class SampledMeters {
  /** One sample: its queries on one statement, setting the meters' values. */
  @FunctionalInterface
  public interface Sample {
    void take(Statement statement) throws SQLException;
  }

  private final MeterRegistry registry;
  private final AgroalDataSource dataSource;
  private final Duration interval;
  private ScheduledExecutorService thread;

  public SampledMeters(
      MeterRegistry registry,
      AgroalDataSource dataSource,
      @ConfigProperty(name = "oversight.metrics.sample-interval", defaultValue = "15s")
          Duration interval) {
    this.registry = registry;
    this.dataSource = dataSource;
    this.interval = interval;
  }

  /** A gauge showing the returned value; {@code unit} may be null, {@code tags} are name/value. */
  public AtomicLong gauge(String name, String description, String unit, String... tags) {
    AtomicLong value = new AtomicLong();
    Gauge.builder(name, value, AtomicLong::get)
        .description(description)
        .baseUnit(unit)
        .tags(tags)
        .strongReference(true)
        .register(registry);
    return value;
  }

  /**
   * A counter showing the returned value: a total the database keeps (it never decreases), so
   * {@code increase()} gives the flow of any period across restarts. The counter holds the value
   * weakly: keep it in a field.
   */
  public AtomicLong total(String name, String description, String unit, String... tags) {
    AtomicLong value = new AtomicLong();
    FunctionCounter.builder(name, value, AtomicLong::get)
        .description(description)
        .baseUnit(unit)
        .tags(tags)
        .register(registry);
    return value;
  }

  /** Takes {@code sample} at once and then every sample interval, until the service stops. */
  public synchronized void every(String what, Sample sample) {
    if (thread == null) {
      thread =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "sampled-meters");
                t.setDaemon(true);
                return t;
              });
    }
    thread.scheduleWithFixedDelay(
        () -> take(what, sample), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The first column of a one-row query. */
  public static long single(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void take(String what, Sample sample) {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      sample.take(st);
    } catch (SQLException | RuntimeException e) {
      Log.debugf("%s: sample failed (%s)", what, e.toString());
    }
  }

  synchronized void stop(@Observes ShutdownEvent event) {
    if (thread != null) {
      thread.shutdownNow();
    }
  }
}
