package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.messaging.AuditEvents;
import cn.anshan.oversight.audit.messaging.AuditEvents.CheckpointSigned;
import cn.anshan.oversight.audit.repository.CheckpointRepository;
import cn.anshan.oversight.audit.repository.CheckpointRepository.Stored;
import cn.anshan.oversight.audit.service.CheckpointService.CheckpointView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.security.Actor;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/** Announces each signed checkpoint once, so that witnesses outside audit can keep it. */
@ApplicationScoped
public class CheckpointPublisher {
  private final Pool pool;
  private final CheckpointRepository checkpoints;
  private final Outbox outbox;

  public CheckpointPublisher(Pool pool, CheckpointRepository checkpoints, Outbox outbox) {
    this.pool = pool;
    this.checkpoints = checkpoints;
    this.outbox = outbox;
  }

  /**
   * Announces every checkpoint not yet published as {@code CheckpointSigned.v2}: the mark and the
   * outbox row commit together, so each is announced exactly once.
   */
  public Uni<Void> publishPending() {
    return checkpoints
        .unpublished()
        .chain(
            pending ->
                Multi.createFrom()
                    .iterable(pending)
                    .onItem()
                    .transformToUniAndConcatenate(this::publish)
                    .collect()
                    .last()
                    .replaceWithVoid());
  }

  private Uni<Void> publish(Stored c) {
    CheckpointView view = CheckpointView.of(c);
    DomainEvent event =
        AuditEvents.checkpointSigned(
            new CheckpointSigned(
                c.id(),
                c.createdAt(),
                view.createdAtMicros(),
                c.treeSize(),
                c.root(),
                c.previousHash(),
                c.keyId(),
                c.signature(),
                view.statement()));
    CommandContext context =
        new CommandContext(Actor.system("audit"), "checkpoint-" + c.id(), "checkpoint-" + c.id());
    return pool.withTransaction(
        connection ->
            checkpoints
                .markPublished(connection, c.id())
                .chain(
                    first ->
                        first
                            ? outbox.append(connection, context, event)
                            : Uni.createFrom().voidItem()));
  }
}
