package cn.anshan.oversight.audit.domain;

/**
 * The exact texts that are signed (Ed25519). The standalone verifier rebuilds the same texts, so
 * they are plain lines, not JSON. Each names the key that signs it, so a rotated key cannot be
 * swapped in under another key's name.
 */
public final class Statements {
  public static final String CHECKPOINT_FORMAT = "oversight-audit-checkpoint/2";
  public static final String EXPORT_FORMAT = "oversight-audit-export/2";

  /** The "previous checkpoint" of the first checkpoint of the log. */
  public static final String NO_PREVIOUS = ChainHash.GENESIS;

  private Statements() {}

  /**
   * A checkpoint of the event log: the tree of {@code treeSize} leaves has {@code root}, and the
   * checkpoint before it had the statement whose SHA-256 is {@code previousHash}.
   */
  public static String checkpoint(
      String keyId,
      long id,
      long createdAtMicros,
      long treeSize,
      String root,
      String previousHash) {
    return String.join(
        "\n",
        CHECKPOINT_FORMAT,
        keyId,
        Long.toString(id),
        Long.toString(createdAtMicros),
        Long.toString(treeSize),
        root,
        previousHash);
  }

  /** What the next checkpoint names as its previous one. */
  public static String hashOf(String statement) {
    return ChainHash.sha256Hex(statement);
  }

  /**
   * The signed text of an export manifest: the format, the key and the SHA-256 of the manifest's
   * bytes up to (not including) its final {@code ,"signature":"..."} member plus a closing brace.
   * Every byte of the manifest but the signature is therefore covered.
   */
  public static String exportManifest(String keyId, String manifestBodySha256) {
    return EXPORT_FORMAT + "\n" + keyId + "\n" + manifestBodySha256;
  }

  /** Appends the signature as the last member of a compact JSON object text. */
  public static String withSignature(String body, String signature) {
    return body.substring(0, body.length() - 1) + ",\"signature\":\"" + signature + "\"}";
  }
}
