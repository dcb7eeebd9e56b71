package cn.anshan.oversight.registry.repository.complaint;

import cn.anshan.oversight.registry.domain.complaint.Complaint;
import cn.anshan.oversight.registry.domain.complaint.ComplaintStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ComplaintRepository implements PanacheRepositoryBase<Complaint, UUID> {

  /** Who sees which complaints; every field is optional (null: no restriction). */
  public record Scope(String filedBy, String institutionId, String district) {}

  /** One page in (filedAt, id) order strictly after the cursor, within the caller's scope. */
  public Uni<List<Complaint>> page(
      Scope scope, ComplaintStatus status, Instant afterAt, UUID afterId, int limit) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (scope.filedBy() != null) {
      query.append(" and filedBy = :filedBy");
      params.and("filedBy", scope.filedBy());
    }
    if (scope.institutionId() != null) {
      query.append(" and institutionId = :institutionId");
      params.and("institutionId", scope.institutionId());
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
      query.append(" and (filedAt > :afterAt or (filedAt = :afterAt and id > :afterId))");
      params.and("afterAt", afterAt).and("afterId", afterId);
    }
    query.append(" order by filedAt, id");
    return find(query.toString(), params).page(0, limit).list();
  }

  /** PLT-04: unanswered complaints past their last answer day and not yet reported. */
  public Uni<List<Complaint>> answerOverdue(LocalDate today, int limit) {
    return find(
            "status = ?1 and answerDueBy < ?2 and overdueReportedAt is null order by answerDueBy, id",
            ComplaintStatus.FILED,
            today)
        .page(0, limit)
        .list();
  }
}
