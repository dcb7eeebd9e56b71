package cn.anshan.oversight.registry.repository;

import cn.anshan.oversight.registry.domain.VerificationStatus;
import cn.anshan.oversight.registry.domain.inspection.DeclarationChecks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts a district's unchecked and refuted declarations per institution in one grouped statement
 * (INS-02 sampling, issue 18 item 3), for any entity with {@code institutionId}, {@code district}
 * and a {@link VerificationStatus} attribute.
 */
public final class DeclarationCounts {
  private DeclarationCounts() {}

  /**
   * @param entity the entity name, e.g. {@code StaffMember}
   * @param status its verification attribute
   * @param condition more restrictions on {@code e}, e.g. {@code e.status = 'ACTIVE'}
   */
  public static Uni<Map<String, DeclarationChecks>> perInstitution(
      String entity, String status, String condition, String district) {
    String query =
        "select e.institutionId,"
            + " count(case when e.%1$s = :unverified then 1 end),"
            + " count(case when e.%1$s = :refuted then 1 end)"
            + " from %2$s e where e.district = :district and %3$s"
            + " group by e.institutionId";
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createSelectionQuery(
                        query.formatted(status, entity, condition), Object[].class)
                    .setParameter("district", district)
                    .setParameter("unverified", VerificationStatus.UNVERIFIED)
                    .setParameter("refuted", VerificationStatus.REFUTED)
                    .getResultList())
        .map(DeclarationCounts::byInstitution);
  }

  private static Map<String, DeclarationChecks> byInstitution(List<Object[]> rows) {
    return rows.stream()
        .collect(
            Collectors.toMap(
                row -> (String) row[0],
                row -> new DeclarationChecks((Long) row[1], (Long) row[2])));
  }
}
