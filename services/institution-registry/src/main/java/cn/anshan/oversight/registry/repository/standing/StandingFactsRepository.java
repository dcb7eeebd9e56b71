package cn.anshan.oversight.registry.repository.standing;

import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.standing.LegalRegistration;
import cn.anshan.oversight.registry.domain.standing.OperatingLicence;
import cn.anshan.oversight.registry.domain.standing.Sanction;
import cn.anshan.oversight.registry.domain.standing.StandingFacts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads {@link StandingFacts} in one statement. The public register and every standing change read
 * them; four lookups one after another made four round trips, which the issue 13 profile of the
 * public read showed as its largest cost (kernel and Hibernate time per round trip).
 */
@ApplicationScoped
public class StandingFactsRepository {
  private static final String FACTS =
      """
      select i, l, r, s from Institution i
        left join OperatingLicence l on l.institutionId = i.institutionId
        left join LegalRegistration r on r.institutionId = i.institutionId
        left join Sanction s on s.institutionId = i.institutionId and s.liftedAt is null
      where i.institutionId = :id
      order by s.imposedAt
      """;

  /** The facts of an institution, or null when there is no such institution. */
  public Uni<StandingFacts> of(String institutionId) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createSelectionQuery(FACTS, Object[].class)
                    .setParameter("id", institutionId)
                    .getResultList())
        .map(StandingFactsRepository::facts);
  }

  private static StandingFacts facts(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return null;
    }
    Object[] first = rows.get(0);
    List<Sanction> inForce = new ArrayList<>();
    for (Object[] row : rows) {
      if (row[3] != null) {
        inForce.add((Sanction) row[3]);
      }
    }
    return new StandingFacts(
        (Institution) first[0],
        (OperatingLicence) first[1],
        (LegalRegistration) first[2],
        List.copyOf(inForce));
  }
}
