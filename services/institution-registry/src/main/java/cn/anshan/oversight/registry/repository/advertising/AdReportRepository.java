package cn.anshan.oversight.registry.repository.advertising;

import cn.anshan.oversight.registry.domain.advertising.AdReport;
import cn.anshan.oversight.registry.domain.advertising.AdReportStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AdReportRepository implements PanacheRepositoryBase<AdReport, UUID> {

  /** ADV-01: business dates of the institution's confirmed violations from {@code from} on. */
  public Uni<List<LocalDate>> confirmedSince(String institutionId, LocalDate from) {
    return list(
            "institutionId = ?1 and status = ?2 and decidedOn >= ?3",
            institutionId,
            AdReportStatus.CONFIRMED,
            from)
        .map(found -> found.stream().map(AdReport::decidedOn).toList());
  }

  /** One page in (reportedAt, id) order strictly after the cursor; null filters are ignored. */
  public Uni<List<AdReport>> page(
      String district,
      String reportedBy,
      AdReportStatus status,
      Instant afterAt,
      UUID afterId,
      int limit) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (district != null) {
      query.append(" and district = :district");
      params.and("district", district);
    }
    if (reportedBy != null) {
      query.append(" and reportedBy = :reportedBy");
      params.and("reportedBy", reportedBy);
    }
    if (status != null) {
      query.append(" and status = :status");
      params.and("status", status);
    }
    if (afterAt != null) {
      query.append(" and (reportedAt > :afterAt or (reportedAt = :afterAt and id > :afterId))");
      params.and("afterAt", afterAt).and("afterId", afterId);
    }
    query.append(" order by reportedAt, id");
    return find(query.toString(), params).page(0, limit).list();
  }
}
