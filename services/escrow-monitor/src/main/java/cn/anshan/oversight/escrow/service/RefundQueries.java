package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.Refund;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.RefundRepository;
import cn.anshan.oversight.escrow.service.Views.RefundView;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reading refunds, through the order they belong to ({@link Access}). */
@ApplicationScoped
public class RefundQueries {
  private final RefundRepository refunds;
  private final OrderRepository orders;

  public RefundQueries(RefundRepository refunds, OrderRepository orders) {
    this.refunds = refunds;
    this.orders = orders;
  }

  /** The refunds of an order the caller may see. */
  @WithSession
  public Uni<List<RefundView>> ofOrder(Actor actor, UUID orderId) {
    return orders
        .findById(orderId)
        .invoke(o -> Access.visible(actor, o, orderId))
        .chain(() -> refunds.ofOrder(orderId))
        .map(list -> list.stream().map(RefundView::of).toList());
  }

  /** A refund the caller may see (through its order). */
  @WithSession
  public Uni<RefundView> get(Actor actor, UUID refundId) {
    return refunds
        .findById(refundId)
        .map(r -> ProblemException.requireFound(r, "refund " + refundId))
        .chain(r -> orders.findById(r.orderId()).map(o -> visible(actor, o, r)));
  }

  private static RefundView visible(Actor actor, Order order, Refund refund) {
    if (!Access.sees(actor, order)) {
      throw ProblemException.notFound("refund " + refund.id());
    }
    return RefundView.of(refund);
  }
}
