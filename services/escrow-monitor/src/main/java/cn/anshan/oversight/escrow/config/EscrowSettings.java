package cn.anshan.oversight.escrow.config;

import cn.anshan.oversight.escrow.domain.risk.SalesSpike;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;

/** Every tunable rule of prepayment supervision (DOMAIN.md §10); never literals in code. */
@ConfigMapping(prefix = "oversight.escrow")
public interface EscrowSettings {

  Prepay prepay();

  Supervision supervision();

  Release release();

  Refund refund();

  Risk risk();

  Bank bank();

  /** Largest page a list returns. */
  @WithDefault("100")
  int maxPageSize();

  /** Interval of the watch that auto-confirms, auto-accepts and looks for stale balances. */
  @WithDefault("1h")
  String watchInterval();

  /** Interval of the watch that resumes REL-09 exit refunds beyond the first batch. */
  @WithDefault("30s")
  String exitRefundInterval();

  /** Delay of the watch's first run after start. */
  @WithDefault("10s")
  String watchDelay();

  interface Prepay {
    /** LN-PRE-04 / PRE-20: {@code prepay.maxMonths}. */
    @WithDefault("3")
    int maxMonths();

    /** LN-PRE-04 / PRE-22: {@code prepay.maxClassHours} (one lesson = one class hour). */
    @WithDefault("60")
    int maxClassHours();

    /** PRE-20: {@code prepay.maxAmountYuan.nonSubject}, in fen. */
    @WithDefault("500000")
    long maxAmountFenNonSubject();

    /** PRE-21: {@code prepay.maxAmountYuan.subject}, in fen (UNCONFIRMED for Liaoning). */
    @WithDefault("500000")
    long maxAmountFenSubject();

    /** PRE-21: whether the amount cap applies to SUBJECT courses too (UNCONFIRMED flag). */
    @WithDefault("true")
    boolean subjectAmountCapEnabled();

    /** PRE-23: {@code prepay.earliestBeforeCourseDays}. */
    @WithDefault("30")
    int earliestBeforeCourseDays();

    /**
     * PRE-23, hour-based alternative: {@code prepay.earliestRemainingHours}; a renewal may be
     * collected earlier once the family's current package of the course has this many class hours
     * left or fewer.
     */
    @WithDefault("20")
    int earliestRemainingHours();

    /**
     * PRE-24: first days of school terms; an order whose period contains a term start after its own
     * first day spans two terms. Orders ending after the last one are refused (the check cannot be
     * made), and readiness warns 60 days before (check {@code school-calendar}). 2027-09-01 is
     * assumed (autumn terms start on 1 September): replace it with the bureau's calendar.
     */
    @WithDefault("2025-09-01,2026-03-01,2026-09-01,2027-03-01,2027-09-01")
    List<LocalDate> termStarts();

    /** LN-PRE-04 split orders: rolling window in days over which one family's orders add up. */
    @WithDefault("90")
    int splitWindowDays();

    /** CON-09: the model contract version the Liaoning guide requires. */
    @WithDefault("GF-2021-2604")
    String contractTemplate();

    /**
     * CON-05: the most instalments one order may be paid in (no published number: local choice, one
     * a month over LN-PRE-04's three months).
     */
    @WithDefault("3")
    int maxInstalments();
  }

  interface Supervision {
    /** PRE-09: modes localities may choose; {@code escrow.mode}. */
    @WithDefault("CUSTODY,RISK_RESERVE")
    List<String> allowedModes();

    /** PRE-13 / LN-PRE-03: {@code escrow.riskReserve.minAmount} in fen (UNCONFIRMED). */
    @WithDefault("5000000")
    long riskReserveMinFen();
  }

  interface Bank {
    /**
     * REL-13 (control of large fund movements): the most one bank report may move or state, in fen
     * (default 100 million yuan). Bounds every amount before it reaches the ledger, whose
     * arithmetic is overflow-checked as well.
     */
    @WithDefault("10000000000")
    long maxMovementFen();
  }

  interface Release {
    /** REL-02 / REL-03: {@code release.autoConfirmWorkingDays}. */
    @WithDefault("15")
    int autoConfirmWorkingDays();
  }

  interface Refund {
    /** REL-05: {@code refund.institutionAutoAcceptWorkingDays}. */
    @WithDefault("5")
    int institutionAutoAcceptWorkingDays();

    /**
     * REL-09: open orders refunded in the transaction of the registry event that took the
     * institution's standing away; the rest follow from the exit-refund watch, batch by batch.
     */
    @WithDefault("100")
    int exitInlineBatch();
  }

  interface Risk {
    /** Row 13 (a): coverage below this ratio trips; graded RED below {@code coverageRed}. */
    @WithDefault("1.0")
    double coverageMin();

    @WithDefault("0.8")
    double coverageRed();

    /** Row 13 (b): a window's sales above this multiple of the baseline's average window. */
    @WithDefault("2.0")
    double salesSpikeFactor();

    /** Row 13 (b): sales in fen below which no spike is reported (a new institution). */
    @WithDefault("100000")
    long salesSpikeMinFen();

    /** Row 13 (b): the days of sales compared with the baseline (a week). */
    @WithDefault("7")
    @Min(1)
    int salesSpikeWindowDays();

    /** Row 13 (b): how many windows before the last one make its baseline (4 weeks). */
    @WithDefault("4")
    @Min(1)
    int salesSpikeBaselineWindows();

    default SalesSpike salesSpike() {
      return new SalesSpike(
          salesSpikeWindowDays(),
          salesSpikeBaselineWindows(),
          salesSpikeFactor(),
          salesSpikeMinFen());
    }

    /** Row 13 (c): refund requests for one institution in 7 days that count as a surge. */
    @WithDefault("5")
    int refundSurgeCount();

    /**
     * PRE-08 / PRE-25: a difference between the bank's stated custody balance and the ledger's, in
     * fen, that is not yet a finding (0: every fen counts).
     */
    @WithDefault("0")
    long reconciliationToleranceFen();

    /** Row 13 (d): days without any consumption after which an unconsumed balance is stale. */
    @WithDefault("30")
    int staleBalanceDays();

    /**
     * PLT-14 fast consumption: lessons of one order asked for in 7 days beyond which it trips (no
     * published number: one a day).
     */
    @WithDefault("7")
    int fastConsumptionLessonsPerWeek();
  }
}
