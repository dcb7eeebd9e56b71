package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.config.SigningKeys;
import cn.anshan.oversight.audit.domain.ChainHash;
import cn.anshan.oversight.audit.domain.FindingRules.Kind;
import cn.anshan.oversight.audit.domain.MerkleLog;
import cn.anshan.oversight.audit.domain.MerkleLog.Hashed;
import cn.anshan.oversight.audit.domain.MerkleLog.Node;
import cn.anshan.oversight.audit.domain.MerkleProofs;
import cn.anshan.oversight.audit.domain.Statements;
import cn.anshan.oversight.audit.repository.CheckpointRepository;
import cn.anshan.oversight.audit.repository.CheckpointRepository.Stored;
import cn.anshan.oversight.audit.repository.EventLogRepository;
import cn.anshan.oversight.audit.repository.FindingRepository.Candidate;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends every newly stored event to the Merkle log and signs the result (PLT-11, issue 16 item
 * 2): a checkpoint names the tree size, its root and the hash of the checkpoint before it. Before
 * signing, the signer proves that the stored log still extends the last signed checkpoint (its root
 * recomputed from the stored right edge) and that the new tree extends it (an RFC 9162 consistency
 * proof checked like any witness would). A log that does not is never signed: it is reported as a
 * {@code LOG_NOT_EXTENDED} finding and announced as {@code ComplianceFindingRecorded}. Only the
 * events and subtrees added since the last checkpoint are written; ingest never waits for it.
 */
@ApplicationScoped
public class CheckpointService {
  private static final int CHUNK = 2_000;

  private final Pool pool;
  private final CheckpointRepository checkpoints;
  private final EventLogRepository log;
  private final SigningKeys keys;
  private final OversightClock clock;
  private final CheckpointPublisher publisher;
  private final FindingScanner findings;
  private final LogProofs proofs;

  public CheckpointService(
      Pool pool,
      CheckpointRepository checkpoints,
      EventLogRepository log,
      SigningKeys keys,
      OversightClock clock,
      CheckpointPublisher publisher,
      FindingScanner findings,
      LogProofs proofs) {
    this.pool = pool;
    this.checkpoints = checkpoints;
    this.log = log;
    this.keys = keys;
    this.clock = clock;
    this.publisher = publisher;
    this.findings = findings;
    this.proofs = proofs;
  }

  /**
   * A checkpoint as the API shows it: the small file an auditor keeps, to ask later whether the log
   * still extends it.
   */
  public record CheckpointView(
      long id,
      Instant createdAt,
      long createdAtMicros,
      long treeSize,
      String rootHash,
      String previousHash,
      String keyId,
      String signature,
      String statement) {
    static CheckpointView of(Stored s) {
      return new CheckpointView(
          s.id(),
          s.createdAt(),
          ChainHash.micros(s.createdAt()),
          s.treeSize(),
          s.root(),
          s.previousHash(),
          s.keyId(),
          s.signature(),
          CheckpointService.statement(s));
    }
  }

  /** The stored log does not extend the last signed checkpoint: nothing is signed. */
  public static final class LogNotExtended extends RuntimeException {
    private final long checkpointId;

    LogNotExtended(long checkpointId, String detail) {
      super("PLT-11: the stored log does not extend checkpoint " + checkpointId + ": " + detail);
      this.checkpointId = checkpointId;
    }

    Candidate finding() {
      return new Candidate(
          "log-not-extended-" + checkpointId,
          Kind.LOG_NOT_EXTENDED,
          "Checkpoint/" + checkpointId,
          null,
          getMessage(),
          List.of());
    }
  }

  @Scheduled(
      every = "${oversight.audit.checkpoint.interval}",
      delayed = "${oversight.audit.checkpoint.interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return take()
        .invoke(c -> Log.infof("audit checkpoint %d: %d events logged", c.id(), c.treeSize()))
        .chain(publisher::publishPending)
        .onFailure(LogNotExtended.class)
        .invoke(e -> Log.error(e.getMessage()))
        .onFailure(LogNotExtended.class)
        .recoverWithNull()
        .replaceWithVoid();
  }

  /**
   * Logs the events stored since the last checkpoint and signs the grown tree; returns the last
   * checkpoint unchanged when nothing was stored. Fails with {@link LogNotExtended} (after
   * recording the finding) when the stored log no longer extends the last signed checkpoint.
   */
  public Uni<CheckpointView> take() {
    return pool.withTransaction(conn -> new Append(conn).run())
        .onFailure(LogNotExtended.class)
        .call(e -> findings.report(((LogNotExtended) e).finding()));
  }

