package cn.anshan.oversight.kit.metrics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads a service's gauges from its database every {@code oversight.metrics.sample-interval} on a
 * thread of its own: a gauge is read on the scrape's thread, which must not wait for the database.
 * A failed sample keeps the last values (the database health check reports the database itself).
 */
public final class DatabaseSampler implements AutoCloseable {
  /** One sample: its queries on one statement, setting the gauges' values. */
  @FunctionalInterface
  public interface Sample {
    void take(Statement statement) throws SQLException;
  }

  private final ScheduledExecutorService thread;

  private DatabaseSampler(ScheduledExecutorService thread) {
    this.thread = thread;
  }

  /** Samples at once and then every {@code interval} until closed. */
  public static DatabaseSampler start(
      String name, AgroalDataSource dataSource, Duration interval, Sample sample) {
    ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(
        () -> take(name, dataSource, sample), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return new DatabaseSampler(thread);
  }

  private static void take(String name, AgroalDataSource dataSource, Sample sample) {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      sample.take(st);
    } catch (SQLException | RuntimeException e) {
      Log.debugf("%s: sample failed (%s)", name, e.toString());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
