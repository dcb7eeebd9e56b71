package cn.anshan.oversight.registry.repository.standing;

import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.VerificationStatus;
import cn.anshan.oversight.registry.domain.staff.QualificationCounts;
import cn.anshan.oversight.registry.domain.staff.StaffStatus;
import cn.anshan.oversight.registry.domain.standing.LegalRegistration;
import cn.anshan.oversight.registry.domain.standing.OperatingLicence;
import cn.anshan.oversight.registry.domain.standing.Sanction;
import cn.anshan.oversight.registry.domain.standing.StandingFacts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads {@link StandingFacts} in one statement. The public register and every standing change read
 * them; four lookups one after another made four round trips, which the issue 13 profile of the
 * public read showed as its largest cost (kernel and Hibernate time per round trip).
 */
@ApplicationScoped
public class StandingFactsRepository {
  private static final String FROM =
      """
      from Institution i
        left join OperatingLicence l on l.institutionId = i.institutionId
        left join LegalRegistration r on r.institutionId = i.institutionId
        left join Sanction s on s.institutionId = i.institutionId and s.liftedAt is null
      where i.institutionId = :id
      order by s.imposedAt
      """;

  private static final String FACTS = "select i, l, r, s " + FROM;

  /** The same row with the counts of its active staff by verification, for the public register. */
  private static final String PUBLIC_FACTS =
      "select i, l, r, s, "
          + activeStaff(VerificationStatus.VERIFIED)
          + ", "
          + activeStaff(VerificationStatus.UNVERIFIED)
          + ", "
          + activeStaff(VerificationStatus.REFUTED)
          + " "
          + FROM;

  private static String activeStaff(VerificationStatus verification) {
    return "(select count(m) from StaffMember m where m.institutionId = i.institutionId"
        + " and m.status = :active and m.verification = :"
        + verification.name().toLowerCase(Locale.ROOT)
        + ")";
  }

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

  /**
   * The facts and the staff verification counts in one statement (the public read is the hottest
   * path: one round trip, see issue 13), or null when there is no such institution.
   */
  public Uni<PublicFacts> publicFacts(String institutionId) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createSelectionQuery(PUBLIC_FACTS, Object[].class)
                    .setParameter("id", institutionId)
                    .setParameter("active", StaffStatus.ACTIVE)
                    .setParameter("verified", VerificationStatus.VERIFIED)
                    .setParameter("unverified", VerificationStatus.UNVERIFIED)
                    .setParameter("refuted", VerificationStatus.REFUTED)
                    .getResultList())
        .map(
            rows ->
                rows.isEmpty()
                    ? null
                    : new PublicFacts(
                        facts(rows),
                        new QualificationCounts(
                            (Long) rows.get(0)[4], (Long) rows.get(0)[5], (Long) rows.get(0)[6])));
  }

  /** Standing facts with what the public register shows of the staff checks. */
  public record PublicFacts(StandingFacts standing, QualificationCounts staff) {}

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
