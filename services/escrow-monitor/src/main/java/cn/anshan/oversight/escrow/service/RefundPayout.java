package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.domain.ledger.JournalEntry;
import cn.anshan.oversight.escrow.domain.ledger.Ledger;
import cn.anshan.oversight.escrow.domain.ledger.Movements;
import cn.anshan.oversight.escrow.domain.order.Acceptance;
import cn.anshan.oversight.escrow.domain.order.Consumption;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.Refund;
import cn.anshan.oversight.escrow.repository.ConsumptionRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.time.OversightClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How every refund is paid, whoever accepted it (the institution, its silence, the regulator, the
 * cooling-off right or the institution's exit): in the caller's transaction, with the order locked.
 */
@ApplicationScoped
public class RefundPayout {
  private final Ledgers ledgers;
  private final ConsumptionRepository consumptions;
  private final Outbox outbox;
  private final OversightClock clock;

  public RefundPayout(
      Ledgers ledgers, ConsumptionRepository consumptions, Outbox outbox, OversightClock clock) {
    this.ledgers = ledgers;
    this.consumptions = consumptions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Voids every unresolved reservation of the order back to the family and pays the family's
   * remaining balance out of custody by the original route (REL-05); requested or disputed lessons
   * not yet released are withdrawn with it.
   */
  public Uni<Void> pay(
      CommandContext context, Order order, Refund refund, Acceptance acceptedBy, String rule) {
    Instant now = clock.now();
    return ledgers
        .forOrder(order, true, ledger -> payOut(ledger, order, refund, now))
        .call(() -> withdrawLessons(order, now))
        .chain(
            paid ->
                outbox.append(
                    context,
                    order.record(
                        refund.paid(
                            order,
                            acceptedBy,
                            paid.amountFen(),
                            paid.voidedReservations(),
                            rule,
                            now))));
  }

  /** What left custody for the family, and how many reservations it voided. */
  private record Payout(long amountFen, int voidedReservations) {}

  private static Payout payOut(Ledger ledger, Order order, Refund refund, Instant now) {
    List<UUID> open = ledger.unresolved().stream().map(JournalEntry::id).toList();
    long amount =
        Movements.refund(
            ledger, order.institutionId(), order.id(), open, "refund:" + refund.id(), now);
    return new Payout(amount, open.size());
  }

  private Uni<Void> withdrawLessons(Order order, Instant now) {
    return consumptions
        .ofOrder(order.id())
        .invoke((List<Consumption> all) -> all.forEach(c -> c.cancelled(now)))
        .replaceWithVoid();
  }
}
