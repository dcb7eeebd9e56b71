package cn.anshan.oversight.escrow.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Periodic duties: auto-confirmation of consumption (REL-02), auto-acceptance of refunds (REL-05)
 * and stale balances (row 13 d). On N replicas two runs may race; row locks on the orders and the
 * outbox's unique (aggregate, version) make the loser roll back, so nothing happens twice.
 */
@ApplicationScoped
public class EscrowWatch {
  private static final int BATCH = 200;

  private final ConsumptionService consumptions;
  private final RefundService refunds;
  private final RiskService risk;

  public EscrowWatch(ConsumptionService consumptions, RefundService refunds, RiskService risk) {
    this.consumptions = consumptions;
    this.refunds = refunds;
    this.risk = risk;
  }

  @Scheduled(
      every = "${oversight.escrow.watch-interval:1h}",
      delayed = "${oversight.escrow.watch-delay:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> run() {
    return duty("consumption auto-confirm", consumptions.autoConfirmDue(BATCH))
        .chain(() -> duty("refund auto-accept", refunds.autoAcceptDue(BATCH)))
        .chain(() -> duty("stale balance", risk.watchStale(BATCH)));
  }

  private static Uni<Void> duty(String name, Uni<Integer> work) {
    return work.invoke(
            acted -> {
              if (acted > 0) {
                Log.infof("%s watch acted on %d item(s)", name, acted);
              }
            })
        .onFailure()
        .invoke(e -> Log.warnf("%s watch failed, retrying next run: %s", name, e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }
}
