package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.config.SigningKeys;
import cn.anshan.oversight.audit.domain.MerkleLog;
import cn.anshan.oversight.audit.domain.MerkleLog.Hashed;
import cn.anshan.oversight.audit.domain.MerkleLog.Node;
import cn.anshan.oversight.audit.domain.MerkleProofs;
import cn.anshan.oversight.audit.domain.Statements;
import cn.anshan.oversight.audit.repository.CheckpointRepository;
import cn.anshan.oversight.audit.repository.CheckpointRepository.Stored;
import cn.anshan.oversight.audit.repository.EventLogRepository;
import cn.anshan.oversight.audit.repository.EventLogRepository.LeafProblem;
import cn.anshan.oversight.audit.repository.EventLogRepository.LoggedEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Checks the event log against its signed checkpoints (PLT-11, issue 16 item 2): every checkpoint's
 * signature under the key it names and its link to the one before; every leaf against the event row
 * it stands for; every checkpoint's root recomputed from the leaves (whole store) or every leaf of
 * one entity proven into the latest root; and no event stored before the latest checkpoint that the
 * log left out.
 */
@ApplicationScoped
public class LogVerification {
  private static final int FOLD_PAGE = 10_000;
  private static final int MAX_PROBLEMS = 1_000;

  private final CheckpointRepository checkpoints;
  private final EventLogRepository log;
  private final SigningKeys keys;

  public LogVerification(
      CheckpointRepository checkpoints, EventLogRepository log, SigningKeys keys) {
    this.checkpoints = checkpoints;
    this.log = log;
    this.keys = keys;
  }

  /** One way the log and its checkpoints disagree. */
  public record LogProblem(
      String problem, Long checkpointId, Long logIndex, UUID eventId, String chain, String detail) {
    static LogProblem of(String problem, Stored c, String detail) {
      return new LogProblem(
          problem, c.id(), null, null, null, "checkpoint " + c.id() + " " + detail);
    }

    static LogProblem leaf(LeafProblem l) {
      return new LogProblem(
          l.problem(),
          null,
          l.index(),
          l.eventId(),
          l.chain(),
          "the leaf no longer matches its event");
    }

    static LogProblem unlogged(Stored latest, UUID eventId) {
      return new LogProblem(
          "UNLOGGED_EVENT",
          latest.id(),
          null,
          eventId,
          null,
          "stored before checkpoint " + latest.id() + " but not in its log");
    }

    static LogProblem subtree(Hashed computed, String stored) {
      Node node = computed.node();
      long firstLeaf = node.index() << node.level();
      return new LogProblem(
          stored == null ? "NODE_MISSING" : "NODE_HASH",
          null,
          firstLeaf,
          null,
          null,
          "stored subtree at level "
              + node.level()
              + " over leaves from "
              + firstLeaf
              + " differs from the leaves");
    }

    static LogProblem notIncluded(Stored latest, LoggedEvent l) {
      return new LogProblem(
          "INCLUSION",
          latest.id(),
          l.index(),
          l.eventId(),
          null,
          "the stored leaf is not in the signed tree");
    }
  }

