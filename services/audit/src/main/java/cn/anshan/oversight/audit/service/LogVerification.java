package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.config.SigningKeys;
import cn.anshan.oversight.audit.domain.MerkleLog;
import cn.anshan.oversight.audit.domain.MerkleLog.Hashed;
import cn.anshan.oversight.audit.domain.MerkleLog.Node;
import cn.anshan.oversight.audit.domain.Statements;
import cn.anshan.oversight.audit.repository.CheckpointRepository;
import cn.anshan.oversight.audit.repository.CheckpointRepository.Stored;
import cn.anshan.oversight.audit.repository.EventLogRepository;
import cn.anshan.oversight.audit.repository.EventLogRepository.LoggedEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
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
      String problem,
      Long checkpointId,
      Long logIndex,
      UUID eventId,
      String chain,
      String detail) {}

  public record LogCheck(
      Long checkpointId, long treeSize, int checkpoints, List<LogProblem> problems) {
    /** A producer-sequence check does not look at the log. */
    public static final LogCheck NOT_CHECKED = new LogCheck(null, 0, 0, List.of());

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  public Uni<LogCheck> check(String aggregateId) {
    List<LogProblem> problems = new ArrayList<>();
    List<Stored> all = new ArrayList<>();
    return checkpoints
        .all()
        .invoke(
            signed -> {
              all.addAll(signed);
              signedAndLinked(signed, problems);
            })
        .chain(() -> log.leafProblems(aggregateId))
        .invoke(
            leaves ->
                leaves.forEach(
                    l ->
                        problems.add(
                            new LogProblem(
                                l.problem(),
                                null,
                                l.index(),
                                l.eventId(),
                                l.chain(),
                                "the leaf no longer matches its event"))))
        .chain(
            () ->
                all.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : againstLatest(aggregateId, all, problems))
        .map(
            ignored -> {
              Stored latest = all.isEmpty() ? null : all.get(all.size() - 1);
              return new LogCheck(
                  latest == null ? null : latest.id(),
                  latest == null ? 0 : latest.treeSize(),
                  all.size(),
                  problems);
            });
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
        .invoke(
            ids ->
                ids.forEach(
                    id ->
                        problems.add(
                            new LogProblem(
                                "UNLOGGED_EVENT",
                                latest.id(),
                                null,
                                id,
                                null,
                                "stored before checkpoint "
                                    + latest.id()
                                    + " but not in its log"))))
        .replaceWithVoid();
  }

  private void signedAndLinked(List<Stored> all, List<LogProblem> problems) {
    String previousHash = null;
    long previousSize = 0;
    for (Stored c : all) {
      String statement = CheckpointService.statement(c);
      if (!keys.verify(c.keyId(), statement, c.signature())) {
        problems.add(problem("SIGNATURE", c, "not signed by key " + c.keyId()));
      }
      String expected = previousHash == null ? Statements.NO_PREVIOUS : previousHash;
      if (!expected.equals(c.previousHash())) {
        problems.add(problem("PREVIOUS_CHECKPOINT", c, "does not name the checkpoint before it"));
      }
      if (c.treeSize() < previousSize) {
        problems.add(problem("SHRUNK", c, "covers fewer events than the checkpoint before it"));
      }
      previousHash = Statements.hashOf(statement);
      previousSize = c.treeSize();
    }
  }

  /** Folds every leaf in index order and compares each checkpoint's root on the way. */
  private Uni<Void> rootsFromLeaves(List<Stored> all, List<LogProblem> problems) {
    return fold(new MerkleLog.Appender(0, List.of()), all, 0, problems);
  }

  private Uni<Void> fold(
      MerkleLog.Appender tree, List<Stored> pending, int next, List<LogProblem> problems) {
    return log.leafHashes(tree.size(), FOLD_PAGE)
        .chain(
            leaves -> {
              int i = next;
              for (String leaf : leaves) {
                i = compareReached(tree, pending, i, problems);
                tree.append(leaf);
              }
              int reached = compareReached(tree, pending, i, problems);
              List<Hashed> inner =
                  tree.drainCompleted().stream().filter(h -> h.node().level() > 0).toList();
              return storedSubtreesAgree(inner, problems)
                  .chain(
                      () -> {
                        if (leaves.size() == FOLD_PAGE && reached < pending.size()) {
                          return fold(tree, pending, reached, problems);
                        }
                        for (Stored c : pending.subList(reached, pending.size())) {
                          problems.add(
                              problem(
                                  "ROOT",
                                  c,
                                  "the log holds only " + tree.size() + " contiguous leaves"));
                        }
                        return Uni.createFrom().voidItem();
                      });
            });
  }

  /**
   * Every stored subtree above the leaves against the one the leaves give: a rewritten inner node
   * would only surface when a proof through it is asked for.
   */
  private Uni<Void> storedSubtreesAgree(List<Hashed> computed, List<LogProblem> problems) {
    return log.nodes(computed.stream().map(Hashed::node).toList())
        .invoke(
            stored -> {
              for (Hashed h : computed) {
                String found = stored.get(h.node());
                if (!h.hash().equals(found) && problems.size() < MAX_PROBLEMS) {
                  problems.add(
                      new LogProblem(
                          found == null ? "NODE_MISSING" : "NODE_HASH",
                          null,
                          h.node().index() << h.node().level(),
                          null,
                          null,
                          "stored subtree at level "
                              + h.node().level()
                              + " over leaves from "
                              + (h.node().index() << h.node().level())
                              + " differs from the leaves"));
                }
              }
            })
        .replaceWithVoid();
  }

  private static int compareReached(
      MerkleLog.Appender tree, List<Stored> pending, int next, List<LogProblem> problems) {
    int i = next;
    while (i < pending.size() && pending.get(i).treeSize() == tree.size()) {
      Stored c = pending.get(i++);
      if (!tree.root().equals(c.root())) {
        problems.add(problem("ROOT", c, "the leaves give another root than the signed one"));
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
              Set<Node> wanted =
                  MerkleLog.nodesFor(
                      s ->
                          present.stream()
                              .map(l -> MerkleLog.inclusionProof(l.index(), size, s))
                              .toList());
              return log.nodes(wanted)
                  .invoke(
                      nodes -> {
                        if (!nodes.keySet().containsAll(wanted)) {
                          problems.add(
                              problem("NODE_MISSING", latest, "has stored subtrees missing"));
                          return;
                        }
                        for (LoggedEvent l : present) {
                          List<String> proof =
                              MerkleLog.inclusionProof(l.index(), size, nodes::get);
                          if (!MerkleLog.verifyInclusion(
                              l.index(), size, l.storedLeaf(), proof, latest.root())) {
                            problems.add(
                                new LogProblem(
                                    "INCLUSION",
                                    latest.id(),
                                    l.index(),
                                    l.eventId(),
                                    null,
                                    "the stored leaf is not in the signed tree"));
                          }
                        }
                      })
                  .replaceWithVoid();
            });
  }

  private static LogProblem problem(String problem, Stored c, String detail) {
    return new LogProblem(problem, c.id(), null, null, null, "checkpoint " + c.id() + " " + detail);
  }
}
