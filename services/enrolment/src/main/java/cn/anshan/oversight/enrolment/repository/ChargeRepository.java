package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.charge.Charge;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ChargeRepository implements PanacheRepositoryBase<Charge, UUID> {

  /** The charges of one enrolment in period order (at most one per month of one term). */
  public Uni<List<Charge>> ofEnrolment(UUID enrolmentId) {
    return find("enrolmentId = ?1 order by periodStart", enrolmentId).list();
  }

  /** As {@link #ofEnrolment}, row-locked for a refund so no two refunds see the same state. */
  public Uni<List<Charge>> ofEnrolmentForRefund(UUID enrolmentId) {
    return find("enrolmentId = ?1 order by periodStart", enrolmentId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  /**
   * The child's charges with something left to refund in programmes whose term has not ended before
   * {@code today} (the current and any later term), row-locked for the refund.
   */
  public Uni<List<Charge>> refundableInOpenTerms(UUID childId, LocalDate today) {
    return find(
            "childId = ?1 and amountFen > refundedFen and programmeId in"
                + " (select p.id from Programme p where p.termEnd >= ?2)"
                + " order by periodStart, id",
            childId,
            today)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  public Uni<List<UUID>> chargedEnrolments(UUID programmeId, LocalDate periodStart) {
    return find("programmeId = ?1 and periodStart = ?2", programmeId, periodStart)
        .list()
        .map(rows -> rows.stream().map(Charge::enrolmentId).toList());
  }
}
