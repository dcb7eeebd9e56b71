package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.domain.order.Acceptance;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.OrderChange;
import cn.anshan.oversight.escrow.domain.order.Refund;
import cn.anshan.oversight.escrow.domain.order.SaleRules;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.RefundRepository;
import cn.anshan.oversight.kit.db.OneAtATime;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.watch.WatchLock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Refunds nobody asked for (REL-09, CON-08, LST-01): when the registry reports an institution
 * revoked or black-listed, every open order is refunded in full of its unconsumed balance, and a
 * payment that reaches custody while the institution may not collect goes straight back.
 */
@ApplicationScoped
public class ExitRefundService {
  private final OrderRepository orders;
  private final RefundRepository refunds;
  private final RefundPayout payout;
  private final Outbox outbox;
  private final OversightClock clock;

  public ExitRefundService(
      OrderRepository orders,
      RefundRepository refunds,
      RefundPayout payout,
      Outbox outbox,
      OversightClock clock) {
    this.orders = orders;
    this.refunds = refunds;
    this.payout = payout;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * REL-09 / CON-08: the institution lost its standing (revoked or black-listed): its open orders
   * are refunded in full of their unconsumed balance, without waiting for anyone, up to {@code
   * limit} of them in the transaction of the consumed registry event; {@link #exitRefundsDue}
   * refunds the rest.
   */
  public Uni<Integer> refundOpenOf(CommandContext system, String institutionId, int limit) {
    return orders
        .openOf(institutionId, limit)
        .chain(open -> OneAtATime.sum(open, candidate -> refundLocked(system, candidate.id())));
  }

  private Uni<Integer> refundLocked(CommandContext system, UUID orderId) {
    return orders
        .findForUpdate(orderId)
        .chain(order -> refundForExit(system, order, Refund.INSTITUTION_EXIT_RULE))
        .replaceWith(1);
  }

  /**
   * REL-09 resumed: open orders of institutions whose standing is lost, a batch per run, in one
   * transaction; whatever a crash interrupts is still open and found by the next run. Each refund
   * keeps the registry event as its cause.
   */
  @WithTransaction
  public Uni<Integer> exitRefundsDue(int limit) {
    // one replica at a time (issue 15 item 3); the others skip this run
    return WatchLock.exclusive("escrow.exit-refund", () -> exitRefundsDueOnThisReplica(limit));
  }

  private Uni<Integer> exitRefundsDueOnThisReplica(int limit) {
    return orders.exitRefundsDue(limit).chain(due -> OneAtATime.count(due, this::refundIfOpen));
  }

  /**
   * One order due for its exit refund, refunded if still open, under the registry event's cause.
   */
  private Uni<Boolean> refundIfOpen(OrderRepository.ExitDue d) {
    CommandContext cause =
        new CommandContext(
            Actor.system("escrow-monitor"),
            d.correlationId() != null ? d.correlationId() : UUID.randomUUID().toString(),
            // a row from before V6 has no recorded registry event: the watch run is its cause
            d.causeEvent() != null ? d.causeEvent().toString() : "watch-" + UUID.randomUUID());
    return orders
        .findForUpdate(d.orderId())
        .chain(
            order ->
                order.refundable()
                    ? refundForExit(cause, order, Refund.INSTITUTION_EXIT_RULE).replaceWith(true)
                    : Uni.createFrom().item(false));
  }

  /**
   * LST-01 (issue 17 item 2): a payment that reached custody while the institution may not collect
   * goes back to the family at once, by its original route, in the transaction that recorded it. So
   * an institution that lost its standing is never paid in advance, and the black-listing refund
   * also covers money that arrives after it.
   */
  public Uni<Void> returnPayment(CommandContext platform, Order order) {
    return refundForExit(platform, order, SaleRules.ENTITLEMENT_RULE);
  }

  /**
   * Pays the order's open refund, or opens one accepted on the institution's behalf and pays it.
   */
  private Uni<Void> refundForExit(CommandContext system, Order order, String rule) {
    return refunds
        .ofOrder(order.id())
        .chain(
            earlier ->
                Refund.openOf(earlier)
                    .map(open -> Uni.createFrom().item(open))
                    .orElseGet(() -> openedForExit(system, order)))
        .chain(
            refund ->
                payout.pay(system, order, refund, Acceptance.INSTITUTION_LOST_STANDING, rule));
  }

  private Uni<Refund> openedForExit(CommandContext system, Order order) {
    OrderChange<Refund> exit =
        Refund.openedForExit(order, clock.now(), OversightClock.BUSINESS_ZONE);
    return refunds
        .persist(exit.subject())
        .call(() -> outbox.appendEach(system, exit.events(), order::record));
  }
}
