package cn.anshan.oversight.audit.domain;

/**
 * The exact texts that are signed (Ed25519). The standalone verifier rebuilds the same texts, so
 * they are plain lines, not JSON.
 */
public final class Statements {
  public static final String CHECKPOINT_FORMAT = "oversight-audit-checkpoint/1";
  public static final String EXPORT_FORMAT = "oversight-audit-export/1";

  private Statements() {}

  public static String checkpoint(
      long id, long createdAtMicros, int chainCount, long eventCount, String root) {
    return String.join(
        "\n",
        CHECKPOINT_FORMAT,
        Long.toString(id),
        Long.toString(createdAtMicros),
        Integer.toString(chainCount),
        Long.toString(eventCount),
        root);
  }

  /**
   * The signed text of an export manifest: the format and the SHA-256 of the manifest's bytes up to
   * (not including) its final {@code ,"signature":"..."} member plus a closing brace. Every byte of
   * the manifest but the signature is therefore covered.
   */
  public static String exportManifest(String manifestBodySha256) {
    return EXPORT_FORMAT + "\n" + manifestBodySha256;
  }

  /** Appends the signature as the last member of a compact JSON object text. */
  public static String withSignature(String body, String signature) {
    return body.substring(0, body.length() - 1) + ",\"signature\":\"" + signature + "\"}";
  }
}
