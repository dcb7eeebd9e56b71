package cn.anshan.oversight.escrow.metrics;

import cn.anshan.oversight.escrow.domain.ledger.AccountType;
import cn.anshan.oversight.kit.metrics.DatabaseSampler;
import io.agroal.api.AgroalDataSource;
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
 * The money the platform supervises, in fen, from the ledger's account totals (issue 20 item 1):
 * under supervision now and reserved for requested lessons (gauges), and paid in, released to
 * institutions and refunded to families since the ledger began (counters, so {@code increase()}
 * gives the flow of any period). One snapshot of {@code ledger_account} per sample, so the figures
 * agree with each other; every replica reports the same platform-wide values.
 */
@ApplicationScoped
public class LedgerMeters {
  private static final String TOTALS =
      """
      select type, coalesce(sum(debits_posted), 0), coalesce(sum(credits_posted), 0),
             coalesce(sum(debits_pending), 0)
      from ledger_account where type in ('FAMILY_ESCROW', 'INSTITUTION_PAYABLE') group by type
      """;

  private final MeterRegistry registry;
  private final AgroalDataSource dataSource;
  private final Duration interval;
  private final AtomicLong supervised = new AtomicLong();
  private final AtomicLong reserved = new AtomicLong();
  private final AtomicLong paidIn = new AtomicLong();
  private final AtomicLong released = new AtomicLong();
  private final AtomicLong refunded = new AtomicLong();
  private DatabaseSampler sampler;

  public LedgerMeters(
      MeterRegistry registry,
      AgroalDataSource dataSource,
      @ConfigProperty(name = "oversight.metrics.sample-interval", defaultValue = "15s")
          Duration interval) {
    this.registry = registry;
    this.dataSource = dataSource;
    this.interval = interval;
  }

  void start(@Observes StartupEvent event) {
    Gauge.builder("oversight.escrow.supervised", supervised, AtomicLong::get)
        .description("Prepaid money held in custody for families, reserved lessons included")
        .baseUnit("fen")
        .register(registry);
    Gauge.builder("oversight.escrow.reserved", reserved, AtomicLong::get)
        .description("Money reserved for requested lessons awaiting the parent's confirmation")
        .baseUnit("fen")
        .register(registry);
    FunctionCounter.builder("oversight.escrow.paid.in", paidIn, AtomicLong::get)
        .description("Prepayments received into custody (PRE-05)")
        .baseUnit("fen")
        .register(registry);
    FunctionCounter.builder("oversight.escrow.released", released, AtomicLong::get)
        .description("Money released to institutions for confirmed lessons (REL-02)")
        .baseUnit("fen")
        .register(registry);
    FunctionCounter.builder("oversight.escrow.refunded", refunded, AtomicLong::get)
        .description("Money refunded to families (REL-05)")
        .baseUnit("fen")
        .register(registry);
    sampler = DatabaseSampler.start("ledger-meters", dataSource, interval, this::sample);
  }

  void stop(@Observes ShutdownEvent event) {
    if (sampler != null) {
      sampler.close();
    }
  }

  /**
   * A family's escrow is credited when it pays and debited when a lesson is released or money is
   * refunded; whatever is debited and not credited to the institution's payable was refunded.
   */
  void sample(Statement st) throws SQLException {
    long familyDebits = 0;
    long familyCredits = 0;
    long familyPending = 0;
    long institutionCredits = 0;
    try (ResultSet rs = st.executeQuery(TOTALS)) {
      while (rs.next()) {
        if (AccountType.FAMILY_ESCROW.name().equals(rs.getString(1))) {
          familyDebits = rs.getLong(2);
          familyCredits = rs.getLong(3);
          familyPending = rs.getLong(4);
        } else {
          institutionCredits = rs.getLong(3);
        }
      }
    }
    supervised.set(familyCredits - familyDebits);
    reserved.set(familyPending);
    paidIn.set(familyCredits);
    released.set(institutionCredits);
    refunded.set(familyDebits - institutionCredits);
  }
}
