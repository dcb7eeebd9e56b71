package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.family.Exemption;
import cn.anshan.oversight.enrolment.domain.family.ExemptionStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ExemptionRepository implements PanacheRepositoryBase<Exemption, UUID> {

  /**
   * Row-locked until the transaction ends: a concurrent command on the same exemption waits, then
   * meets the new version (412 on its If-Match) instead of acting twice on the old state.
   */
  public Uni<Exemption> forUpdate(UUID id) {
    return findById(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** The granted exemption of a child in one of {@code categories}, if any. */
  public Uni<Exemption> grantedFor(UUID childId, List<String> categories) {
    return find(
            "childId = ?1 and status = ?2 and category in ?3 order by decidedAt",
            childId,
            ExemptionStatus.GRANTED,
            categories)
        .firstResult();
  }

  /** One page in (claimedAt, id) order; null filters do not restrict. */
  public Uni<List<Exemption>> page(
      String guardianSub,
      String schoolId,
      ExemptionStatus status,
      Instant afterAt,
      UUID afterId,
      int limit) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (guardianSub != null) {
      query.append(" and guardianSub = :guardianSub");
      params.and("guardianSub", guardianSub);
    }
    if (schoolId != null) {
      query.append(" and schoolId = :schoolId");
      params.and("schoolId", schoolId);
    }
    if (status != null) {
      query.append(" and status = :status");
      params.and("status", status);
    }
    if (afterAt != null) {
      query.append(" and (claimedAt > :afterAt or (claimedAt = :afterAt and id > :afterId))");
      params.and("afterAt", afterAt).and("afterId", afterId);
    }
    query.append(" order by claimedAt, id");
    return find(query.toString(), params).page(0, limit).list();
  }
}
