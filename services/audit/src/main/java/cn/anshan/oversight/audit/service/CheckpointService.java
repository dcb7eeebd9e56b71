package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.config.SigningKeys;
import cn.anshan.oversight.audit.domain.ChainHash;
import cn.anshan.oversight.audit.domain.Merkle;
import cn.anshan.oversight.audit.domain.Statements;
import cn.anshan.oversight.audit.repository.CheckpointRepository;
import cn.anshan.oversight.audit.repository.CheckpointRepository.ChainHead;
import cn.anshan.oversight.audit.repository.CheckpointRepository.Stored;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Periodically signs the heads of every entity and partition chain (issue 7 capability 5): a Merkle
 * root over the heads sorted by key, signed with Ed25519. It only reads the heads (one consistent
 * snapshot), so it never holds up a writer.
 */
@ApplicationScoped
public class CheckpointService {
  private final CheckpointRepository repository;
  private final SigningKeys keys;
  private final OversightClock clock;
  private final Outbox outbox;

  public CheckpointService(
      CheckpointRepository repository, SigningKeys keys, OversightClock clock, Outbox outbox) {
    this.repository = repository;
    this.keys = keys;
    this.clock = clock;
    this.outbox = outbox;
  }

  /** Payload of {@code CheckpointSigned.v1}. */
  public record CheckpointSigned(
      long checkpointId,
      Instant createdAt,
      long createdAtMicros,
      int chainCount,
      long eventCount,
      String merkleRoot,
      String keyId,
      String signature,
      String publicKey) {}

  /** A checkpoint as the API shows it. */
  public record CheckpointView(
      long id,
      Instant createdAt,
      int chainCount,
      long eventCount,
      String merkleRoot,
      String keyId,
      String signature,
      String statement) {
    static CheckpointView of(Stored s) {
      return new CheckpointView(
          s.id(),
          s.createdAt(),
          s.chainCount(),
          s.eventCount(),
          s.root(),
          s.keyId(),
          s.signature(),
          CheckpointService.statement(s));
    }
  }

  @Scheduled(
      every = "${oversight.audit.checkpoint.interval}",
      delayed = "${oversight.audit.checkpoint.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return take()
        .invoke(c -> Log.infof("audit checkpoint %d over %d chains", c.id(), c.chainCount()))
        .chain(this::publishPending);
  }

  /**
   * Announces every checkpoint not yet published as {@code CheckpointSigned}: the mark and the
   * outbox row commit together, so each is announced exactly once. Needs a Vert.x context
   * (scheduler, REST, or {@code VertxContextSupport} in tests).
   */
  public Uni<Void> publishPending() {
    return repository
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
    CheckpointSigned data =
        new CheckpointSigned(
            c.id(),
            c.createdAt(),
            ChainHash.micros(c.createdAt()),
            c.chainCount(),
            c.eventCount(),
            c.root(),
            c.keyId(),
            c.signature(),
            keys.publicKeyBase64());
    DomainEvent event =
        new DomainEvent("Checkpoint", Long.toString(c.id()), 1, "CheckpointSigned.v1", null, data);
    CommandContext context =
        new CommandContext(Actor.system("audit"), "checkpoint-" + c.id(), "checkpoint-" + c.id());
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .createNativeQuery(
                                "update checkpoint set published_at = now()"
                                    + " where id = ?1 and published_at is null")
                            .setParameter(1, c.id())
                            .executeUpdate())
                .chain(
                    updated ->
                        updated == 1
                            ? outbox.append(context, event)
                            : Uni.createFrom().voidItem()));
  }

  public Uni<CheckpointView> take() {
    return repository
        .currentHeads()
        .chain(
            heads -> {
              List<ChainHead> sorted =
                  heads.stream().sorted(Comparator.comparing(ChainHead::key)).toList();
              String root = Merkle.root(sorted.stream().map(h -> h.head().leaf()).toList());
              long events =
                  sorted.stream()
                      .filter(h -> h.kind().equals("entity"))
                      .mapToLong(ChainHead::length)
                      .sum();
              Instant now = clock.now();
              return repository
                  .nextId()
                  .chain(
                      id -> {
                        Stored unsigned =
                            new Stored(id, now, sorted.size(), events, root, keys.keyId(), null);
                        Stored signed =
                            new Stored(
                                id,
                                now,
                                sorted.size(),
                                events,
                                root,
                                keys.keyId(),
                                keys.sign(statement(unsigned)));
                        return repository
                            .insert(signed, sorted)
                            .replaceWith(CheckpointView.of(signed));
                      });
            });
  }

  public Uni<CheckpointView> latest() {
    return repository.latest().map(s -> s == null ? null : CheckpointView.of(s));
  }

  static String statement(Stored s) {
    return Statements.checkpoint(
        s.id(), ChainHash.micros(s.createdAt()), s.chainCount(), s.eventCount(), s.root());
  }
}
