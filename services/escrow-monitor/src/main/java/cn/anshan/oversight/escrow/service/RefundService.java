package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.domain.order.CoolingOff;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.Refund;
import cn.anshan.oversight.escrow.domain.order.RefundCause;
import cn.anshan.oversight.escrow.domain.order.RefundStatus;
import cn.anshan.oversight.escrow.messaging.RefundEvents;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.RefundRepository;
import cn.anshan.oversight.escrow.service.Views.RefundView;
import cn.anshan.oversight.kit.db.OneAtATime;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import cn.anshan.oversight.kit.watch.WatchLock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Refunds (REL-05, REL-09, CON-06…08, §11 row 12). Inside the contract's cooling-off window the
 * refund is due by right and paid at once (CON-06); otherwise the institution answers within the
 * configured working days and silence means acceptance (REL-05). Paying voids every unresolved
 * lesson reservation back to the family and pays out the family's remaining balance by the original
 * route, so the amount is the unconsumed value (CON-07) ({@link RefundPayout}). Refunds the
 * platform owes when an institution loses its standing are {@link ExitRefundService}'s.
 */
@ApplicationScoped
public class RefundService {
  public static final String COOLING_OFF_RULE = "CON-06";
  public static final String UNCONSUMED_RULE = "CON-07";
  public static final String SILENCE_RULE = "REL-05";

  private final OrderRepository orders;
  private final RefundRepository refunds;
  private final RiskService risk;
  private final RefundPayout payout;
  private final Outbox outbox;
  private final OversightClock clock;
  private final WorkingDayCalendar calendar;
  private final EscrowSettings settings;

  public RefundService(
      OrderRepository orders,
      RefundRepository refunds,
      RiskService risk,
      RefundPayout payout,
      Outbox outbox,
      OversightClock clock,
      WorkingDayCalendar calendar,
      EscrowSettings settings) {
    this.orders = orders;
    this.refunds = refunds;
    this.risk = risk;
    this.payout = payout;
    this.outbox = outbox;
    this.clock = clock;
    this.calendar = calendar;
    this.settings = settings;
  }

  /** The parent asks for a refund of their own paid order. */
  @WithTransaction
  public Uni<RefundView> request(CommandContext command, UUID orderId, String reason) {
    return refundableOrder(command.actor(), orderId)
        .chain(order -> requested(command, order, reason));
  }

  /** The caller's own paid order (another family's is "not found"), no refund of it escalated. */
  private Uni<Order> refundableOrder(Actor parent, UUID orderId) {
    return orders
        .findForUpdate(orderId)
        .call(found -> found == null ? Uni.createFrom().voidItem() : notEscalated(parent, found))
        .map(
            found -> {
              Order order = Access.ownedBy(parent, found, orderId);
              order.requireRefundable();
              return order;
            });
  }

  private Uni<Void> notEscalated(Actor parent, Order order) {
    return refunds
        .ofOrder(order.id())
        .invoke(
            existing -> {
              if (order.familyId().equals(parent.subject())
                  && existing.stream().anyMatch(r -> r.status() == RefundStatus.ESCALATED)) {
                throw ProblemException.conflict(
                    "refund-escalated", "a refund of this order is with the regulator");
              }
            })
        .replaceWithVoid();
  }

  /**
   * Inside the cooling-off window the refund is accepted and paid at once (CON-06); after it the
   * institution answers, or the request is accepted on its behalf after the configured working
   * days.
   */
  private Uni<RefundView> requested(CommandContext command, Order order, String reason) {
    Instant now = clock.now();
    CoolingOff window = order.coolingOff(OversightClock.BUSINESS_ZONE);
    boolean coolingOff = window.covers(now);
    LocalDate autoAcceptOn =
        coolingOff
            ? null
            : calendar.plusWorkingDays(
                clock.today(), settings.refund().institutionAutoAcceptWorkingDays());
    Refund refund =
        new Refund(
            order.id(),
            order.institutionId(),
            order.familyId(),
            RefundCause.PARENT,
            coolingOff,
            reason,
            now,
            autoAcceptOn);
    long unconsumed = order.unconsumedFen();
    order.refundRequested(now);
    return refunds
        .persist(refund)
        .call(
            () ->
                outbox.append(
                    command,
                    order.record(RefundEvents.refundRequested(order, refund, window, unconsumed))))
        .call(() -> risk.afterRefundRequest(command, order))
        .call(
            () ->
                coolingOff
                    ? paidInCoolingOff(command, order, refund, now)
                    : Uni.createFrom().voidItem())
        .map(v -> RefundView.of(refund));
  }

  /** CON-06: inside the cooling-off window the refund is accepted and paid at once. */
  private Uni<Void> paidInCoolingOff(
      CommandContext command, Order order, Refund refund, Instant now) {
    return outbox
        .append(
            command, order.record(RefundEvents.refundAccepted(order, refund, "COOLING_OFF", now)))
        .call(() -> payout.pay(command, order, refund, "COOLING_OFF", COOLING_OFF_RULE));
  }

