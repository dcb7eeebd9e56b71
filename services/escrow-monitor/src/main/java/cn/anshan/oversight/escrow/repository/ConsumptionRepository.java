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

  /**
   * REL-02: requests whose last answer day has passed in silence, of institutions that may collect
   * (LST-01: the others' lessons wait, without blocking the batch, until their standing returns).
   */
  public Uni<List<Consumption>> autoConfirmDue(LocalDate today, int limit) {
    return find(
            "from Consumption c where c.status = ?1 and c.autoConfirmOn < ?2 and exists (select 1"
                + " from InstitutionStanding s where s.institutionId = c.institutionId"
                + " and s.operational = true and s.licenceRevoked = false"
                + " and s.listStatus = 'WHITE') order by c.autoConfirmOn, c.id",
            ConsumptionStatus.REQUESTED,
            today)
        .page(0, limit)
        .list();
  }
}
