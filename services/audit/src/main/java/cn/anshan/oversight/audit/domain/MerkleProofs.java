package cn.anshan.oversight.audit.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the proofs {@link MerkleLog} builds, as a client of the log would (RFC 9162 §2.1.3.2 and
 * §2.1.4.2): from the proof and the signed roots alone, without any stored subtree.
 */
public final class MerkleProofs {
  private MerkleProofs() {}

  /** That {@code proof} leads from the leaf at {@code index} to {@code root} (§2.1.3.2). */
  public static boolean verifyInclusion(
      long index, long size, String leafHash, List<String> proof, String root) {
    if (index < 0 || index >= size) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    String r = leafHash;
    for (String p : proof) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleLog.nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = MerkleLog.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && r.equals(root);
  }

  /**
   * That {@code proof} shows the tree of {@code newSize} extends the one of {@code oldSize}
   * (§2.1.4.2).
   */
  public static boolean verifyConsistency(
      long oldSize, String oldRoot, long newSize, String newRoot, List<String> proof) {
    if (oldSize < 0 || oldSize > newSize) {
      return false;
    }
    if (oldSize == newSize) {
      return proof.isEmpty() && oldRoot.equals(newRoot);
    }
    if (oldSize == 0) {
      return proof.isEmpty();
    }
    List<String> path = new ArrayList<>(proof);
    if (Long.bitCount(oldSize) == 1) {
      path.add(0, oldRoot);
    }
    if (path.isEmpty()) {
      return false;
    }
    long fn = oldSize - 1;
    long sn = newSize - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    String fr = path.get(0);
    String sr = path.get(0);
    for (String c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleLog.nodeHash(c, fr);
        sr = MerkleLog.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = MerkleLog.nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return fr.equals(oldRoot) && sr.equals(newRoot) && sn == 0;
  }
}
