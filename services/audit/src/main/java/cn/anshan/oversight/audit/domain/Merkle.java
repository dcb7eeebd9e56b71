package cn.anshan.oversight.audit.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree over chain heads sorted by key: a checkpoint signs only the root, and an export
 * carries the inclusion proof of its own chain's head. Leaf = sha256("leaf:" key ":" length ":"
 * head); node = sha256("node:" left ":" right); an odd node is carried up unchanged.
 */
public final class Merkle {
  private Merkle() {}

  /** One head of a chain at checkpoint time. */
  public record Head(String key, long length, String hash) {
    public String leaf() {
      return ChainHash.sha256Hex("leaf:" + key + ":" + length + ":" + hash);
    }
  }

  /** One step of an inclusion proof: the sibling hash and whether it sits on the left. */
  public record Step(boolean left, String hash) {}

  public static String node(String left, String right) {
    return ChainHash.sha256Hex("node:" + left + ":" + right);
  }

  /** Root over leaves in the given order; the empty tree's root is the genesis hash. */
  public static String root(List<String> leaves) {
    if (leaves.isEmpty()) {
      return ChainHash.GENESIS;
    }
    List<String> level = leaves;
    while (level.size() > 1) {
      level = up(level);
    }
    return level.get(0);
  }

  public static List<Step> proof(List<String> leaves, int index) {
    List<Step> steps = new ArrayList<>();
    List<String> level = leaves;
    int i = index;
    while (level.size() > 1) {
      int sibling = i % 2 == 0 ? i + 1 : i - 1;
      if (sibling < level.size()) {
        steps.add(new Step(sibling < i, level.get(sibling)));
      }
      level = up(level);
      i = i / 2;
    }
    return steps;
  }

  public static String rootFromProof(String leaf, List<Step> steps) {
    String hash = leaf;
    for (Step step : steps) {
      hash = step.left() ? node(step.hash(), hash) : node(hash, step.hash());
    }
    return hash;
  }

  private static List<String> up(List<String> level) {
    List<String> next = new ArrayList<>((level.size() + 1) / 2);
    for (int i = 0; i < level.size(); i += 2) {
      next.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
    }
    return next;
  }
}
