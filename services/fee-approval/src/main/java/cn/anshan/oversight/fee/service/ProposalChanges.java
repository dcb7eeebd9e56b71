package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.FeeHistoryEntry;
import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.domain.ProposalChange;
import cn.anshan.oversight.fee.repository.FeeHistoryRepository;
import cn.anshan.oversight.fee.repository.FeeProposalRepository;
import cn.anshan.oversight.kit.db.OneAtATime;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.Decision;
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
    DomainEvent event = p.record(change.event());
    return outbox
        .append(command, event)
        .chain(() -> history.persist(entry(command, p, event.name(), change.note())))
        .replaceWith(p);
  }

  /** The changes of one command in order; the proposal of the last. */
  Uni<FeeProposal> emit(CommandContext command, List<ProposalChange> changes) {
    return OneAtATime.each(changes, change -> emit(command, change))
        .replaceWith(changes.get(changes.size() - 1).proposal());
  }

  /**
   * A new draft: its first event gives it version 1 before the insert, so its row is written once.
   */
  Uni<FeeProposal> emitNew(CommandContext command, ProposalChange drafted) {
    return outbox
        .appendNew(command, Decision.of(drafted.proposal(), drafted.event()), proposals::persist)
        .call(
            draft ->
                history.persist(entry(command, draft, drafted.event().name(), drafted.note())));
  }

  private FeeHistoryEntry entry(CommandContext command, FeeProposal p, String event, String note) {
    return new FeeHistoryEntry(
        p, event, command.actor().subject(), command.actor().role(), clock.now(), note);
  }
}
