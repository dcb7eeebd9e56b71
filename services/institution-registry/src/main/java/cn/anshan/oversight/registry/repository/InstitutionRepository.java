package cn.anshan.oversight.registry.repository;

import cn.anshan.oversight.registry.domain.ApplicationStatus;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.SubCategory;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, String> {

  /** REG-05: white-listed institutions whose registration did not follow a licence change. */
  public Uni<List<Institution>> registrationOverdue(LocalDate today, int limit) {
    return find(
            "listStatus = ?1 and registrationDueBy < ?2 order by registrationDueBy",
            ListStatus.WHITE,
            today)
        .page(0, limit)
        .list();
  }

  /**
   * Open applications filed before {@code appliedBefore} that were not reported overdue yet, oldest
   * first; the caller checks working days.
   */
  public Uni<List<Institution>> undecidedSince(Instant appliedBefore, int limit) {
    return find(
            "status = ?1 and decisionOverdueReportedAt is null and appliedAt < ?2 order by appliedAt",
            ApplicationStatus.APPLIED,
            appliedBefore)
        .page(0, limit)
        .list();
  }

  /** Approved institutions of a district, optionally only those on one list. */
  public Uni<List<Institution>> approvedIn(String district, ListStatus listStatus) {
    if (listStatus == null) {
      return list(
          "form.district = ?1 and status = ?2 order by institutionId",
          district,
          ApplicationStatus.APPROVED);
    }
    return list(
        "form.district = ?1 and status = ?2 and listStatus = ?3 order by institutionId",
        district,
        ApplicationStatus.APPROVED,
        listStatus);
  }

  /** Approved institutions whose name contains {@code text}, case-insensitively (PLT-12). */
  public Uni<List<Institution>> approvedNamed(String text, int limit) {
    return find(
            "status = ?1 and lower(form.name) like ?2 order by form.name, institutionId",
            ApplicationStatus.APPROVED,
            NameSearch.containing(text))
        .page(0, limit)
        .list();
  }

  /** A page of a published list (LST-01), by institution id; index {@code institution_list}. */
  public Uni<List<Institution>> listed(
      ListStatus listStatus, String district, String afterId, int limit) {
    StringBuilder query = new StringBuilder("listStatus = :status");
    Parameters params = Parameters.with("status", listStatus);
    if (district != null) {
      query.append(" and form.district = :district");
      params.and("district", district);
    }
    if (afterId != null) {
      query.append(" and institutionId > :afterId");
      params.and("afterId", afterId);
    }
    query.append(" order by institutionId");
    return find(query.toString(), params).page(0, limit).list();
  }

  /**
   * One page of a district's applications (of one non-subject sector, unless null) in (appliedAt,
   * institutionId) order, strictly after the cursor; served by index {@code
   * institution_application_queue}.
   */
  public Uni<List<Institution>> page(
      String district,
      SubCategory sector,
      ApplicationStatus status,
      Instant afterAppliedAt,
      String afterId,
      int limit) {
    StringBuilder query = new StringBuilder("form.district = :district");
    Parameters params = Parameters.with("district", district);
    if (sector != null) {
      query.append(" and form.category = :nonSubject and form.subCategory = :sector");
      params.and("nonSubject", Category.NON_SUBJECT).and("sector", sector);
    }
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
