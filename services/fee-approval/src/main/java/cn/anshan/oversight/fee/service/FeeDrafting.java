package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.config.FeeSettings;
import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.domain.FeeRevision;
import cn.anshan.oversight.fee.domain.FeeRules;
import cn.anshan.oversight.fee.domain.FeeTerms;
import cn.anshan.oversight.fee.domain.ProgrammeType;
import cn.anshan.oversight.fee.domain.Term;
import cn.anshan.oversight.fee.messaging.FeeEvents;
import cn.anshan.oversight.fee.repository.FeeProposalRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
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
    requireValidTerm(draft.term());
    requireRules(draft.programmeType(), draft.terms());
    return proposals
        .revisions(admin.schoolId(), draft.term().termId(), draft.programmeType())
        .chain(
            existing -> {
              FeeRules.requireFirstStandard(existing, draft.term().termId(), draft.programmeType());
              FeeProposal proposal =
                  new FeeProposal(
                      admin.schoolId(),
                      admin.district(),
                      draft.term(),
                      draft.programmeType(),
                      1,
                      null,
                      draft.terms(),
                      admin.subject(),
                      clock.now());
              return drafted(command, proposal, null);
            });
  }

  /** A new version of the published fee: a new draft that goes through the whole process. */
  @WithTransaction
  public Uni<FeeProposalView> revise(
      CommandContext command, UUID proposalId, IfMatch ifMatch, FeeTerms terms, String payee) {
    Actor admin = ProposalAccess.schoolAdmin(command.actor());
    FeeRules.requireSchoolPayee(payee);
    return access
        .ownProposal(admin, proposalId)
        .chain(
            current -> {
              ifMatch.require(current.version());
              current.requireRevisable();
              requireRules(current.programmeType(), terms);
              return proposals
                  .revisions(current.schoolId(), current.term().termId(), current.programmeType())
                  .map(all -> FeeRevision.of(current, all, terms, admin.subject(), clock.now()))
                  .chain(
                      revision ->
                          drafted(
                              command,
                              revision,
                              "revision " + revision.revision() + " of " + current.id()));
            });
  }

  /** Stores a new draft (revision 1 or a revision) with its FeeProposalDrafted event. */
  private Uni<FeeProposalView> drafted(CommandContext command, FeeProposal draft, String note) {
    DomainEvent drafted = draft.record(FeeEvents.drafted(draft));
    return proposals
        .persist(draft)
        .chain(() -> changes.emitRecorded(command, draft, drafted, note))
        .map(v -> FeeProposalView.of(draft));
  }

  /** The school admin amends a draft or a returned proposal; consultation starts over. */
  @WithTransaction
  public Uni<FeeProposalView> amend(
      CommandContext command, UUID proposalId, IfMatch ifMatch, FeeTerms terms, String payee) {
    Actor admin = ProposalAccess.schoolAdmin(command.actor());
    FeeRules.requireSchoolPayee(payee);
    return access
        .ownProposal(admin, proposalId)
        .chain(
            p -> {
              ifMatch.require(p.version());
              p.requireAmendable();
              requireRules(p.programmeType(), terms);
              p.amend(terms);
              return changes
                  .emit(command, p, FeeEvents.amended(p), null)
                  .map(v -> FeeProposalView.of(p));
            });
  }

  private void requireValidTerm(Term term) {
    List<FieldError> errors =
        term.problems(settings.maxTermDays()).stream()
            .map(p -> new FieldError("/" + p[0], p[1]))
            .toList();
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.ofFields(errors));
    }
  }

  private void requireRules(ProgrammeType programmeType, FeeTerms terms) {
    List<RuleViolation> violations = FeeRules.check(programmeType, terms, settings.limits());
    if (!violations.isEmpty()) {
      throw ProblemException.rules(violations);
    }
  }
}
