package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.domain.ledger.EntryCode;
import cn.anshan.oversight.escrow.domain.order.Confirmation;
import cn.anshan.oversight.escrow.domain.order.Consumption;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.repository.ConsumptionRepository;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.service.Views.ConsumptionView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * REL-07: the regulator of the institution's district resolves a lesson the parent disputed:
 * RELEASE pays it to the institution ({@link LessonRelease}), RETURN voids its reservation back to
 * the family's balance in custody, which the order's refund pays out.
 */
@ApplicationScoped
public class DisputeResolution {
  private final ConsumptionRepository consumptions;
  private final OrderRepository orders;
  private final LessonRelease lessons;
  private final Ledgers ledgers;
  private final Outbox outbox;
  private final OversightClock clock;

  public DisputeResolution(
      ConsumptionRepository consumptions,
      OrderRepository orders,
      LessonRelease lessons,
      Ledgers ledgers,
      Outbox outbox,
      OversightClock clock) {
    this.consumptions = consumptions;
    this.orders = orders;
    this.lessons = lessons;
    this.ledgers = ledgers;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * REL-07: the regulator of the institution's district resolves a disputed lesson: RELEASE pays it
   * to the institution; RETURN voids its reservation back to the family's balance in custody, which
   * the order's refund pays out.
   */
  @WithTransaction
  public Uni<ConsumptionView> resolve(CommandContext command, UUID consumptionId, boolean release) {
    return consumptions
        .findById(consumptionId)
        .map(c -> ProblemException.requireFound(c, "consumption " + consumptionId))
        .chain(c -> orders.lockWith(c.orderId(), c).map(order -> new Disputed(order, c)))
        .invoke(d -> Access.inDistrict(command.actor(), d.order(), "consumption " + consumptionId))
        .invoke(d -> d.lesson().requireResolvable(d.order()))
        .chain(
            d ->
                release
                    ? lessons.release(command, d.order(), d.lesson(), Confirmation.REGULATOR)
                    : returnToFamily(command, d.order(), d.lesson()));
  }

  /** A lesson with its order, locked. */
  private record Disputed(Order order, Consumption lesson) {}

  /** RETURN: the reservation goes back to the family's balance in custody. */
  private Uni<ConsumptionView> returnToFamily(
      CommandContext command, Order order, Consumption lesson) {
    return ledgers
        .forOrder(
            order,
            true,
            ledger ->
                ledger.voidPending(
                    ledger.openReservationOf(lesson.lessonNo()),
                    EntryCode.LESSON_RETURNED,
                    "dispute:" + lesson.id(),
                    clock.now()))
        .chain(() -> outbox.append(command, order.record(lesson.returned(order, clock.now()))))
        .replaceWith(() -> ConsumptionView.of(lesson));
  }
}
