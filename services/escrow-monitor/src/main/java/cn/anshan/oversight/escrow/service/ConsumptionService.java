package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.domain.entitlement.HeldSession;
import cn.anshan.oversight.escrow.domain.order.Confirmation;
import cn.anshan.oversight.escrow.domain.order.Consumption;
import cn.anshan.oversight.escrow.domain.order.LessonEvidence;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.OrderChange;
import cn.anshan.oversight.escrow.domain.order.SaleRules;
import cn.anshan.oversight.escrow.repository.ConsumptionRepository;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.SessionRepository;
import cn.anshan.oversight.escrow.repository.StandingRepository;
import cn.anshan.oversight.escrow.service.Views.ConsumptionView;
import cn.anshan.oversight.kit.db.OneAtATime;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.AnswerPeriod;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import cn.anshan.oversight.kit.watch.WatchLock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 一课一消 (REL-01…08, §11 row 11): the institution requests consumption of one lesson, the parent
 * confirms or disputes, silence confirms after the configured working days; a confirmed lesson's
 * reservation is posted to the institution and paid out of custody. A dispute blocks the release.
 */
@ApplicationScoped
public class ConsumptionService {
  private final OrderRepository orders;
  private final ConsumptionRepository consumptions;
  private final StandingRepository standings;
  private final SessionRepository sessions;
  private final RiskService risk;
  private final LessonRelease lessons;
  private final Outbox outbox;
  private final OversightClock clock;
  private final WorkingDayCalendar calendar;
  private final EscrowSettings settings;

  public ConsumptionService(
      OrderRepository orders,
      ConsumptionRepository consumptions,
      StandingRepository standings,
      SessionRepository sessions,
      RiskService risk,
      LessonRelease lessons,
      Outbox outbox,
      OversightClock clock,
      WorkingDayCalendar calendar,
      EscrowSettings settings) {
    this.orders = orders;
    this.consumptions = consumptions;
    this.standings = standings;
    this.sessions = sessions;
    this.risk = risk;
    this.lessons = lessons;
    this.outbox = outbox;
    this.clock = clock;
    this.calendar = calendar;
    this.settings = settings;
  }

  /**
   * REL-02 / REL-04: the operator of the order's institution asks to consume the next lesson, for a
   * session the registry reports held and the order's child attended; once per session.
   */
  @WithTransaction
  public Uni<ConsumptionView> request(CommandContext command, UUID orderId, UUID sessionId) {
    return orders
        .findForUpdate(orderId)
        .map(found -> consumable(command.actor(), found, orderId))
        .chain(
            order ->
                sessions
                    .findById(sessionId)
                    .invoke(session -> LessonEvidence.require(order, session, clock.now()))
                    .call(session -> attended(order, session))
                    .call(session -> firstFor(order, session))
                    .call(() -> lessons.mayCollect(order, "consumption requests"))
                    .chain(session -> record(command, order, session))
                    .call(() -> risk.afterConsumptionRequest(command, order)));
  }

  private static Order consumable(Actor operator, Order found, UUID orderId) {
    Order order = Access.operatedBy(operator, found, orderId);
    order.requireConsumable();
    return order;
  }