  /** One append: resume from the last checkpoint, add what is new, prove, sign. */
  private final class Append {
    private final SqlConnection conn;
    private Stored previous;
    private MerkleLog.Appender tree;
    private String horizon;

    Append(SqlConnection conn) {
      this.conn = conn;
    }

    Uni<CheckpointView> run() {
      return log.lockForAppend(conn)
          .chain(() -> checkpoints.latest(conn))
          .invoke(p -> previous = p)
          .chain(this::resumeFromPrevious)
          .chain(() -> log.horizon(conn))
          .invoke(h -> horizon = h)
          .chain(() -> appendAll(previous == null ? "0" : previous.txHorizon(), null))
          .chain(this::sign);
    }

    private long previousSize() {
      return previous == null ? 0 : previous.treeSize();
    }

    private Uni<Void> resumeFromPrevious() {
      if (previous != null
          && !keys.verify(previous.keyId(), statement(previous), previous.signature())) {
        throw new LogNotExtended(previous.id(), "its signature does not verify");
      }
      List<Node> edge = MerkleLog.frontier(previousSize());
      return log.nodes(conn, edge)
          .invoke(
              found -> {
                List<Hashed> frontier = new ArrayList<>();
                for (Node node : edge) {
                  if (!found.containsKey(node)) {
                    throw new LogNotExtended(previous.id(), "stored subtree " + node + " is gone");
                  }
                  frontier.add(new Hashed(node, found.get(node)));
                }
                tree = new MerkleLog.Appender(previousSize(), frontier);
                if (previous != null && !tree.root().equals(previous.root())) {
                  throw new LogNotExtended(
                      previous.id(),
                      "the stored tree of " + previousSize() + " leaves has another root");
                }
              })
          .replaceWithVoid();
    }

    private Uni<Void> appendAll(String from, EventLogRepository.LogPosition after) {
      return log.newEvents(conn, from, horizon, after, CHUNK)
          .chain(
              events -> {
                if (events.isEmpty()) {
                  return Uni.createFrom().voidItem();
                }
                long first = tree.size();
                events.forEach(e -> tree.append(e.leafHash()));
                return log.append(conn, first, events, tree.drainCompleted())
                    .chain(
                        () ->
                            events.size() < CHUNK
                                ? Uni.createFrom().voidItem()
                                : appendAll(from, events.get(events.size() - 1).position()));
              });
    }

    private Uni<CheckpointView> sign() {
      if (previous != null && tree.size() == previous.treeSize()) {
        return Uni.createFrom().item(CheckpointView.of(previous));
      }
      String root = tree.root();
      long size = tree.size();
      return provenExtension(conn, previous, size, root)
          .chain(() -> checkpoints.nextId(conn))
          .chain(
              id -> {
                Instant now = clock.now();
                String previousHash =
                    previous == null
                        ? Statements.NO_PREVIOUS
                        : Statements.hashOf(statement(previous));
                Stored unsigned =
                    new Stored(id, now, size, root, previousHash, horizon, keys.keyId(), null);
                Stored signed =
                    new Stored(
                        id,
                        now,
                        size,
                        root,
                        previousHash,
                        horizon,
                        keys.keyId(),
                        keys.sign(statement(unsigned)));
                return checkpoints.insert(conn, signed).replaceWith(CheckpointView.of(signed));
              });
    }
  }

  /** Checks, as a witness would, that the tree of {@code size} leaves extends {@code previous}. */
  private Uni<Void> provenExtension(SqlClient client, Stored previous, long size, String root) {
    if (previous == null) {
      return Uni.createFrom().voidItem();
    }
    long oldSize = previous.treeSize();
    return proofs
        .stored(client, MerkleLog.nodesFor(s -> MerkleLog.consistencyProof(oldSize, size, s)))
        .invoke(
            nodes -> {
              List<String> proof = MerkleLog.consistencyProof(oldSize, size, nodes);
              if (!MerkleProofs.verifyConsistency(oldSize, previous.root(), size, root, proof)) {
                throw new LogNotExtended(
                    previous.id(), "the consistency proof to " + size + " fails");
              }
            })
        .replaceWithVoid();
  }

  public Uni<CheckpointView> latest() {
    return checkpoints.latest().map(s -> s == null ? null : CheckpointView.of(s));
  }

  static String statement(Stored s) {
    return Statements.checkpoint(
        s.keyId(),
        s.id(),
        ChainHash.micros(s.createdAt()),
        s.treeSize(),
        s.root(),
        s.previousHash());
  }
}
