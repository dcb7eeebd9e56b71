package cn.anshan.oversight.registry.service;

import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.registry.domain.ApplicationStatus;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.repository.InstitutionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds the institution a caller acts for or on, and refuses what the caller may not touch. Use it
 * inside the caller's {@code @WithSession}/{@code @WithTransaction}.
 */
@ApplicationScoped
public class InstitutionGate {
  private final InstitutionRepository institutions;

  public InstitutionGate(InstitutionRepository institutions) {
    this.institutions = institutions;
  }

  /** The operator's own institution (token claim institution_id), which must be approved. */
  public Uni<Institution> ownApprovedInstitution(Actor operator) {
    if (operator.institutionId() == null) {
      throw ProblemException.forbidden("the token carries no institution_id claim");
    }
    return approved(operator.institutionId());
  }

  /** An approved institution, or 404 if there is none with that id. */
  public Uni<Institution> approved(String institutionId) {
    return institutions
        .findById(institutionId)
        .map(
            institution ->
                ProblemException.requireFound(institution, "institution " + institutionId))
        .map(
            institution -> {
              if (institution.status() != ApplicationStatus.APPROVED) {
                throw ProblemException.conflict(
                    "institution-not-approved",
                    "institution "
                        + institutionId
                        + " is "
                        + institution.status()
                        + ", not APPROVED");
              }
              return institution;
            });
  }

  /**
   * An institution a regulator supervises: REG-08/REG-09, only the regulator's own district (404
   * otherwise, like any object the caller may not see).
   */
  public Uni<Institution> supervisedBy(Actor regulator, String institutionId) {
    return approved(institutionId)
        .map(
            institution -> {
              if (!regulator.inDistrict(institution.district())) {
                throw ProblemException.notFound("institution " + institutionId);
              }
              return institution;
            });
  }
}
