package cn.anshan.oversight.escrow.repository;

import cn.anshan.oversight.escrow.domain.order.Consumption;
import cn.anshan.oversight.escrow.domain.order.ConsumptionStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsumptionRepository implements PanacheRepositoryBase<Consumption, UUID> {

  public Uni<List<Consumption>> ofOrder(UUID orderId) {
    return list("orderId = ?1 order by lessonNo", orderId);
  }

  /** REL-02: requests whose last answer day has passed in silence. */
  public Uni<List<Consumption>> autoConfirmDue(LocalDate today, int limit) {
    return find(
            "status = ?1 and autoConfirmOn < ?2 order by autoConfirmOn, id",
            ConsumptionStatus.REQUESTED,
            today)
        .page(0, limit)
        .list();
  }
}
