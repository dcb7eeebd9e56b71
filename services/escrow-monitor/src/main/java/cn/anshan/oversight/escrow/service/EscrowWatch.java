package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.kit.watch.WatchDuty;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Periodic duties: auto-confirmation of consumption (REL-02), auto-acceptance of refunds (REL-05),
 * stale balances (row 13 d) and, on their own interval, the exit refunds of institutions that lost
 * their standing (REL-09). On N replicas two runs may race; row locks on the orders and the
 * outbox's unique (aggregate, version) make the loser roll back, so nothing happens twice.
 */
@ApplicationScoped
public class EscrowWatch {
  private static final int BATCH = 200;

  private final ConsumptionService consumptions;
  private final RefundService refunds;
  private final ExitRefundService exits;
  private final RiskService risk;

  public EscrowWatch(
      ConsumptionService consumptions,
      RefundService refunds,
      ExitRefundService exits,
      RiskService risk) {
    this.consumptions = consumptions;
    this.refunds = refunds;
    this.exits = exits;
    this.risk = risk;
  }

  @Scheduled(
      every = "${oversight.escrow.watch-interval:1h}",
      delayed = "${oversight.escrow.watch-delay:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> run() {
    return WatchDuty.run("consumption auto-confirm", consumptions.autoConfirmDue(BATCH))
        .chain(() -> WatchDuty.run("refund auto-accept", refunds.autoAcceptDue(BATCH)))
        .chain(() -> WatchDuty.run("stale balance", risk.watchStale(BATCH)));
  }

  /** REL-09: exit refunds beyond the first batch, resumed after any restart. */
  @Scheduled(
      every = "${oversight.escrow.exit-refund-interval:30s}",
      delayed = "${oversight.escrow.watch-delay:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> exitRefunds() {
    return WatchDuty.run("exit refund", exits.exitRefundsDue(BATCH));
  }
}
