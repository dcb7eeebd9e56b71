package cn.anshan.oversight.fee.repository;

import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.domain.FeeProposalFilter;
import cn.anshan.oversight.fee.domain.FeeStatus;
import cn.anshan.oversight.fee.domain.ProgrammeType;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FeeProposalRepository implements PanacheRepositoryBase<FeeProposal, UUID> {

  /**
   * A proposal a command is about to change, row-locked until the transaction ends: a concurrent
   * command on the same proposal waits and then meets the new version (412 on its If-Match) instead
   * of overwriting it with a second event of the same aggregate version.
   */
  public Uni<FeeProposal> forUpdate(UUID id) {
    return findById(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** Who sees which proposals; every field is optional (null: no restriction). */
  public record Scope(List<String> schoolIds, String district) {}

  /** One page in (draftedAt, id) order strictly after the cursor, within the caller's scope. */
  public Uni<List<FeeProposal>> page(
      Scope scope, FeeProposalFilter filter, Instant afterAt, UUID afterId, int limit) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (scope.schoolIds() != null) {
      query.append(" and schoolId in :schools");
      params.and("schools", scope.schoolIds());
    }
    if (scope.district() != null) {
      query.append(" and district = :district");
      params.and("district", scope.district());
    }
    if (filter.schoolId() != null) {
      query.append(" and schoolId = :schoolId");
      params.and("schoolId", filter.schoolId());
    }
    if (filter.termId() != null) {
      query.append(" and term.termId = :termId");
      params.and("termId", filter.termId());
    }
    if (filter.programmeType() != null) {
      query.append(" and programmeType = :programmeType");
      params.and("programmeType", filter.programmeType());
    }
    if (filter.status() != null) {
      query.append(" and status = :status");
      params.and("status", filter.status());
    }
    if (afterAt != null) {
      query.append(" and (draftedAt > :afterAt or (draftedAt = :afterAt and id > :afterId))");
      params.and("afterAt", afterAt).and("afterId", afterId);
    }
    query.append(" order by draftedAt, id");
    return find(query.toString(), params).page(0, limit).list();
  }

  /** Every revision of one school's fee for a term and programme type, latest first. */
  public Uni<List<FeeProposal>> revisions(
      String schoolId, String termId, ProgrammeType programmeType) {
    return find(
            "schoolId = ?1 and term.termId = ?2 and programmeType = ?3 order by revision desc,"
                + " draftedAt desc",
            schoolId,
            termId,
            programmeType)
        .list();
  }

  /** The fees in force of a school (at most one per term and programme type). */
  public Uni<List<FeeProposal>> published(String schoolId, String termId) {
    if (termId == null) {
      return find(
              "schoolId = ?1 and status = ?2 order by term.start, programmeType",
              schoolId,
              FeeStatus.PUBLISHED)
          .list();
    }
    return find(
            "schoolId = ?1 and term.termId = ?2 and status = ?3 order by programmeType",
            schoolId,
            termId,
            FeeStatus.PUBLISHED)
        .list();
  }
}
