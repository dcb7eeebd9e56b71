package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.Department;
import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.repository.FeeProposalRepository;
import cn.anshan.oversight.fee.repository.ParentRepresentativeRepository;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Who may act on or see which fee proposal (object-level scope): school admins their own school's,
 * regulators their district's, pricing officers, the city government and auditors all, parents the
 * proposals of schools they represent. Anything else is "not found", never "forbidden", so a caller
 * learns nothing about proposals outside their scope.
 */
@ApplicationScoped
public class ProposalAccess {
  private final FeeProposalRepository proposals;
  private final ParentRepresentativeRepository representatives;

  public ProposalAccess(
      FeeProposalRepository proposals, ParentRepresentativeRepository representatives) {
    this.proposals = proposals;
    this.representatives = representatives;
  }

  static Actor schoolAdmin(Actor actor) {
    if (actor.schoolId() == null || actor.district() == null) {
      throw ProblemException.forbidden("the token carries no school_id or district claim");
    }
    return actor;
  }

  /** A 404 unless {@code schoolId} is the admin's own school. */
  static void ownSchool(Actor admin, String schoolId) {
    if (!schoolId.equals(schoolAdmin(admin).schoolId())) {
      throw ProblemException.notFound("school " + schoolId);
    }
  }

  static Department departmentOf(Actor actor) {
    if (Roles.REGULATOR.equals(actor.role())) {
      if (actor.district() == null) {
        throw ProblemException.forbidden("the token carries no district claim");
      }
      return Department.EDUCATION;
    }
    return Department.PRICING;
  }

  Uni<FeeProposal> ownProposal(Actor admin, UUID proposalId) {
    return proposals
        .forUpdate(proposalId)
        .map(
            p ->
                ProblemException.requireFound(
                    p,
                    "fee proposal " + proposalId,
                    found -> found.schoolId().equals(admin.schoolId())));
  }

  /** Regulators act on their district's schools only; pricing officers city-wide. */
  Uni<FeeProposal> submitterProposal(Actor signer, UUID proposalId) {
    return proposals
        .forUpdate(proposalId)
        .map(
            p -> {
              if (p == null
                  || (Roles.REGULATOR.equals(signer.role()) && !signer.inDistrict(p.district()))) {
                throw ProblemException.notFound("fee proposal " + proposalId);
              }
              return p;
            });
  }

  Uni<FeeProposal> visible(Actor actor, UUID proposalId) {
    return proposals
        .findById(proposalId)
        .map(p -> ProblemException.requireFound(p, "fee proposal " + proposalId))
        .chain(
            p ->
                switch (actor.role()) {
                  case Roles.AUDITOR, Roles.PRICING_OFFICER, Roles.CITY_GOVERNMENT ->
                      Uni.createFrom().item(p);
                  case Roles.REGULATOR -> seen(actor.inDistrict(p.district()), p);
                  case Roles.SCHOOL_ADMIN -> seen(p.schoolId().equals(actor.schoolId()), p);
                  case Roles.PARENT ->
                      representatives
                          .lookup(p.schoolId(), actor.subject())
                          .chain(rep -> seen(rep != null, p));
                  default -> seen(false, p);
                });
  }

  private static Uni<FeeProposal> seen(boolean visible, FeeProposal p) {
    if (!visible) {
      throw ProblemException.notFound("fee proposal " + p.id());
    }
    return Uni.createFrom().item(p);
  }

  Uni<FeeProposalRepository.Scope> scope(Actor actor) {
    return switch (actor.role()) {
      case Roles.AUDITOR, Roles.PRICING_OFFICER, Roles.CITY_GOVERNMENT ->
          Uni.createFrom().item(new FeeProposalRepository.Scope(null, null));
      case Roles.REGULATOR -> {
        if (actor.district() == null) {
          throw ProblemException.forbidden("the token carries no district claim");
        }
        yield Uni.createFrom().item(new FeeProposalRepository.Scope(null, actor.district()));
      }
      case Roles.SCHOOL_ADMIN -> {
        if (actor.schoolId() == null) {
          throw ProblemException.forbidden("the token carries no school_id claim");
        }
        yield Uni.createFrom()
            .item(new FeeProposalRepository.Scope(List.of(actor.schoolId()), null));
      }
      default ->
          representatives
              .schoolsOf(actor.subject())
              .map(schools -> new FeeProposalRepository.Scope(schools, null));
    };
  }

  /** A proposal a command changes, row-locked; any caller the resource admitted may act on it. */
  Uni<FeeProposal> locked(UUID proposalId) {
    return proposals
        .forUpdate(proposalId)
        .onItem()
        .ifNull()
        .failWith(() -> ProblemException.notFound("fee proposal " + proposalId));
  }
}
