package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.ConsultationMethod;
import cn.anshan.oversight.fee.domain.ConsultationOutcome;
import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.domain.FeeRules;
import cn.anshan.oversight.fee.messaging.FeeEvents;
import cn.anshan.oversight.fee.repository.ParentRepresentativeRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.Versions;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** LN-ASV-06 家长自愿: a registered parent representative records the consultation's result. */
@ApplicationScoped
public class ParentConsultation {
  private final ParentRepresentativeRepository representatives;
  private final ProposalAccess access;
  private final ProposalChanges changes;
  private final OversightClock clock;

  public ParentConsultation(
      ParentRepresentativeRepository representatives,
      ProposalAccess access,
      ProposalChanges changes,
      OversightClock clock) {
    this.representatives = representatives;
    this.access = access;
    this.changes = changes;
    this.clock = clock;
  }

  /** A consultation as recorded by a parent representative (LN-ASV-06 家长自愿). */
  public record Consultation(
      ConsultationMethod method,
      LocalDate heldOn,
      ConsultationOutcome outcome,
      int votesFor,
      int votesAgainst,
      int votesAbstained) {}

  /** LN-ASV-06 家长自愿: a registered representative records the consultation. */
  @WithTransaction
  public Uni<FeeProposalView> consult(
      CommandContext command, UUID proposalId, String ifMatch, Consultation c) {
    Actor parent = command.actor();
    if (c.heldOn().isAfter(clock.today())) {
      throw invalidField("/heldOn", "a consultation cannot be recorded before it is held");
    }
    return access
        .locked(proposalId)
        .chain(p -> representedBy(parent, p))
        .chain(
            p -> {
              Versions.requireIfMatch(ifMatch, p.version());
              p.recordConsultation(
                  c.method(),
                  c.heldOn(),
                  c.outcome(),
                  c.votesFor(),
                  c.votesAgainst(),
                  c.votesAbstained(),
                  parent.subject(),
                  clock.now());
              return changes
                  .emit(
                      command,
                      p,
                      FeeEvents.consultationHeld(p),
                      c.method() + " " + c.outcome() + " " + c.votesFor() + ":" + c.votesAgainst())
                  .map(v -> FeeProposalView.of(p));
            });
  }

  /**
   * Only a registered representative of the proposal's school consults (anyone else: not found);
   * LN-ASV-06 家长自愿: the parents agree, not the school that proposes, so an account holding both
   * roles cannot consult on its own proposal.
   */
  private Uni<FeeProposal> representedBy(Actor parent, FeeProposal proposal) {
    return representatives
        .lookup(proposal.schoolId(), parent.subject())
        .map(
            rep -> {
              if (rep == null) {
                throw ProblemException.notFound("fee proposal " + proposal.id());
              }
              if (parent.subject().equals(proposal.draftedBy())) {
                throw ProblemException.rule(
                    403,
                    FeeRules.PROCESS,
                    "家长自愿: the school admin who drafted the proposal cannot record the"
                        + " parents' consultation on it");
              }
              return proposal;
            });
  }

  private static ProblemException invalidField(String pointer, String detail) {
    return new ProblemException(Problem.ofFields(List.of(new FieldError(pointer, detail))));
  }
}
