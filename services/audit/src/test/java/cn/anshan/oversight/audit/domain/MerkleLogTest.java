package cn.anshan.oversight.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.audit.domain.MerkleLog.Hashed;
import cn.anshan.oversight.audit.domain.MerkleLog.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PLT-11: the event log's Merkle tree against a naive RFC 9162 MTH computed straight from the
 * leaves, for every tree size up to 70 and every earlier size.
 */
class MerkleLogTest {

  /** MTH(D[n]) exactly as RFC 9162 §2.1.1 defines it, with no stored nodes. */
  static String naive(List<String> leaves) {
    if (leaves.isEmpty()) {
      return MerkleLog.EMPTY_ROOT;
    }
    if (leaves.size() == 1) {
      return leaves.get(0);
    }
    int k = (int) MerkleLog.largestPowerOfTwoBelow(leaves.size());
    return MerkleLog.nodeHash(naive(leaves.subList(0, k)), naive(leaves.subList(k, leaves.size())));
  }

  record Tree(List<String> leaves, Map<Node, String> stored, List<String> roots) {}

  /**
   * Builds a tree leaf by leaf with the appender, restarting from the stored frontier each time.
   */
  static Tree grow(int size) {
    List<String> leaves = new ArrayList<>();
    Map<Node, String> stored = new HashMap<>();
    List<String> roots = new ArrayList<>(List.of(MerkleLog.EMPTY_ROOT));
    for (int i = 0; i < size; i++) {
      List<Hashed> frontier =
          MerkleLog.frontier(i).stream().map(n -> new Hashed(n, stored.get(n))).toList();
      MerkleLog.Appender appender = new MerkleLog.Appender(i, frontier);
      String leaf = MerkleLog.leafHash(MerkleLog.leafData("e" + i, "T", "a", i + 1, "h" + i));
      leaves.add(leaf);
      appender.append(leaf);
      appender.drainCompleted().forEach(h -> stored.put(h.node(), h.hash()));
      roots.add(appender.root());
    }
    return new Tree(leaves, stored, roots);
  }

  @Test
  @DisplayName("PLT-11: RFC 9162 known answers: the empty tree and the empty leaf")
  void knownAnswers() {
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MerkleLog.EMPTY_ROOT);
    assertEquals(
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", MerkleLog.leafHash(""));
  }

  @Test
  @DisplayName("PLT-11: roots from the appender and from stored nodes equal the naive MTH")
  void rootsAgreeWithTheDefinition() {
    Tree tree = grow(70);
    for (int n = 0; n <= 70; n++) {
      String expected = naive(tree.leaves().subList(0, n));
      assertEquals(expected, tree.roots().get(n), "appender, size " + n);
      assertEquals(expected, MerkleLog.root(n, tree.stored()::get), "stored nodes, size " + n);
    }
  }

  @Test
  @DisplayName("PLT-11: every inclusion proof verifies; another leaf, index or root does not")
  void inclusionProofs() {
    Tree tree = grow(70);
    for (int n = 1; n <= 70; n++) {
      String root = tree.roots().get(n);
      for (int i = 0; i < n; i++) {
        List<String> proof = MerkleLog.inclusionProof(i, n, tree.stored()::get);
        String leaf = tree.leaves().get(i);
        assertTrue(MerkleProofs.verifyInclusion(i, n, leaf, proof, root), n + "/" + i);
        if (n > 1) {
          assertFalse(
              MerkleProofs.verifyInclusion(i, n, tree.leaves().get((i + 1) % n), proof, root),
              "another leaf at " + n + "/" + i);
        }
        assertFalse(MerkleProofs.verifyInclusion(i, n, leaf, proof, tree.roots().get(n - 1)));
        if (n > 1) {
          assertFalse(MerkleProofs.verifyInclusion((i + 1) % n, n, leaf, proof, root), n + "/" + i);
        }
        if (n < 70) {
          // (size, root) are signed together: an old proof does not fit the grown tree
          assertFalse(MerkleProofs.verifyInclusion(i, n + 1, leaf, proof, tree.roots().get(n + 1)));
        }
      }
    }
  }

  @Test
  @DisplayName("PLT-11: every consistency proof verifies; a forked history or bent proof does not")
  void consistencyProofs() {
    Tree tree = grow(70);
    Tree fork = grow(70);
    for (int n = 1; n <= 70; n++) {
      for (int m = 1; m <= n; m++) {
        List<String> proof = MerkleLog.consistencyProof(m, n, tree.stored()::get);
        String oldRoot = tree.roots().get(m);
        String newRoot = tree.roots().get(n);
        assertTrue(MerkleProofs.verifyConsistency(m, oldRoot, n, newRoot, proof), m + "->" + n);
        // a history in which leaf 0 was rewritten never extends the old root
        String forged = naive(withLeafZeroChanged(tree.leaves().subList(0, n)));
        assertFalse(MerkleProofs.verifyConsistency(m, oldRoot, n, forged, proof), m + "->" + n);
        if (m < n) {
          assertFalse(MerkleProofs.verifyConsistency(m, newRoot, n, newRoot, proof), m + "->" + n);
          for (int i = 0; i < proof.size(); i++) {
            List<String> bent = new ArrayList<>(proof);
            bent.set(i, fork.roots().get(1));
            assertFalse(MerkleProofs.verifyConsistency(m, oldRoot, n, newRoot, bent), m + "->" + n);
          }
        }
      }
    }
  }

  static List<String> withLeafZeroChanged(List<String> leaves) {
    List<String> changed = new ArrayList<>(leaves);
    changed.set(0, MerkleLog.leafHash("forged"));
    return changed;
  }
}
