package cn.anshan.oversight.registry.domain.staff;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 of a national ID number under a secret key (STF-06). The same person always gets the
 * same hash, so the blacklist matches filings, yet the number cannot be recovered from the database
 * without the key, and a dictionary of the (small) ID space is useless without it.
 */
public final class NationalIdHasher {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public NationalIdHasher(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("the ID hash key must not be empty");
    }
    this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The check letter X is written in either case; both must give the same hash. */
  public String hash(String nationalIdNumber) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      String normalised = nationalIdNumber.strip().toUpperCase(Locale.ROOT);
      return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
