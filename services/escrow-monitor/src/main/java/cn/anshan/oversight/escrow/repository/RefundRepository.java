package cn.anshan.oversight.escrow.repository;

import cn.anshan.oversight.escrow.domain.order.Refund;
import cn.anshan.oversight.escrow.domain.order.RefundStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RefundRepository implements PanacheRepositoryBase<Refund, UUID> {

  public Uni<List<Refund>> ofOrder(UUID orderId) {
    return list("orderId = ?1 order by requestedAt, id", orderId);
  }

  /** REL-05: requests the institution left unanswered through their last answer day. */
  public Uni<List<Refund>> autoAcceptDue(LocalDate today, int limit) {
    return find(
            "status = ?1 and autoAcceptOn < ?2 order by autoAcceptOn, id",
            RefundStatus.REQUESTED,
            today)
        .page(0, limit)
        .list();
  }

  /** Row 13 (c): parents' refund requests for one institution since {@code since}. */
  public Uni<Long> requestedSince(String institutionId, Instant since) {
    return count("institutionId = ?1 and requestedAt >= ?2", institutionId, since);
  }
}
