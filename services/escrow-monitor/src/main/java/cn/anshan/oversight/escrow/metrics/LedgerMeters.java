package cn.anshan.oversight.escrow.metrics;

import cn.anshan.oversight.escrow.domain.ledger.AccountType;
import cn.anshan.oversight.kit.metrics.SampledMeters;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

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

  private final SampledMeters meters;
  private AtomicLong supervised;
  private AtomicLong reserved;
  private AtomicLong paidIn;
  private AtomicLong released;
  private AtomicLong refunded;

  public LedgerMeters(SampledMeters meters) {
    this.meters = meters;
  }

  void start(@Observes StartupEvent event) {
    supervised =
        meters.gauge(
            "oversight.escrow.supervised",
            "Prepaid money held in custody for families, reserved lessons included",
            "fen");
    reserved =
        meters.gauge(
            "oversight.escrow.reserved",
            "Money reserved for requested lessons awaiting the parent's confirmation",
            "fen");
    paidIn =
        meters.total(
            "oversight.escrow.paid.in", "Prepayments received into custody (PRE-05)", "fen");
    released =
        meters.total(
            "oversight.escrow.released",
            "Money released to institutions for confirmed lessons (REL-02)",
            "fen");
    refunded =
        meters.total("oversight.escrow.refunded", "Money refunded to families (REL-05)", "fen");
    meters.every("ledger meters", this::sample);
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
