package cn.anshan.oversight.audit.metrics;

import static cn.anshan.oversight.kit.metrics.SampledMeters.single;

import cn.anshan.oversight.kit.metrics.SampledMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

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
  private static final String SET_ASIDE = "select count(*) from rejected_record";

  private final SampledMeters meters;
  private final Counter stored;
  private final Counter duplicates;
  private final Counter unreadable;
  private final Counter intact;
  private final Counter broken;
  private AtomicLong logged;
  private AtomicLong checkpointAge;
  private AtomicLong openFindings;
  private AtomicLong setAside;

  public StoreMeters(SampledMeters meters, MeterRegistry registry) {
    this.meters = meters;
    this.stored = ingest(registry, "stored");
    this.duplicates = ingest(registry, "duplicate");
    this.unreadable = ingest(registry, "rejected");
    this.intact = verification(registry, "intact");
    this.broken = verification(registry, "broken");
  }

  void start(@Observes StartupEvent event) {
    logged =
        meters.total(
            "oversight.audit.logged",
            "Events in the signed log (appended at each checkpoint)",
            "events");
    checkpointAge =
        meters.gauge(
            "oversight.audit.checkpoint.age",
            "Seconds since the last signed checkpoint (-1 before the first)",
            "seconds");
    openFindings =
        meters.gauge("oversight.audit.findings.open", "Compliance findings not resolved", null);
    setAside =
        meters.gauge(
            "oversight.audit.rejected",
            "Records set aside as unreadable or as an event id with other bytes (PLT-11)",
            "records");
    meters.every("store meters", this::sample);
  }

  /** Counts one committed ingest batch: new events, re-deliveries, unreadable records. */
  public void ingested(long stored, long duplicates, long unreadable) {
    this.stored.increment(stored);
    this.duplicates.increment(duplicates);
    this.unreadable.increment(unreadable);
  }

  /** Counts one verification run by whether the chains and checkpoints held. */
  public void verified(boolean intact) {
    (intact ? this.intact : this.broken).increment();
  }

  void sample(Statement st) throws SQLException {
    logged.set(single(st, LOGGED));
    checkpointAge.set(single(st, CHECKPOINT_AGE));
    openFindings.set(single(st, OPEN_FINDINGS));
    setAside.set(single(st, SET_ASIDE));
  }

  private static Counter ingest(MeterRegistry registry, String outcome) {
    return Counter.builder("oversight.audit.ingested")
        .description("Consumed records by outcome: stored, a duplicate delivery, or unreadable")
        .baseUnit("records")
        .tag("outcome", outcome)
        .register(registry);
  }

  private static Counter verification(MeterRegistry registry, String outcome) {
    return Counter.builder("oversight.audit.verifications")
        .description("Verification runs by outcome: intact, or a chain or checkpoint broken")
        .tag("outcome", outcome)
        .register(registry);
  }
}
