package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.repository.FeeProposalRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * ASV-04 fees publicly displayed: the school admin publishes the approved fee (only published fees
 * may be charged), superseding the earlier published revision; anyone signed in reads them.
 */
@ApplicationScoped
public class FeePublication {
  private final FeeProposalRepository proposals;
  private final ProposalAccess access;
  private final ProposalChanges changes;
  private final OversightClock clock;

  public FeePublication(
      FeeProposalRepository proposals,
      ProposalAccess access,
      ProposalChanges changes,
      OversightClock clock) {
    this.proposals = proposals;
    this.access = access;
    this.changes = changes;
    this.clock = clock;
  }

  /**
   * The school admin publishes the approved fee (ASV-04: fees publicly displayed); only published
   * fees may be charged. An earlier published revision is superseded in the same transaction.
   */
  @WithTransaction
  public Uni<FeeProposalView> publish(CommandContext command, UUID proposalId, IfMatch ifMatch) {
    Actor admin = ProposalAccess.schoolAdmin(command.actor());
    return access
        .ownProposal(admin, proposalId)
        .invoke(p -> ifMatch.require(p.version()))
        .chain(
            p ->
                proposals
                    .revisions(p.schoolId(), p.term().termId(), p.programmeType())
                    .map(revisions -> p.publish(revisions, admin.subject(), clock.now())))
        .chain(published -> changes.emit(command, published))
        .map(FeeProposalView::of);
  }

  /** ASV-04 fees publicly displayed: the published fees of a school, for every signed-in user. */
  @WithSession
  public Uni<List<PublishedFeeView>> published(String schoolId, String termId) {
    return proposals
        .published(schoolId, termId)
        .map(found -> found.stream().map(PublishedFeeView::of).toList());
  }
}
