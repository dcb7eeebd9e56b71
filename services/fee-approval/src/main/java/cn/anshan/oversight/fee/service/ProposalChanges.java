package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.FeeHistoryEntry;
import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.repository.FeeHistoryRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.time.OversightClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** How every fee command records a change: the event in the outbox and a line of the history. */
@ApplicationScoped
public class ProposalChanges {
  private final FeeHistoryRepository history;
  private final Outbox outbox;
  private final OversightClock clock;

  public ProposalChanges(FeeHistoryRepository history, Outbox outbox, OversightClock clock) {
    this.history = history;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Records the event on the proposal (its next version), appends it and the proposal's history
   * entry in the command's transaction.
   */
  Uni<Void> emit(CommandContext command, FeeProposal p, PendingEvent change, String note) {
    return emitRecorded(command, p, p.record(change), note);
  }

  /**
   * Appends an event the proposal has already recorded: a new draft records its first event before
   * the insert, so its row is written once, with version 1.
   */
  Uni<Void> emitRecorded(CommandContext command, FeeProposal p, DomainEvent event, String note) {
    FeeHistoryEntry entry =
        new FeeHistoryEntry(
            p, event.name(), command.actor().subject(), command.actor().role(), clock.now(), note);
    return outbox.append(command, event).chain(() -> history.persist(entry)).replaceWithVoid();
  }
}
