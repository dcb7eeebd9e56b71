package cn.anshan.oversight.audit.metrics;

import cn.anshan.oversight.kit.metrics.DatabaseSampler;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit store as an operator watches it (issue 20 item 1): records ingested by outcome (counted
 * by this replica once its batch committed, so their rate is the ingest rate), events in the signed
 * log (it grows at each checkpoint), seconds since the last signed checkpoint, open findings,
 * records set aside as unreadable or conflicting, and the outcome of every verification run.
 */
@ApplicationScoped
public class StoreMeters {
  private static final String LOGGED = "select coalesce(max(idx) + 1, 0) from log_leaf";
  private static final String CHECKPOINT_AGE =
      "select coalesce(extract(epoch from now() - max(created_at)), -1)::bigint from checkpoint";
  private static final String OPEN_FINDINGS =
      "select count(*) from finding where resolved_at is null";
  private static final String REJECTED = "select count(*) from rejected_record";

  private final MeterRegistry registry;
  private final AgroalDataSource dataSource;
  private final Duration interval;
  private final AtomicLong logged = new AtomicLong();
  private final AtomicLong checkpointAge = new AtomicLong(-1);
  private final AtomicLong openFindings = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private DatabaseSampler sampler;

  public StoreMeters(
      MeterRegistry registry,
      AgroalDataSource dataSource,
      @ConfigProperty(name = "oversight.metrics.sample-interval", defaultValue = "15s")
          Duration interval) {
    this.registry = registry;
    this.dataSource = dataSource;
    this.interval = interval;
  }

  void start(@Observes StartupEvent event) {
    FunctionCounter.builder("oversight.audit.logged", logged, AtomicLong::get)
        .description("Events in the signed log (appended at each checkpoint)")
        .baseUnit("events")
        .register(registry);
    for (String outcome : new String[] {"stored", "duplicate", "rejected"}) {
      ingest(outcome);
    }
    Gauge.builder("oversight.audit.checkpoint.age", checkpointAge, AtomicLong::get)
        .description("Seconds since the last signed checkpoint (-1 before the first)")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("oversight.audit.findings.open", openFindings, AtomicLong::get)
        .description("Compliance findings not resolved")
        .register(registry);
    Gauge.builder("oversight.audit.rejected", rejected, AtomicLong::get)
        .description("Records set aside as unreadable or as an event id with other bytes (PLT-11)")
        .baseUnit("records")
        .register(registry);
    for (String outcome : new String[] {"intact", "broken"}) {
      verification(outcome);
    }
    sampler = DatabaseSampler.start("store-meters", dataSource, interval, this::sample);
  }

  void stop(@Observes ShutdownEvent event) {
    if (sampler != null) {
      sampler.close();
    }
  }

  /** Counts one committed ingest batch: new events, re-deliveries, records set aside. */
  public void ingested(long stored, long duplicates, long rejected) {
    ingest("stored").increment(stored);
    ingest("duplicate").increment(duplicates);
    ingest("rejected").increment(rejected);
  }

  private Counter ingest(String outcome) {
    return Counter.builder("oversight.audit.ingested")
        .description("Consumed records by outcome: stored, a duplicate delivery, or set aside")
        .baseUnit("records")
        .tag("outcome", outcome)
        .register(registry);
  }

  /** Counts one verification run by whether the chains and checkpoints held. */
  public void verified(boolean intact) {
    verification(intact ? "intact" : "broken").increment();
  }

  private Counter verification(String outcome) {
    return Counter.builder("oversight.audit.verifications")
        .description("Verification runs by outcome: intact, or a chain or checkpoint broken")
        .tag("outcome", outcome)
        .register(registry);
  }

  void sample(Statement st) throws SQLException {
    logged.set(single(st, LOGGED));
    checkpointAge.set(single(st, CHECKPOINT_AGE));
    openFindings.set(single(st, OPEN_FINDINGS));
    rejected.set(single(st, REJECTED));
  }

  private static long single(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
