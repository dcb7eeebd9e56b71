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
 * The audit store as an operator watches it (issue 20 item 1): events stored (a counter, so its
 * rate is the ingest rate), seconds since the last signed checkpoint, open findings, records set
 * aside as unreadable or conflicting, and the outcome of every verification run.
 */
@ApplicationScoped
public class StoreMeters {
  private static final String STORED = "select coalesce(max(idx) + 1, 0) from log_leaf";
  private static final String CHECKPOINT_AGE =
      "select coalesce(extract(epoch from now() - max(created_at)), -1)::bigint from checkpoint";
  private static final String OPEN_FINDINGS =
      "select count(*) from finding where resolved_at is null";
  private static final String REJECTED = "select count(*) from rejected_record";

  private final MeterRegistry registry;
  private final AgroalDataSource dataSource;
  private final Duration interval;
  private final AtomicLong stored = new AtomicLong();
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
    FunctionCounter.builder("oversight.audit.stored", stored, AtomicLong::get)
        .description("Events appended to the audit log; its rate is the ingest rate")
        .baseUnit("events")
        .register(registry);
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
    stored.set(single(st, STORED));
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