  /**
   * REL-04: the child attended. Orders placed before contracts named a child (V4) have no child to
   * look for: any held session counts for them.
   */
  private Uni<Void> attended(Order order, HeldSession session) {
    if (order.childId() == null) {
      return Uni.createFrom().voidItem();
    }
    return sessions
        .didAttend(session.sessionId(), order.childId())
        .invoke(
            yes -> {
              if (!yes) {
                throw new AttendanceMissing(order, session.sessionId());
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> firstFor(Order order, HeldSession session) {
    return consumptions
        .existsFor(order.id(), order.childId(), session.sessionId())
        .invoke(asked -> LessonEvidence.requireFirstAsk(asked, session.sessionId()))
        .replaceWithVoid();
  }

  private Uni<ConsumptionView> record(CommandContext command, Order order, HeldSession session) {
    OrderChange<Consumption> request =
        Consumption.requested(
            order,
            session,
            clock.now(),
            clock.today(),
            new AnswerPeriod(calendar, settings.release().autoConfirmWorkingDays()));
    return consumptions
        .persist(request.subject())
        .call(() -> outbox.appendEach(command, request.events(), order::record))
        .map(ConsumptionView::of);
  }

  /** REL-02: the parent confirms; the lesson is released. */
  @WithTransaction
  public Uni<ConsumptionView> confirm(CommandContext command, UUID consumptionId) {
    return owned(command.actor(), consumptionId)
        .invoke(pair -> pair.consumption().requireRequested())
        .chain(
            pair ->
                lessons.release(command, pair.order(), pair.consumption(), Confirmation.PARENT));
  }

  /** REL-07: the parent disputes; the lesson's reservation stays blocked. */
  @WithTransaction
  public Uni<ConsumptionView> dispute(CommandContext command, UUID consumptionId, String reason) {
    return owned(command.actor(), consumptionId)
        .call(
            pair ->
                outbox.append(
                    command,
                    pair.order()
                        .record(pair.consumption().dispute(pair.order(), reason, clock.now()))))
        .map(pair -> ConsumptionView.of(pair.consumption()));
  }

  /** REL-02: confirms in silence every request whose last answer day has passed. */
  @WithTransaction
  public Uni<Integer> autoConfirmDue(int batch) {
    // one replica at a time (issue 15 item 3); the others skip this run
    return WatchLock.exclusive(
        "escrow.consumption-auto-confirm", () -> autoConfirmDueOnThisReplica(batch));
  }

  private Uni<Integer> autoConfirmDueOnThisReplica(int batch) {
    LocalDate today = clock.today();
    CommandContext system =
        new CommandContext(
            Actor.system("escrow-monitor"),
            "auto-confirm-" + today,
            "auto-confirm-" + UUID.randomUUID());
    return consumptions
        .autoConfirmDue(today, batch)
        .chain(due -> OneAtATime.sum(due, c -> autoConfirm(system, c, today)));
  }

  /**
   * One lesson past its last answer day, confirmed in silence unless the order was refunded or the
   * institution may not collect now (its standing may have changed since the batch was read).
   * Returns 1 if it was released.
   */
  private Uni<Integer> autoConfirm(CommandContext system, Consumption c, LocalDate today) {
    return orders
        .lockWith(c.orderId(), c)
        .chain(
            order -> {
              if (!c.autoConfirmDue(today, order)) {
                return Uni.createFrom().item(0);
              }
              return standings
                  .findById(order.institutionId())
                  .chain(
                      standing ->
                          !SaleRules.mayCollect(standing)
                              ? Uni.createFrom().item(0)
                              : lessons
                                  .releaseNow(system, order, c, Confirmation.AUTO)
                                  .replaceWith(1));
            });
  }

  private record Owned(Order order, Consumption consumption) {}

  /** The parent's own consumption with its order locked; another family's is a 404. */
  private Uni<Owned> owned(Actor parent, UUID consumptionId) {
    return consumptions
        .findById(consumptionId)
        .map(
            c ->
                ProblemException.requireFound(
                    c,
                    "consumption " + consumptionId,
                    found -> found.familyId().equals(parent.subject())))
        .chain(c -> orders.lockWith(c.orderId(), c).map(o -> new Owned(o, c)));
  }

  /** The consumptions of an order the caller may see. */
  @WithSession
  public Uni<List<ConsumptionView>> ofOrder(Actor actor, UUID orderId) {
    return orders
        .findById(orderId)
        .invoke(o -> Access.visible(actor, o, orderId))
        .chain(() -> consumptions.ofOrder(orderId))
        .map(list -> list.stream().map(ConsumptionView::of).toList());
  }
}
