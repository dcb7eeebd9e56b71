package cn.anshan.oversight.registry.repository;

import cn.anshan.oversight.registry.domain.ApplicationStatus;
import cn.anshan.oversight.registry.domain.InstitutionApplication;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class ApplicationRepository
    implements PanacheRepositoryBase<InstitutionApplication, String> {

  /** REG-05: white-listed institutions whose registration did not follow a licence change. */
  public Uni<List<InstitutionApplication>> registrationOverdue(LocalDate today, int limit) {
    return find(
            "listStatus = ?1 and registrationDueBy < ?2 order by registrationDueBy",
            ListStatus.WHITE,
            today)
        .page(0, limit)
        .list();
  }

  /**
   * One page of a district's applications in (appliedAt, institutionId) order, strictly after the
   * cursor; served by index {@code institution_application_queue}.
   */
  public Uni<List<InstitutionApplication>> page(
      String district,
      ApplicationStatus status,
      Instant afterAppliedAt,
      String afterId,
      int limit) {
    StringBuilder query = new StringBuilder("district = :district");
    Parameters params = Parameters.with("district", district);
    if (status != null) {
      query.append(" and status = :status");
      params.and("status", status);
    }
    if (afterAppliedAt != null) {
      query.append(
          " and (appliedAt > :afterAt or (appliedAt = :afterAt and institutionId > :afterId))");
      params.and("afterAt", afterAppliedAt).and("afterId", afterId);
    }
    query.append(" order by appliedAt, institutionId");
    return find(query.toString(), params).page(0, limit).list();
  }
}
