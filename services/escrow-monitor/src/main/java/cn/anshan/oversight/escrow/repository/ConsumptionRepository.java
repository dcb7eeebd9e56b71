package cn.anshan.oversight.escrow.repository;

import cn.anshan.oversight.escrow.domain.order.Consumption;
import cn.anshan.oversight.escrow.domain.order.ConsumptionStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsumptionRepository implements PanacheRepositoryBase<Consumption, UUID> {

  /**
   * REL-04: whether a lesson was already asked for this session, of this order or of another order
   * for the same child (one attendance is one lesson, whatever the family bought).
   */
  public Uni<Boolean> existsFor(UUID orderId, UUID childId, UUID sessionId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select count(*) from consumption c join prepay_order o on o.id = c.order_id"
                            + " where c.session_id = ?1 and (c.order_id = ?2 or o.child_id = ?3)",
                        Long.class)
                    .setParameter(1, sessionId)
                    .setParameter(2, orderId)
                    .setParameter(3, childId)
                    .getSingleResult())
        .map(n -> n > 0);
  }

  /** How many lessons of the order were asked for since {@code since} (PLT-14 fast consumption). */
  public Uni<Long> requestedSince(UUID orderId, Instant since) {
    return count("orderId = ?1 and requestedAt >= ?2", orderId, since);
  }

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
