package cn.anshan.oversight.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash functions of the tamper-evident store (PLT-11). Every link is SHA-256 over a text
 * preimage, so the same value can be recomputed in SQL ({@code sha256(convert_to(...))}) and by the
 * standalone verifier without any library.
 *
 * <ul>
 *   <li>event hash = sha256(record value bytes)
 *   <li>entity link = sha256(prev + ":" + eventHash + ":" + recordedAtEpochMicros)
 *   <li>partition link = sha256(prev + ":" + eventHash + ":" + kafkaOffset)
 * </ul>
 */
public final class ChainHash {
  /** The "previous hash" of the first link of every chain. */
  public static final String GENESIS = "0".repeat(64);

  private ChainHash() {}

  public static String sha256Hex(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String eventHash(String payload) {
    return sha256Hex(payload);
  }

  public static String entityLink(String previous, String eventHash, Instant recordedAt) {
    return sha256Hex(previous + ":" + eventHash + ":" + micros(recordedAt));
  }

  public static String partitionLink(String previous, String eventHash, long offset) {
    return sha256Hex(previous + ":" + eventHash + ":" + offset);
  }

  public static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  public static Instant ofMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L))
        .plusNanos(Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
