package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.programme.Programme;
import cn.anshan.oversight.enrolment.domain.programme.ProgrammeType;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<Programme, UUID> {

  /**
   * Row-locked until the transaction ends: a concurrent command on the same programme waits, then
   * meets the new version (412 on its If-Match) instead of acting twice on the old state.
   */
  public Uni<Programme> forUpdate(UUID id) {
    return findById(id, LockModeType.PESSIMISTIC_WRITE);
  }

  public Uni<Long> countPlans(String schoolId, String termId, ProgrammeType type) {
    return count("schoolId = ?1 and termId = ?2 and type = ?3", schoolId, termId, type);
  }

  /** One page in (publishedAt, id) order after the cursor; null filters do not restrict. */
  public Uni<List<Programme>> page(
      String schoolId, String district, Instant afterAt, UUID afterId, int limit) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (schoolId != null) {
      query.append(" and schoolId = :schoolId");
      params.and("schoolId", schoolId);
    }
    if (district != null) {
      query.append(" and district = :district");
      params.and("district", district);
    }
    if (afterAt != null) {
      query.append(" and (publishedAt > :afterAt or (publishedAt = :afterAt and id > :afterId))");
      params.and("afterAt", afterAt).and("afterId", afterId);
    }
    query.append(" order by publishedAt, id");
    return find(query.toString(), params).page(0, limit).list();
  }
}
