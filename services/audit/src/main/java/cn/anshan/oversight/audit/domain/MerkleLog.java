package cn.anshan.oversight.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The append-only event log of the audit store as a Merkle tree in the shape of RFC 9162
 * (Certificate Transparency 2.0) §2.1: leaf hash = SHA-256(0x00 || leaf data), node hash =
 * SHA-256(0x01 || left || right), a tree of n leaves splits at the largest power of two below n. A
 * signed checkpoint commits to (tree size, root); inclusion proofs show an event is in it and
 * consistency proofs show a later tree extends an earlier one, so a rewrite of history cannot be
 * signed without breaking a proof every holder of an older checkpoint can check (PLT-11).
 *
 * <p>Only perfect subtrees are stored (a {@link Node} per level and index); every other hash is
 * derived from them. {@link #nodesFor} lists which stored nodes a computation needs, so a caller
 * fetches them in one query and then runs it on the fetched map.
 */
public final class MerkleLog {
  /** The root of the empty tree: SHA-256 of nothing (RFC 9162 §2.1.1). */
  public static final String EMPTY_ROOT = hex(digest(new byte[0]));

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  private static final String LEAF_FORMAT = "oversight-audit-leaf/1";

  private MerkleLog() {}

  /** A perfect subtree: leaves [index * 2^level, (index + 1) * 2^level). */
  public record Node(int level, long index) {}

  /** A stored perfect subtree with its hash. */
  public record Hashed(Node node, String hash) {}

  /**
   * The leaf data of one stored event: its id, its entity chain and position, and the chain hash at
   * that position (which commits to the event's bytes, its predecessor and its recording time).
   */
  public static String leafData(
      String eventId, String aggregateType, String aggregateId, long entitySeq, String entityHash) {
    return String.join(
        "\n",
        LEAF_FORMAT,
        eventId,
        aggregateType,
        aggregateId,
        Long.toString(entitySeq),
        entityHash);
  }

  public static String leafHash(String leafData) {
    byte[] data = leafData.getBytes(StandardCharsets.UTF_8);
    byte[] input = new byte[data.length + 1];
    input[0] = LEAF_PREFIX;
    System.arraycopy(data, 0, input, 1, data.length);
    return hex(digest(input));
  }

  public static String nodeHash(String left, String right) {
    byte[] l = HexFormat.of().parseHex(left);
    byte[] r = HexFormat.of().parseHex(right);
    byte[] input = new byte[1 + l.length + r.length];
    input[0] = NODE_PREFIX;
    System.arraycopy(l, 0, input, 1, l.length);
    System.arraycopy(r, 0, input, 1 + l.length, r.length);
    return hex(digest(input));
  }

  // ---------- building: the right edge of the tree ----------

  /**
   * The perfect subtrees along the right edge of a tree of {@code size} leaves, largest first:
   * exactly what appending needs and what the root is folded from.
   */
  public static List<Node> frontier(long size) {
    List<Node> nodes = new ArrayList<>();
    long start = 0;
    for (int level = 62; level >= 0; level--) {
      long width = 1L << level;
      if ((size & width) != 0) {
        nodes.add(new Node(level, start >> level));
        start += width;
      }
    }
    return nodes;
  }

  /** Appends leaves to a tree, collecting every perfect subtree that appending completes. */
  public static final class Appender {
    private final List<Hashed> edge;
    private final List<Hashed> completed = new ArrayList<>();
    private long size;

    /** Continues a tree of {@code size} leaves from its stored {@link #frontier}. */
    public Appender(long size, List<Hashed> frontier) {
      this.size = size;
      this.edge = new ArrayList<>(frontier);
    }

    public void append(String leafHash) {
      Hashed node = new Hashed(new Node(0, size), leafHash);
      completed.add(node);
      while (!edge.isEmpty() && edge.get(edge.size() - 1).node().level() == node.node().level()) {
        Hashed left = edge.remove(edge.size() - 1);
        node =
            new Hashed(
                new Node(left.node().level() + 1, left.node().index() >> 1),
                nodeHash(left.hash(), node.hash()));
        completed.add(node);
      }
      edge.add(node);
      size++;
    }

    public long size() {
      return size;
    }

    public String root() {
      return rootOfFrontier(edge.stream().map(Hashed::hash).toList());
    }

    /** The subtrees completed since the last call: what must be stored. */
    public List<Hashed> drainCompleted() {
      List<Hashed> out = List.copyOf(completed);
      completed.clear();
      return out;
    }
  }

  /** The root from the right edge's hashes, largest subtree first. */
  public static String rootOfFrontier(List<String> frontier) {
    if (frontier.isEmpty()) {
      return EMPTY_ROOT;
    }
    String root = frontier.get(frontier.size() - 1);
    for (int i = frontier.size() - 2; i >= 0; i--) {
      root = nodeHash(frontier.get(i), root);
    }
    return root;
  }

  // ---------- proofs (RFC 9162 §2.1.3.1 and §2.1.4.1) ----------

  /** The stored nodes that {@code compute} will ask for: run it once to plan the fetch. */
  public static Set<Node> nodesFor(Function<Function<Node, String>, ?> compute) {
    Set<Node> wanted = new LinkedHashSet<>();
    compute.apply(
        node -> {
          wanted.add(node);
          return EMPTY_ROOT;
        });
    return wanted;
  }

  /** MTH(D[start:end]) from stored perfect subtrees. */
  public static String subtree(long start, long end, Function<Node, String> stored) {
    long width = end - start;
    if (width == 1) {
      return stored.apply(new Node(0, start));
    }
    if (Long.bitCount(width) == 1 && start % width == 0) {
      return stored.apply(new Node(Long.numberOfTrailingZeros(width), start / width));
    }
    long k = largestPowerOfTwoBelow(width);
    return nodeHash(subtree(start, start + k, stored), subtree(start + k, end, stored));
  }

  public static String root(long size, Function<Node, String> stored) {
    return size == 0 ? EMPTY_ROOT : subtree(0, size, stored);
  }

  /** PATH(index, D[0:size]): the audit path of one leaf. */
  public static List<String> inclusionProof(long index, long size, Function<Node, String> stored) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
    }
    List<String> path = new ArrayList<>();
    path(index, 0, size, stored, path);
    return path;
  }

  private static void path(
      long index, long start, long end, Function<Node, String> stored, List<String> out) {
    if (end - start == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(end - start);
    if (index - start < k) {
      path(index, start, start + k, stored, out);
      out.add(subtree(start + k, end, stored));
    } else {
      path(index, start + k, end, stored, out);
      out.add(subtree(start, start + k, stored));
    }
  }

  /** PROOF(m, D[0:n]): that the tree of {@code newSize} extends the one of {@code oldSize}. */
  public static List<String> consistencyProof(
      long oldSize, long newSize, Function<Node, String> stored) {
    if (oldSize < 0 || oldSize > newSize) {
      throw new IllegalArgumentException("no proof from " + oldSize + " to " + newSize);
    }
    List<String> proof = new ArrayList<>();
    if (oldSize > 0 && oldSize < newSize) {
      subproof(oldSize, 0, newSize, true, stored, proof);
    }
    return proof;
  }

  private static void subproof(
      long m,
      long start,
      long end,
      boolean whole,
      Function<Node, String> stored,
      List<String> out) {
    long n = end - start;
    if (m == n) {
      if (!whole) {
        out.add(subtree(start, end, stored));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(m, start, start + k, whole, stored, out);
      out.add(subtree(start + k, end, stored));
    } else {
      subproof(m - k, start + k, end, false, stored, out);
      out.add(subtree(start, start + k, stored));
    }
  }

  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  private static byte[] digest(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
