package cn.anshan.oversight.escrow.repository;

import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.OrderStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

  /** Who sees which orders; every field is optional (null: no restriction). */
  public record Scope(String familyId, String institutionId, String district) {}

  /** Commands on one order queue behind each other (its ledger reservations, its counters). */
  /** The order's institution as a value (the order itself is read later, under its lock). */
  public Uni<String> institutionOf(UUID id) {
    return getSession()
        .chain(
            s ->
                s.createSelectionQuery(
                        "select o.institutionId from Order o where o.id = :id", String.class)
                    .setParameter("id", id)
                    .getSingleResultOrNull());
  }

  /**
   * Locks the order, then re-reads {@code dependent} (one of its consumptions or refunds) that was
   * loaded before the lock. Every writer of an order's consumptions and refunds holds the order's
   * lock, so what is read after it is current: a watch that found a lesson due cannot pay it out
   * over a dispute committed in between (issue 15), nor accept a refund the institution refused.
   */
  public Uni<Order> lockWith(UUID id, Object dependent) {
    return findForUpdate(id).call(order -> getSession().chain(s -> s.refresh(dependent)));
  }

  public Uni<Order> findForUpdate(UUID id) {
    return findById(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** LN-PRE-04 split orders: the family's orders with the institution since {@code since}. */
  public Uni<List<Order>> splitWindow(String familyId, String institutionId, Instant since) {
    return list(
        "familyId = ?1 and institutionId = ?2 and placedAt >= ?3 and status in ?4",
        familyId,
        institutionId,
        since,
        List.of(OrderStatus.PLACED, OrderStatus.PAID, OrderStatus.REFUND_REQUESTED));
  }

  /** PRE-23: the family's paid orders of one course (the package a renewal would follow). */
  public Uni<List<Order>> paidOfCourse(String familyId, UUID courseId) {
    return list(
        "familyId = ?1 and courseId = ?2 and status = ?3", familyId, courseId, OrderStatus.PAID);
  }

  /** REL-09: orders whose money is still (or may still come) in custody. */
  /** The institution's open (paid, not yet refunded or completed) orders, oldest first. */
  public Uni<List<Order>> openOf(String institutionId, int limit) {
    return find(
            "institutionId = ?1 and status in ?2 order by placedAt, id",
            institutionId,
            List.of(OrderStatus.PAID, OrderStatus.REFUND_REQUESTED))
        .page(0, limit)
        .list();
  }

  /** How many of the institution's orders are still open (paid, not refunded or completed). */
  public Uni<Long> openCount(String institutionId) {
    return count(
        "institutionId = ?1 and status in ?2",
        institutionId,
        List.of(OrderStatus.PAID, OrderStatus.REFUND_REQUESTED));
  }

  /** An open order of an institution that lost its standing, with the event that took it. */
  public record ExitDue(UUID orderId, UUID causeEvent, String correlationId) {}

  /** REL-09: open orders of black-listed or revoked institutions, oldest first. */
  public Uni<List<ExitDue>> exitRefundsDue(int limit) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select o.id, s.lost_standing_event, s.lost_standing_correlation"
                            + " from prepay_order o join institution_standing s"
                            + " on s.institution_id = o.institution_id"
                            + " where (s.list_status = 'BLACK' or s.licence_revoked)"
                            + " and o.status in ('PAID', 'REFUND_REQUESTED')"
                            + " order by o.placed_at, o.id limit ?1",
                        Object[].class)
                    .setParameter(1, limit)
                    .getResultList())
        .map(
            rows ->
                rows.stream()
                    .map(r -> new ExitDue((UUID) r[0], (UUID) r[1], (String) r[2]))
                    .toList());
  }

  /** Row 13 (d): paid orders of any institution without activity since {@code before}. */
  public Uni<List<Order>> stale(Instant before, int limit) {
    return find(
            "status in ?1 and lastActivityAt < ?2 order by lastActivityAt, id",
            List.of(OrderStatus.PAID, OrderStatus.REFUND_REQUESTED),
            before)
        .page(0, limit)
        .list();
  }

  /** One page in (placedAt, id) order strictly after the cursor, within the caller's scope. */
  public Uni<List<Order>> page(Scope scope, Instant afterAt, UUID afterId, int limit) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (scope.familyId() != null) {
      query.append(" and familyId = :familyId");
      params.and("familyId", scope.familyId());
    }
    if (scope.institutionId() != null) {
      query.append(" and institutionId = :institutionId");
      params.and("institutionId", scope.institutionId());
    }
    if (scope.district() != null) {
      query.append(" and district = :district");
      params.and("district", scope.district());
    }
    if (afterAt != null) {
      query.append(" and (placedAt > :afterAt or (placedAt = :afterAt and id > :afterId))");
      params.and("afterAt", afterAt).and("afterId", afterId);
    }
    query.append(" order by placedAt, id");
    return find(query.toString(), params).page(0, limit).list();
  }
}
