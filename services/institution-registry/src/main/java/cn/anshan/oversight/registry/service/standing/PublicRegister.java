package cn.anshan.oversight.registry.service.standing;

import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.config.RegistrySettings;
import cn.anshan.oversight.registry.domain.ApplicationStatus;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import cn.anshan.oversight.registry.domain.standing.OperatingLicence;
import cn.anshan.oversight.registry.domain.standing.Standing;
import cn.anshan.oversight.registry.domain.standing.StandingFacts;
import cn.anshan.oversight.registry.repository.InstitutionRepository;
import cn.anshan.oversight.registry.repository.standing.StandingFactsRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What anyone may look up without a login (PLT-12, LST-01): an approved institution's public facts
 * and the published white and black lists.
 */
@ApplicationScoped
public class PublicRegister {
  private final StandingFactsRepository standingFacts;
  private final InstitutionRepository institutions;
  private final RegistrySettings registry;
  private final StandingAssessment assessment;

  public PublicRegister(
      StandingFactsRepository standingFacts,
      InstitutionRepository institutions,
      RegistrySettings registry,
      StandingAssessment assessment) {
    this.standingFacts = standingFacts;
    this.institutions = institutions;
    this.registry = registry;
    this.assessment = assessment;
  }

  /**
   * The public register parents consult: only approved institutions, only public facts (no staff,
   * no accounts, no registration numbers).
   */
  @WithSession
  public Uni<PublicInstitutionView> publicView(String institutionId) {
    return standingFacts
        .publicFacts(institutionId)
        .map(
            found -> {
              if (found == null
                  || found.standing().institution().status() != ApplicationStatus.APPROVED) {
                throw ProblemException.notFound("institution " + institutionId);
              }
              StandingFacts facts = found.standing();
              Institution institution = facts.institution();
              Standing standing = assessment.assess(institution, facts);
              OperatingLicence licence = facts.licence();
              return new PublicInstitutionView(
                  institution.institutionId(),
                  institution.name(),
                  institution.category(),
                  institution.subCategory(),
                  institution.mode(),
                  institution.district(),
                  standing.listStatus(),
                  standing.operational(),
                  licence == null ? null : licence.status(),
                  licence == null ? null : licence.validTo(),
                  found.staff(),
                  standing.reasons().stream().map(RuleViolation::rule).distinct().toList());
            });
  }

  /**
   * A page of a published list (LST-01). The list status is the one stored at the last change or
   * watch run, so it may trail a licence that ended today by at most one watch interval.
   */
  @WithSession
  public Uni<PublicListPage> publishedList(
      ListStatus listStatus, String district, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 50, registry.maxPageSize());
    return institutions
        .listed(listStatus, district, Keyset.after(cursor).id(), size + 1)
        .map(
            found -> {
              List<PublicListPage.Entry> entries =
                  found.stream()
                      .limit(size)
                      .map(
                          i ->
                              new PublicListPage.Entry(
                                  i.institutionId(),
                                  i.name(),
                                  i.category(),
                                  i.subCategory(),
                                  i.mode(),
                                  i.district(),
                                  i.listStatus()))
                      .toList();
              String next =
                  found.size() > size
                      ? Keyset.cursor("", entries.get(size - 1).institutionId())
                      : null;
              return new PublicListPage(entries, next);
            });
  }
}
