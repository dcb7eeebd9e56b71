package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.config.FeeSettings;
import cn.anshan.oversight.fee.domain.FeeDraft;
import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.domain.FeeRules;
import cn.anshan.oversight.fee.domain.FeeTerms;
import cn.anshan.oversight.fee.domain.ProgrammeType;
import cn.anshan.oversight.fee.domain.Term;
import cn.anshan.oversight.fee.repository.FeeProposalRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * A school admin drafts the fee standard of a term and programme type (LN-ASV-03/05/06, ASV-04),
 * amends a draft or a returned proposal, and revises a published fee through the whole process
 * again.
 */
@ApplicationScoped
public class FeeDrafting {
  private final FeeProposalRepository proposals;
  private final ProposalAccess access;
  private final ProposalChanges changes;
  private final OversightClock clock;
  private final FeeSettings settings;

  public FeeDrafting(
      FeeProposalRepository proposals,
      ProposalAccess access,
      ProposalChanges changes,
      OversightClock clock,
      FeeSettings settings) {
    this.proposals = proposals;
    this.access = access;
    this.changes = changes;
    this.clock = clock;
    this.settings = settings;
  }

  /** What a school admin proposes; {@code payee} may only name the school (ASV-04). */
  public record Draft(Term term, ProgrammeType programmeType, FeeTerms terms, String payee) {}

  /** LN-ASV-03/05/06, ASV-04: a school admin drafts revision 1 for a term and programme type. */
  @WithTransaction
  public Uni<FeeProposalView> draft(CommandContext command, Draft draft) {
    Actor admin = ProposalAccess.schoolAdmin(command.actor());
    FeeRules.requireSchoolPayee(draft.payee());
    FeeDraft proposed =
        new FeeDraft(
            admin.schoolId(),
            admin.district(),
            admin.subject(),
            draft.term(),
            draft.programmeType(),
            draft.terms());
    return revisions(admin.schoolId(), draft.term(), draft.programmeType())
        .map(
            existing ->
                FeeProposal.draft(
                    proposed, existing, settings.limits(), settings.maxTermDays(), clock.now()))
        .chain(drafted -> changes.emitNew(command, drafted))
        .map(FeeProposalView::of);
  }

  /** A new version of the published fee: a new draft that goes through the whole process. */
  @WithTransaction
  public Uni<FeeProposalView> revise(
      CommandContext command, UUID proposalId, IfMatch ifMatch, FeeTerms terms, String payee) {
    Actor admin = ProposalAccess.schoolAdmin(command.actor());
    FeeRules.requireSchoolPayee(payee);
    return access
        .ownProposal(admin, proposalId)
        .invoke(current -> ifMatch.require(current.version()))
        .chain(
            current ->
                revisions(current.schoolId(), current.term(), current.programmeType())
                    .map(
                        all ->
                            current.revise(
                                terms, all, settings.limits(), admin.subject(), clock.now())))
        .chain(revision -> changes.emitNew(command, revision))
        .map(FeeProposalView::of);
  }

  /** The school admin amends a draft or a returned proposal; consultation starts over. */
  @WithTransaction
  public Uni<FeeProposalView> amend(
      CommandContext command, UUID proposalId, IfMatch ifMatch, FeeTerms terms, String payee) {
    Actor admin = ProposalAccess.schoolAdmin(command.actor());
    FeeRules.requireSchoolPayee(payee);
    return access
        .ownProposal(admin, proposalId)
        .invoke(p -> ifMatch.require(p.version()))
        .map(p -> p.amend(terms, settings.limits()))
        .chain(amended -> changes.emit(command, amended))
        .map(FeeProposalView::of);
  }

  private Uni<List<FeeProposal>> revisions(
      String schoolId, Term term, ProgrammeType programmeType) {
    return proposals.revisions(schoolId, term.termId(), programmeType);
  }
}
