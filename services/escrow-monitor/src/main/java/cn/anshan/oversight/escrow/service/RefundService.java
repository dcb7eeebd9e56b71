package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.domain.ledger.JournalEntry;
import cn.anshan.oversight.escrow.domain.ledger.Movements;
import cn.anshan.oversight.escrow.domain.order.Consumption;
import cn.anshan.oversight.escrow.domain.order.CoolingOff;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.Refund;
import cn.anshan.oversight.escrow.domain.order.RefundCause;
import cn.anshan.oversight.escrow.domain.order.RefundStatus;
import cn.anshan.oversight.escrow.messaging.EscrowEvents;
import cn.anshan.oversight.escrow.repository.ConsumptionRepository;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.RefundRepository;
import cn.anshan.oversight.escrow.service.Views.RefundView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import cn.anshan.oversight.kit.watch.WatchLock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
 * route, so the amount is the unconsumed value (CON-07). When the registry reports the institution
 * revoked or black-listed, every open order is refunded in full (REL-09, CON-08).
 */
@ApplicationScoped
public class RefundService {
  public static final String COOLING_OFF_RULE = "CON-06";
  public static final String UNCONSUMED_RULE = "CON-07";
  public static final String INSTITUTION_EXIT_RULE = "REL-09";
  public static final String SILENCE_RULE = "REL-05";

  private final OrderRepository orders;
  private final RefundRepository refunds;
  private final ConsumptionRepository consumptions;
  private final Ledgers ledgers;
  private final RiskService risk;
  private final Outbox outbox;
  private final OversightClock clock;
  private final WorkingDayCalendar calendar;
  private final EscrowSettings settings;

