package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.domain.order.Acceptance;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.OrderChange;
import cn.anshan.oversight.escrow.domain.order.Refund;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.RefundRepository;
import cn.anshan.oversight.escrow.service.Views.RefundView;
import cn.anshan.oversight.kit.db.OneAtATime;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.AnswerPeriod;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import cn.anshan.oversight.kit.watch.WatchLock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

  /** REL-05: the working days an institution has to answer a refund request. */
  private AnswerPeriod institutionAnswer() {
    return new AnswerPeriod(calendar, settings.refund().institutionAutoAcceptWorkingDays());
  }

  /**
   * The parent asks for a refund of their own paid order (another family's is "not found"). Inside
   * the cooling-off window it is accepted and paid at once (CON-06); after it the institution
   * answers, or the request is accepted on its behalf after the configured working days.
   */
  @WithTransaction
  public Uni<RefundView> request(CommandContext command, UUID orderId, String reason) {
    return orders
        .findForUpdate(orderId)
        .map(found -> Access.ownedBy(command.actor(), found, orderId))
        .chain(
            order ->
                refunds
                    .ofOrder(order.id())
                    .chain(earlier -> requested(command, order, earlier, reason)));
  }

  private Uni<RefundView> requested(
      CommandContext command, Order order, List<Refund> earlier, String reason) {
    OrderChange<Refund> request =
        Refund.requestedByParent(
            order,
            earlier,
            reason,
            clock.now(),
            clock.today(),
            institutionAnswer(),
            OversightClock.BUSINESS_ZONE);
    Refund refund = request.subject();
    return refunds
        .persist(refund)
        .call(() -> outbox.appendEach(command, request.events(), order::record))
        .call(() -> risk.afterRefundRequest(command, order))
        // a refund due by right is accepted after the refund-surge check, as it always was, so the
        // outbox keeps RefundRequested, the risk trip and RefundAccepted in that order
        .call(
            () ->
                refund.coolingOff()
                    ? acceptedAndPaid(
                        command,
                        order,
                        refund,
                        Acceptance.COOLING_OFF,
                        refund.requestedAt(),
                        Refund.COOLING_OFF_RULE)
                    : Uni.createFrom().voidItem())
        .map(v -> RefundView.of(refund));
  }

  /** REL-05 / CON-06: accepted by the institution or by right at {@code at}, and paid at once. */
  private Uni<Void> acceptedAndPaid(
      CommandContext command,
      Order order,
      Refund refund,
      Acceptance acceptedBy,
      Instant at,
      String rule) {
    return outbox
        .append(command, order.record(refund.accept(order, acceptedBy, at)))
        .call(() -> payout.pay(command, order, refund, acceptedBy, rule));
  }

  /** REL-05: the operator of the institution accepts; the refund is paid at once. */
  @WithTransaction
  public Uni<RefundView> accept(CommandContext command, UUID refundId) {
    return operated(command.actor(), refundId)
        .call(
            d ->
                acceptedAndPaid(
                    command,
                    d.order(),
                    d.refund(),
                    Acceptance.INSTITUTION,
                    clock.now(),
                    Refund.UNCONSUMED_RULE))
        .map(d -> RefundView.of(d.refund()));
  }

  /** §11 row 12: the operator refuses within its window; the dispute goes to the regulator. */
  @WithTransaction
  public Uni<RefundView> refuse(CommandContext command, UUID refundId) {
    return operated(command.actor(), refundId)
        .call(
            d ->
                outbox.append(command, d.order().record(d.refund().refuse(d.order(), clock.now()))))
        .map(d -> RefundView.of(d.refund()));
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
        .invoke(d -> Access.inDistrict(regulator, d.order(), "refund " + refundId))
        .call(d -> decided(command, d, refund))
        .map(d -> RefundView.of(d.refund()));
  }

  private Uni<Void> decided(CommandContext command, OrderRefund d, boolean refund) {
    Order order = d.order();
    List<PendingEvent> decision = d.refund().decide(order, refund, clock.now());
    Uni<Integer> appended = outbox.appendEach(command, decision, order::record);
    return refund
        ? appended.chain(
            () ->
                payout.pay(
                    command, order, d.refund(), Acceptance.REGULATOR, Refund.UNCONSUMED_RULE))
        : appended.replaceWithVoid();
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
            order ->
                refund
                    .autoAccept(order, today, institutionAnswer(), clock.now())
                    .map(accepted -> paidInSilence(system, order, refund, accepted))
                    .orElseGet(() -> Uni.createFrom().item(false)));
  }

  private Uni<Boolean> paidInSilence(
      CommandContext system, Order order, Refund refund, PendingEvent accepted) {
    return outbox
        .append(system, order.record(accepted))
        .call(
            () ->
                payout.pay(
                    system, order, refund, Acceptance.INSTITUTION_SILENCE, Refund.UNCONSUMED_RULE))
        .replaceWith(true);
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
