package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.domain.MerkleLog;
import cn.anshan.oversight.audit.domain.MerkleLog.Node;
import cn.anshan.oversight.audit.repository.CheckpointRepository;
import cn.anshan.oversight.audit.repository.CheckpointRepository.Stored;
import cn.anshan.oversight.audit.repository.EventLogRepository;
import cn.anshan.oversight.audit.service.CheckpointService.CheckpointView;
import cn.anshan.oversight.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The proofs a witness asks for (RFC 9162): that a stored event's leaf is in a signed tree, and
 * that a later checkpoint's tree extends an earlier one's. Both are computed from the stored
 * subtrees; a missing subtree means the stored log was cut.
 */
@ApplicationScoped
public class LogProofs {
  private final Pool pool;
  private final CheckpointRepository checkpoints;
  private final EventLogRepository log;

  public LogProofs(Pool pool, CheckpointRepository checkpoints, EventLogRepository log) {
    this.pool = pool;
    this.checkpoints = checkpoints;
    this.log = log;
  }

  /** That the later checkpoint's tree extends the earlier one's (RFC 9162 §2.1.4). */
  public record Consistency(CheckpointView from, CheckpointView to, List<String> proof) {}

  /** Fetches stored subtrees; a missing one means the stored log was cut. */
  Uni<Function<Node, String>> stored(SqlClient client, Set<Node> wanted) {
    return log.nodes(client, wanted)
        .map(
            found -> {
              if (found.size() != wanted.size()) {
                throw new IllegalStateException("PLT-11: stored log subtrees are missing");
              }
              return found::get;
            });
  }

  /** Audit paths of the given leaves in the tree of {@code size} leaves. */
  public Uni<List<List<String>>> inclusionProofs(List<Long> indices, long size) {
    return stored(
            pool,
            MerkleLog.nodesFor(
                s -> indices.stream().map(i -> MerkleLog.inclusionProof(i, size, s)).toList()))
        .map(nodes -> indices.stream().map(i -> MerkleLog.inclusionProof(i, size, nodes)).toList());
  }

  /** The proof that checkpoint {@code toId} extends checkpoint {@code fromId}. */
  public Uni<Consistency> consistency(long fromId, long toId) {
    return checkpoints
        .byId(fromId)
        .chain(from -> checkpoints.byId(toId).map(to -> new Span(from, to)))
        .map(span -> span.requireOrdered(fromId, toId))
        .chain(this::proof);
  }

  /** Two checkpoints as asked for: both must exist, the earlier first. */
  private record Span(Stored from, Stored to) {
    Span requireOrdered(long fromId, long toId) {
      if (from == null || to == null) {
        throw ProblemException.notFound("checkpoint " + (from == null ? fromId : toId));
      }
      if (from.treeSize() > to.treeSize()) {
        throw ProblemException.rule(
            "PLT-11", "checkpoint " + fromId + " covers more events than " + toId + "; swap them");
      }
      return this;
    }
  }

  private Uni<Consistency> proof(Span span) {
    long m = span.from().treeSize();
    long n = span.to().treeSize();
    return stored(pool, MerkleLog.nodesFor(s -> MerkleLog.consistencyProof(m, n, s)))
        .map(
            nodes ->
                new Consistency(
                    CheckpointView.of(span.from()),
                    CheckpointView.of(span.to()),
                    MerkleLog.consistencyProof(m, n, nodes)));
  }
}