  /** REL-05: the operator of the institution accepts; the refund is paid at once. */
  @WithTransaction
  public Uni<RefundView> accept(CommandContext command, UUID refundId) {
    return operated(command.actor(), refundId)
        .chain(
            pair -> {
              Refund refund = pair.refund();
              refund.requireRequested();
              return outbox
                  .append(
                      command,
                      pair.order()
                          .record(
                              RefundEvents.refundAccepted(
                                  pair.order(), refund, "INSTITUTION", clock.now())))
                  .chain(
                      () ->
                          payout.pay(command, pair.order(), refund, "INSTITUTION", UNCONSUMED_RULE))
                  .map(v -> RefundView.of(refund));
            });
  }

  /** §11 row 12: the operator refuses within its window; the dispute goes to the regulator. */
  @WithTransaction
  public Uni<RefundView> refuse(CommandContext command, UUID refundId) {
    return operated(command.actor(), refundId)
        .chain(
            pair -> {
              Refund refund = pair.refund();
              refund.requireRequested();
              refund.escalated();
              pair.order().refundEscalated();
              return outbox
                  .append(
                      command,
                      pair.order()
                          .record(RefundEvents.refundEscalated(pair.order(), refund, clock.now())))
                  .map(v -> RefundView.of(refund));
            });
  }

  /**
   * §11 row 12: the regulator of the institution's district decides a refund the institution
   * refused: REFUND pays the unconsumed value (CON-07), REJECT closes the request.
   */
  @WithTransaction
  public Uni<RefundView> decide(CommandContext command, UUID refundId, boolean refund) {
    Actor regulator = command.actor();
    return refunds
        .findById(refundId)
        .map(r -> ProblemException.requireFound(r, "refund " + refundId))
        .chain(r -> orders.lockWith(r.orderId(), r).map(order -> new OrderRefund(order, r)))
        .invoke(d -> requireDecidable(regulator, refundId, d))
        .chain(d -> decided(command, d, refund));
  }

  private static void requireDecidable(Actor regulator, UUID refundId, OrderRefund d) {
    if (!regulator.inDistrict(d.order().district())) {
      throw ProblemException.notFound("refund " + refundId);
    }
    d.refund().requireEscalated();
    if (!d.order().refundable()) {
      throw ProblemException.conflict("order-not-refundable", "the order is " + d.order().status());
    }
  }

  private Uni<RefundView> decided(CommandContext command, OrderRefund d, boolean refund) {
    Order order = d.order();
    Refund r = d.refund();
    Instant now = clock.now();
    Uni<Void> decided =
        outbox.append(command, order.record(RefundEvents.refundDecided(order, r, refund, now)));
    if (!refund) {
      r.rejected(now);
      return decided.map(v -> RefundView.of(r));
    }
    return decided
        .chain(
            () ->
                outbox.append(
                    command, order.record(RefundEvents.refundAccepted(order, r, "REGULATOR", now))))
        .chain(() -> payout.pay(command, order, r, "REGULATOR", UNCONSUMED_RULE))
        .map(v -> RefundView.of(r));
  }

  /** REL-05: the institution's silence through its last answer day accepts the refund. */
  @WithTransaction
  public Uni<Integer> autoAcceptDue(int batch) {
    // one replica at a time (issue 15 item 3); the others skip this run
    return WatchLock.exclusive(
        "escrow.refund-auto-accept", () -> autoAcceptDueOnThisReplica(batch));
  }

  private Uni<Integer> autoAcceptDueOnThisReplica(int batch) {
    LocalDate today = clock.today();
    CommandContext system =
        new CommandContext(
            Actor.system("escrow-monitor"),
            "auto-accept-" + today,
            "auto-accept-" + UUID.randomUUID());
    return refunds
        .autoAcceptDue(today, batch)
        .chain(due -> OneAtATime.count(due, refund -> autoAccept(system, refund, today)));
  }

  /**
   * Pays one refund the institution left unanswered, if it is still due once its order is locked.
   */
  private Uni<Boolean> autoAccept(CommandContext system, Refund refund, LocalDate today) {
    return orders
        .lockWith(refund.orderId(), refund)
        .chain(
            order -> {
              if (!refund.autoAcceptDue(today)) {
                return Uni.createFrom().item(false);
              }
              int answerDays = settings.refund().institutionAutoAcceptWorkingDays();
              return outbox
                  .append(
                      system,
                      order.record(
                          RefundEvents.refundAutoAccepted(order, refund, answerDays, clock.now())))
                  .chain(
                      () ->
                          payout.pay(system, order, refund, "INSTITUTION_SILENCE", UNCONSUMED_RULE))
                  .replaceWith(true);
            });
  }

  /** A refund with its order, locked. */
  private record OrderRefund(Order order, Refund refund) {}

  /** A refund of the operator's own institution with its order locked; others are a 404. */
  private Uni<OrderRefund> operated(Actor operator, UUID refundId) {
    return refunds
        .findById(refundId)
        .map(
            r ->
                ProblemException.requireFound(
                    r,
                    "refund " + refundId,
                    found -> found.institutionId().equals(operator.institutionId())))
        .chain(r -> orders.lockWith(r.orderId(), r).map(o -> new OrderRefund(o, r)));
  }
}