  public record LogCheck(
      Long checkpointId, long treeSize, int checkpoints, List<LogProblem> problems) {
    /** A producer-sequence check does not look at the log. */
    public static final LogCheck NOT_CHECKED = new LogCheck(null, 0, 0, List.of());

    static LogCheck of(List<Stored> all, List<LogProblem> problems) {
      Stored latest = all.isEmpty() ? null : all.get(all.size() - 1);
      return new LogCheck(
          latest == null ? null : latest.id(),
          latest == null ? 0 : latest.treeSize(),
          all.size(),
          problems);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public Uni<LogCheck> check(String aggregateId) {
    List<LogProblem> problems = new ArrayList<>();
    return checkpoints
        .all()
        .invoke(signed -> signedAndLinked(signed, problems))
        .call(
            () -> log.leafProblems(aggregateId).invoke(leaves -> addLeafProblems(leaves, problems)))
        .call(
            all ->
                all.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : againstLatest(aggregateId, all, problems))
        .map(all -> LogCheck.of(all, problems));
  }

  private static void addLeafProblems(List<LeafProblem> leaves, List<LogProblem> problems) {
    leaves.forEach(l -> problems.add(LogProblem.leaf(l)));
  }

  /**
   * Roots (or the entity's inclusion proofs) and left-out events, against the latest checkpoint.
   */
  private Uni<Void> againstLatest(String aggregateId, List<Stored> all, List<LogProblem> problems) {
    Stored latest = all.get(all.size() - 1);
    Uni<Void> roots =
        aggregateId == null
            ? rootsFromLeaves(all, problems)
            : proofsOfEntity(aggregateId, latest, problems);
    return roots
        .chain(() -> log.unloggedBelow(latest.txHorizon(), aggregateId))
        .invoke(ids -> ids.forEach(id -> problems.add(LogProblem.unlogged(latest, id))))
        .replaceWithVoid();
  }

  private void signedAndLinked(List<Stored> all, List<LogProblem> problems) {
    String previousHash = null;
    long previousSize = 0;
    for (Stored c : all) {
      String statement = CheckpointService.statement(c);
      if (!keys.verify(c.keyId(), statement, c.signature())) {
        problems.add(LogProblem.of("SIGNATURE", c, "not signed by key " + c.keyId()));
      }
      String expected = previousHash == null ? Statements.NO_PREVIOUS : previousHash;
      if (!expected.equals(c.previousHash())) {
        problems.add(
            LogProblem.of("PREVIOUS_CHECKPOINT", c, "does not name the checkpoint before it"));
      }
      if (c.treeSize() < previousSize) {
        problems.add(
            LogProblem.of("SHRUNK", c, "covers fewer events than the checkpoint before it"));
      }
      previousHash = Statements.hashOf(statement);
      previousSize = c.treeSize();
    }
  }

  /** Folds every leaf in index order and compares each checkpoint's root on the way. */
  private Uni<Void> rootsFromLeaves(List<Stored> all, List<LogProblem> problems) {
    return fold(new MerkleLog.Appender(0, List.of()), all, 0, problems);
  }

  /** One page of leaves onto the tree, then the next page, until every checkpoint is reached. */
  private Uni<Void> fold(
      MerkleLog.Appender tree, List<Stored> pending, int next, List<LogProblem> problems) {
    return log.leafHashes(tree.size(), FOLD_PAGE)
        .chain(
            leaves -> {
              int reached = appendPage(tree, leaves, pending, next, problems);
              List<Hashed> inner =
                  tree.drainCompleted().stream().filter(h -> h.node().level() > 0).toList();
              boolean more = leaves.size() == FOLD_PAGE && reached < pending.size();
              return storedSubtreesAgree(inner, problems)
                  .chain(
                      () ->
                          more
                              ? fold(tree, pending, reached, problems)
                              : unreached(tree, pending, reached, problems));
            });
  }

  /** Appends the page's leaves, comparing every checkpoint the tree reaches on the way. */
  private static int appendPage(
      MerkleLog.Appender tree,
      List<String> leaves,
      List<Stored> pending,
      int next,
      List<LogProblem> problems) {
    int i = next;
    for (String leaf : leaves) {
      i = compareReached(tree, pending, i, problems);
      tree.append(leaf);
    }
    return compareReached(tree, pending, i, problems);
  }

  /** Checkpoints over more leaves than the log holds. */
  private static Uni<Void> unreached(
      MerkleLog.Appender tree, List<Stored> pending, int reached, List<LogProblem> problems) {
    for (Stored c : pending.subList(reached, pending.size())) {
      problems.add(
          LogProblem.of("ROOT", c, "the log holds only " + tree.size() + " contiguous leaves"));
    }
    return Uni.createFrom().voidItem();
  }

  /**
   * Every stored subtree above the leaves against the one the leaves give: a rewritten inner node
   * would only surface when a proof through it is asked for.
   */
  private Uni<Void> storedSubtreesAgree(List<Hashed> computed, List<LogProblem> problems) {
    return log.nodes(computed.stream().map(Hashed::node).toList())
        .invoke(stored -> compareSubtrees(computed, stored, problems))
        .replaceWithVoid();
  }

  private static void compareSubtrees(
      List<Hashed> computed, Map<Node, String> stored, List<LogProblem> problems) {
    for (Hashed h : computed) {
      String found = stored.get(h.node());
      if (!h.hash().equals(found) && problems.size() < MAX_PROBLEMS) {
        problems.add(LogProblem.subtree(h, found));
      }
    }
  }

  private static int compareReached(
      MerkleLog.Appender tree, List<Stored> pending, int next, List<LogProblem> problems) {
    int i = next;
    while (i < pending.size() && pending.get(i).treeSize() == tree.size()) {
      Stored c = pending.get(i++);
      if (!tree.root().equals(c.root())) {
        problems.add(LogProblem.of("ROOT", c, "the leaves give another root than the signed one"));
      }
    }
    return i;
  }

  /** Proves each of the entity's stored leaves into the latest signed root. */
  private Uni<Void> proofsOfEntity(String aggregateId, Stored latest, List<LogProblem> problems) {
    long size = latest.treeSize();
    return log.logged(null, aggregateId, size)
        .chain(
            logged -> {
              List<LoggedEvent> present =
                  logged.stream().filter(l -> l.storedLeaf() != null).toList();
              Set<Node> wanted = nodesToProve(present, size);
              return log.nodes(wanted)
                  .invoke(nodes -> proveEach(latest, present, wanted, nodes, problems))
                  .replaceWithVoid();
            });
  }

  /** The stored subtrees that the inclusion proofs of {@code present} read. */
  private static Set<Node> nodesToProve(List<LoggedEvent> present, long size) {
    return MerkleLog.nodesFor(
        s -> present.stream().map(l -> MerkleLog.inclusionProof(l.index(), size, s)).toList());
  }

  private static void proveEach(
      Stored latest,
      List<LoggedEvent> present,
      Set<Node> wanted,
      Map<Node, String> nodes,
      List<LogProblem> problems) {
    if (!nodes.keySet().containsAll(wanted)) {
      problems.add(LogProblem.of("NODE_MISSING", latest, "has stored subtrees missing"));
      return;
    }
    long size = latest.treeSize();
    for (LoggedEvent l : present) {
      List<String> proof = MerkleLog.inclusionProof(l.index(), size, nodes::get);
      if (!MerkleProofs.verifyInclusion(l.index(), size, l.storedLeaf(), proof, latest.root())) {
        problems.add(LogProblem.notIncluded(latest, l));
      }
    }
  }
}
