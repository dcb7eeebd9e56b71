package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.config.FeeSettings;
import cn.anshan.oversight.fee.domain.ConsultationMethod;
import cn.anshan.oversight.fee.domain.ConsultationRules;
import cn.anshan.oversight.fee.domain.ConsultationVote;
import cn.anshan.oversight.fee.domain.ConsultationVotes;
import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.domain.Vote;
import cn.anshan.oversight.fee.repository.ConsultationVoteRepository;
import cn.anshan.oversight.fee.repository.ParentCommitteeRepository;
import cn.anshan.oversight.fee.repository.ParentRepresentativeRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * LN-ASV-06 家长自愿: the school's parent representatives each cast their own vote on a proposal, and
 * one of them records the consultation, whose outcome is counted from those votes.
 */
@ApplicationScoped
public class ParentConsultation {
  private final ParentRepresentativeRepository representatives;
  private final ConsultationVoteRepository votes;
  private final ParentCommitteeRepository committees;
  private final Outbox outbox;
  private final ProposalAccess access;
  private final ProposalChanges changes;
  private final OversightClock clock;
  private final FeeSettings settings;

  public ParentConsultation(
      ParentRepresentativeRepository representatives,
      ConsultationVoteRepository votes,
      ParentCommitteeRepository committees,
      Outbox outbox,
      ProposalAccess access,
      ProposalChanges changes,
      OversightClock clock,
      FeeSettings settings) {
    this.representatives = representatives;
    this.votes = votes;
    this.committees = committees;
    this.outbox = outbox;
    this.access = access;
    this.changes = changes;
    this.clock = clock;
    this.settings = settings;
  }

  /** A vote as its representative sees it, with how far the round is from its quorum. */
  public record ConsultationVoteView(
      UUID proposalId,
      @Schema(description = "The proposal's version (its ETag), which votes do not change")
          long proposalVersion,
      int round,
      Vote vote,
      Instant castAt,
      @Schema(description = "Votes cast in this round so far, this one included") int votesCast,
      @Schema(
              description =
                  "Representatives of the school's parent committee who may vote on it; more"
                      + " than half must vote before the consultation is recorded")
          int representatives) {}

  /**
   * LN-ASV-06 家长自愿: a representative's own vote in the current round, once (a second vote is a
   * 409). A vote is an event of the school's parent committee, not of the proposal: the proposal's
   * version stays, so representatives vote at the same time without If-Match.
   */
  @WithTransaction
  public Uni<ConsultationVoteView> vote(CommandContext command, UUID proposalId, Vote vote) {
    String parent = command.actor().subject();
    return access
        .locked(proposalId)
        .chain(p -> representedBy(command.actor(), p))
        .invoke(FeeProposal::requireOpenForConsultation)
        .call(p -> notYetVoted(p, parent))
        .chain(
            p -> {
              ConsultationVote cast =
                  new ConsultationVote(p.id(), p.consultationRound(), parent, vote, clock.now());
              return votesOf(p)
                  .call(earlier -> votes.persist(cast))
                  .call(earlier -> committeeVoted(command, p, cast))
                  .map(
                      earlier ->
                          new ConsultationVoteView(
                              p.id(),
                              p.version(),
                              cast.round(),
                              vote,
                              cast.castAt(),
                              earlier.votes().size() + 1,
                              earlier.representatives()));
            });
  }

  /** The vote as the next event of the school's parent committee (row-locked: gapless versions). */
  private Uni<Void> committeeVoted(CommandContext command, FeeProposal p, ConsultationVote cast) {
    return committees
        .forUpdate(p.schoolId())
        .chain(committee -> outbox.append(command, committee.record(committee.voteCast(p, cast))))
        .replaceWithVoid();
  }

  /**
   * LN-ASV-06 家长自愿: a representative records the consultation; its outcome and counts are the votes
   * of the round, once more than the configured share of the committee has voted.
   */
  @WithTransaction
  public Uni<FeeProposalView> consult(
      CommandContext command,
      UUID proposalId,
      IfMatch ifMatch,
      ConsultationMethod method,
      LocalDate heldOn) {
    Actor parent = command.actor();
    if (heldOn.isAfter(clock.today())) {
      throw invalidField("/heldOn", "a consultation cannot be recorded before it is held");
    }
    return access
        .locked(proposalId)
        .chain(p -> representedBy(parent, p))
        .invoke(p -> ifMatch.require(p.version()))
        .chain(p -> votesOf(p).chain(round -> recorded(command, p, method, heldOn, round)));
  }

  private Uni<FeeProposalView> recorded(
      CommandContext command,
      FeeProposal p,
      ConsultationMethod method,
      LocalDate heldOn,
      RoundVotes round) {
    ConsultationVotes votes =
        new ConsultationVotes(
            round.votes(), round.representatives(), settings.consultationQuorumPercent());
    return changes
        .emit(
            command,
            p.recordConsultation(method, heldOn, votes, command.actor().subject(), clock.now()))
        .map(FeeProposalView::of);
  }

  /** The votes of the proposal's current round and the size of its school's committee. */
  private record RoundVotes(List<Vote> votes, int representatives) {}

  private Uni<RoundVotes> votesOf(FeeProposal p) {
    return representatives
        .voters(p.schoolId(), p.draftedBy())
        .chain(
            size ->
                votes
                    .ofRound(p.id(), p.consultationRound())
                    .map(cast -> new RoundVotes(cast, size.intValue())));
  }

  private Uni<Void> notYetVoted(FeeProposal p, String parent) {
    return votes
        .lookup(p.id(), p.consultationRound(), parent)
        .invoke(ConsultationRules::requireFirstVote)
        .replaceWithVoid();
  }

  /**
   * Only a registered representative of the proposal's school consults (anyone else: not found);
   * LN-ASV-06 家长自愿: the parents agree, not the school that proposes, so an account holding both
   * roles cannot consult on its own proposal.
   */
  private Uni<FeeProposal> representedBy(Actor parent, FeeProposal proposal) {
    return representatives
        .lookup(proposal.schoolId(), parent.subject())
        .map(rep -> ProblemException.requireFound(rep, "fee proposal " + proposal.id()))
        .invoke(() -> ConsultationRules.requireNotDrafter(parent.subject(), proposal))
        .replaceWith(proposal);
  }

  private static ProblemException invalidField(String pointer, String detail) {
    return new ProblemException(Problem.ofFields(List.of(new FieldError(pointer, detail))));
  }
}
