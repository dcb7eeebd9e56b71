package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.enrolment.Enrolment;
import cn.anshan.oversight.enrolment.domain.enrolment.EnrolmentStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EnrolmentRepository implements PanacheRepositoryBase<Enrolment, UUID> {

  /**
   * Row-locked until the transaction ends: a concurrent command on the same enrolment waits, then
   * meets the new version (412 on its If-Match) instead of acting twice on the old state.
   */
  public Uni<Enrolment> forUpdate(UUID id) {
    return findById(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** Who sees which enrolments; every field is optional (null: no restriction). */
  public record Scope(String guardianSub, String schoolId, String district) {}

  public Uni<Long> countActive(UUID childId, UUID programmeId) {
    return count(
        "childId = ?1 and programmeId = ?2 and status = ?3",
        childId,
        programmeId,
        EnrolmentStatus.ENROLLED);
  }

  /**
   * Enrolments of a programme served on some day of [start, end]: enrolled, or withdrawn with an
   * effective date after {@code start}; started on or before {@code end}.
   */
  public Uni<List<Enrolment>> servedDuring(UUID programmeId, LocalDate start, LocalDate end) {
    return find(
            "programmeId = ?1 and startDate <= ?3 and (status = ?4 or withdrawalEffective > ?2)"
                + " order by submittedAt, id",
            programmeId,
            start,
            end,
            EnrolmentStatus.ENROLLED)
        .list();
  }

  public Uni<List<Enrolment>> page(
      Scope scope, EnrolmentStatus status, Instant afterAt, UUID afterId, int limit) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (scope.guardianSub() != null) {
      query.append(" and guardianSub = :guardianSub");
      params.and("guardianSub", scope.guardianSub());
    }
    if (scope.schoolId() != null) {
      query.append(" and schoolId = :schoolId");
      params.and("schoolId", scope.schoolId());
    }
    if (scope.district() != null) {
      query.append(" and district = :district");
      params.and("district", scope.district());
    }
    if (status != null) {
      query.append(" and status = :status");
      params.and("status", status);
    }
    if (afterAt != null) {
      query.append(" and (submittedAt > :afterAt or (submittedAt = :afterAt and id > :afterId))");
      params.and("afterAt", afterAt).and("afterId", afterId);
    }
    query.append(" order by submittedAt, id");
    return find(query.toString(), params).page(0, limit).list();
  }
}
