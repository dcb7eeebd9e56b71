package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.config.SigningKeys;
import cn.anshan.oversight.audit.domain.ChainHash;
import cn.anshan.oversight.audit.domain.Merkle;
import cn.anshan.oversight.audit.domain.Statements;
import cn.anshan.oversight.audit.repository.CheckpointRepository;
import cn.anshan.oversight.audit.repository.CheckpointRepository.ChainHead;
import cn.anshan.oversight.audit.repository.CheckpointRepository.Stored;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
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

  public CheckpointService(
      CheckpointRepository repository, SigningKeys keys, OversightClock clock) {
    this.repository = repository;
    this.keys = keys;
    this.clock = clock;
  }

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
        .replaceWithVoid();
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