  public RefundService(
      OrderRepository orders,
      RefundRepository refunds,
      ConsumptionRepository consumptions,
      Ledgers ledgers,
      RiskService risk,
      Outbox outbox,
      OversightClock clock,
      WorkingDayCalendar calendar,
      EscrowSettings settings) {
    this.orders = orders;
    this.refunds = refunds;
    this.consumptions = consumptions;
    this.ledgers = ledgers;
    this.risk = risk;
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
    Uni<Void> requested =
        refunds
            .persist(refund)
            .call(
                () ->
                    outbox.append(
                        command, EscrowEvents.refundRequested(order, refund, window, unconsumed)))
            .call(() -> risk.afterRefundRequest(command, order))
            .replaceWithVoid();
    if (coolingOff) {
      requested =
          requested
              .call(
                  () ->
                      outbox.append(
                          command, EscrowEvents.refundAccepted(order, refund, "COOLING_OFF", now)))
              .call(() -> pay(command, order, refund, "COOLING_OFF", COOLING_OFF_RULE));
    }
    return requested.map(v -> RefundView.of(refund));
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
                      EscrowEvents.refundAccepted(pair.order(), refund, "INSTITUTION", clock.now()))
                  .chain(() -> pay(command, pair.order(), refund, "INSTITUTION", UNCONSUMED_RULE))
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
                  .append(command, EscrowEvents.refundEscalated(pair.order(), refund, clock.now()))
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
        .chain(
            r -> {
              if (r == null) {
                throw ProblemException.notFound("refund " + refundId);
              }
              return orders
                  .lockWith(r.orderId(), r)
                  .chain(
                      order -> {
                        if (!regulator.inDistrict(order.district())) {
                          throw ProblemException.notFound("refund " + refundId);
                        }
                        r.requireEscalated();
                        if (!order.refundable()) {
                          throw ProblemException.conflict(
                              "order-not-refundable", "the order is " + order.status());
                        }
                        Instant now = clock.now();
                        Uni<Void> decided =
                            outbox.append(
                                command, EscrowEvents.refundDecided(order, r, refund, now));
                        if (!refund) {
                          r.rejected(now);
                          return decided.map(v -> RefundView.of(r));
                        }
                        return decided
                            .chain(
                                () ->
                                    outbox.append(
                                        command,
                                        EscrowEvents.refundAccepted(order, r, "REGULATOR", now)))
                            .chain(() -> pay(command, order, r, "REGULATOR", UNCONSUMED_RULE))
                            .map(v -> RefundView.of(r));
                      });
            });
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
        .chain(
            due -> {
              Uni<Integer> chain = Uni.createFrom().item(0);
              for (Refund refund : due) {
                chain =
                    chain.chain(
                        n ->
                            orders
                                .lockWith(refund.orderId(), refund)
                                .chain(
                                    order -> {
                                      if (!refund.autoAcceptDue(today)) {
                                        return Uni.createFrom().item(n);
                                      }
                                      return outbox
                                          .append(
                                              system,
                                              EscrowEvents.refundAutoAccepted(
                                                  order,
                                                  refund,
                                                  settings
                                                      .refund()
                                                      .institutionAutoAcceptWorkingDays(),
                                                  clock.now()))
                                          .chain(
                                              () ->
                                                  pay(
                                                      system,
                                                      order,
                                                      refund,
                                                      "INSTITUTION_SILENCE",
                                                      UNCONSUMED_RULE))
                                          .replaceWith(n + 1);
                                    }));
              }
              return chain;
            });
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
        .chain(
            open -> {
              Uni<Integer> chain = Uni.createFrom().item(0);
              for (Order candidate : open) {
                chain =
                    chain.chain(
                        n ->
                            orders
                                .findForUpdate(candidate.id())
                                .chain(order -> refundForExit(system, order, INSTITUTION_EXIT_RULE))
                                .replaceWith(n + 1));
              }
              return chain;
            });
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
    return orders
        .exitRefundsDue(limit)
        .chain(
            due -> {
              Uni<Integer> chain = Uni.createFrom().item(0);
              for (OrderRepository.ExitDue d : due) {
                CommandContext cause =
                    new CommandContext(
                        Actor.system("escrow-monitor"),
                        d.correlationId() != null
                            ? d.correlationId()
                            : UUID.randomUUID().toString(),
                        d.causeEvent() != null ? d.causeEvent().toString() : null);
                chain =
                    chain.chain(
                        n ->
                            orders
                                .findForUpdate(d.orderId())
                                .chain(
                                    order ->
                                        order.refundable()
                                            ? refundForExit(cause, order, INSTITUTION_EXIT_RULE)
                                                .replaceWith(n + 1)
                                            : Uni.createFrom().item(n)));
              }
              return chain;
            });
  }

  /**
   * LST-01 (issue 17 item 2): a payment that reached custody while the institution may not collect
   * goes back to the family at once, by its original route, in the transaction that recorded it. So
   * an institution that lost its standing is never paid in advance, and the black-listing refund
   * also covers money that arrives after it.
   */
  public Uni<Void> returnPayment(CommandContext platform, Order order) {
    return refundForExit(platform, order, OrderService.ENTITLEMENT_RULE);
  }

  private Uni<Void> refundForExit(CommandContext system, Order order, String rule) {
    Instant now = clock.now();
    return refunds
        .ofOrder(order.id())
        .chain(
            existing -> {
              Refund open =
                  existing.stream()
                      .filter(r -> r.status() != RefundStatus.PAID)
                      .findFirst()
                      .orElse(null);
              if (open != null) {
                return pay(system, order, open, "INSTITUTION_LOST_STANDING", rule);
              }
              Refund refund =
                  new Refund(
                      order.id(),
                      order.institutionId(),
                      order.familyId(),
                      RefundCause.INSTITUTION,
                      false,
                      null,
                      now,
                      null);
              long unconsumed = order.unconsumedFen();
              return refunds
                  .persist(refund)
                  .call(
                      () ->
                          outbox.append(
                              system,
                              EscrowEvents.refundRequested(
                                  order,
                                  refund,
                                  order.coolingOff(OversightClock.BUSINESS_ZONE),
                                  unconsumed)))
                  .call(
                      () ->
                          outbox.append(
                              system,
                              EscrowEvents.refundAccepted(
                                  order, refund, "INSTITUTION_LOST_STANDING", now)))
                  .chain(() -> pay(system, order, refund, "INSTITUTION_LOST_STANDING", rule));
            });
  }

  /**
   * Voids every unresolved reservation of the order back to the family and pays the family's
   * remaining balance out of custody by the original route (REL-05); requested or disputed lessons
   * not yet released are withdrawn with it.
   */
  private Uni<Void> pay(
      CommandContext context, Order order, Refund refund, String acceptedBy, String rule) {
    Instant now = clock.now();
    return ledgers
        .forOrder(
            order,
            true,
            ledger -> {
              List<UUID> open = ledger.unresolved().stream().map(JournalEntry::id).toList();
              long amount =
                  Movements.refund(
                      ledger,
                      order.institutionId(),
                      order.id(),
                      open,
                      "refund:" + refund.id(),
                      now);
              return new long[] {amount, open.size()};
            })
        .chain(
            result ->
                consumptions
                    .ofOrder(order.id())
                    .chain(
                        (List<Consumption> all) -> {
                          all.forEach(c -> c.cancelled(now));
                          refund.paid(acceptedBy, result[0], "ORIGINAL", now);
                          order.refunded(result[0], now);
                          return outbox.append(
                              context,
                              EscrowEvents.refundPaid(order, refund, rule, (int) result[1]));
                        }));
  }

  private record Operated(Order order, Refund refund) {}

  /** A refund of the operator's own institution with its order locked; others are a 404. */
  private Uni<Operated> operated(Actor operator, UUID refundId) {
    return refunds
        .findById(refundId)
        .chain(
            r -> {
              if (r == null || !r.institutionId().equals(operator.institutionId())) {
                throw ProblemException.notFound("refund " + refundId);
              }
              return orders.lockWith(r.orderId(), r).map(o -> new Operated(o, r));
            });
  }

  /** The refunds of an order the caller may see. */
  @WithSession
  public Uni<List<RefundView>> ofOrder(Actor actor, UUID orderId) {
    return orders
        .findById(orderId)
        .chain(
            o -> {
              Access.visible(actor, o, orderId);
              return refunds.ofOrder(orderId);
            })
        .map(list -> list.stream().map(RefundView::of).toList());
  }

  /** A refund the caller may see (through its order). */
  @WithSession
  public Uni<RefundView> get(Actor actor, UUID refundId) {
    return refunds
        .findById(refundId)
        .chain(
            r -> {
              if (r == null) {
                throw ProblemException.notFound("refund " + refundId);
              }
              return orders
                  .findById(r.orderId())
                  .map(
                      o -> {
                        if (!Access.sees(actor, o)) {
                          throw ProblemException.notFound("refund " + refundId);
                        }
                        return RefundView.of(r);
                      });
            });
  }
}
