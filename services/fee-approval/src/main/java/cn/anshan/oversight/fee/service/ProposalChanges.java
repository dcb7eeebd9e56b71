package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.FeeHistoryEntry;
import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.domain.ProposalChange;
import cn.anshan.oversight.fee.repository.FeeHistoryRepository;
import cn.anshan.oversight.fee.repository.FeeProposalRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.time.OversightClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * How every fee command records what the proposal decided: the event in the outbox and a line of
 * the history, in the command's transaction.
 */
@ApplicationScoped
public class ProposalChanges {
  private final FeeProposalRepository proposals;
  private final FeeHistoryRepository history;
  private final Outbox outbox;
  private final OversightClock clock;

  public ProposalChanges(
      FeeProposalRepository proposals,
      FeeHistoryRepository history,
      Outbox outbox,
      OversightClock clock) {
    this.proposals = proposals;
    this.history = history;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Numbers the change's event on its proposal (the next version) and appends it; the proposal. */
  Uni<FeeProposal> emit(CommandContext command, ProposalChange change) {
    FeeProposal p = change.proposal();
    return append(command, p, p.record(change.event()), change.note()).replaceWith(p);
  }

  /** The changes of one command in order; the proposal of the last. */
  Uni<FeeProposal> emit(CommandContext command, List<ProposalChange> changes) {
    Uni<FeeProposal> emitted = emit(command, changes.get(0));
    for (ProposalChange next : changes.subList(1, changes.size())) {
      emitted = emitted.chain(() -> emit(command, next));
    }
    return emitted;
  }

  /**
   * A new draft: its first event gives it version 1 before the insert, so its row is written once.
   */
  Uni<FeeProposal> emitNew(CommandContext command, ProposalChange drafted) {
    FeeProposal draft = drafted.proposal();
    DomainEvent event = draft.record(drafted.event());
    return proposals
        .persist(draft)
        .chain(() -> append(command, draft, event, drafted.note()))
        .replaceWith(draft);
  }

  private Uni<Void> append(CommandContext command, FeeProposal p, DomainEvent event, String note) {
    FeeHistoryEntry entry =
        new FeeHistoryEntry(
            p, event.name(), command.actor().subject(), command.actor().role(), clock.now(), note);
    return outbox.append(command, event).chain(() -> history.persist(entry)).replaceWithVoid();
  }
}
