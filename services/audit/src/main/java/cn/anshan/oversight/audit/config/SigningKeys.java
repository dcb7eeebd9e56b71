package cn.anshan.oversight.audit.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Ed25519 signing key of {@link AuditSettings.Signing} (JDK built-in, no library) and the
 * public keys of the keys it replaced. Startup fails when the key is missing or the two halves do
 * not belong together; the private key never appears in a message.
 */
@ApplicationScoped
public class SigningKeys {
  private final PrivateKey privateKey;
  private final String keyId;
  private final Map<String, String> publicKeys = new LinkedHashMap<>();

  /** A key that verifies checkpoints and manifests signed under its id. */
  public record PublishedKey(String keyId, String algorithm, String publicKey, boolean current) {}

  @Inject
  public SigningKeys(AuditSettings settings) {
    this(
        privateKeyOf(settings.signing()),
        settings.signing().publicKey(),
        settings.signing().keyId(),
        settings.signing().retiredKeys());
  }

  public SigningKeys(String privateBase64, String publicBase64, String keyId) {
    this(privateBase64, publicBase64, keyId, Map.of());
  }

  public SigningKeys(
      String privateBase64, String publicBase64, String keyId, Map<String, String> retired) {
    try {
      this.privateKey =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(
                  new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateBase64.strip())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("oversight.audit.signing: not an Ed25519 private key");
    }
    this.keyId = keyId;
    retired.forEach((id, key) -> publicKeys.put(id, key.strip()));
    publicKeys.put(keyId, publicBase64.strip());
    if (!verify(keyId, "key check", sign("key check"))) {
      throw new IllegalStateException("oversight.audit.signing: the keys do not match");
    }
  }

  private static String privateKeyOf(AuditSettings.Signing signing) {
    if (signing.privateKeyFile().isPresent()) {
      try {
        return Files.readString(signing.privateKeyFile().get(), StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new IllegalStateException(
            "oversight.audit.signing.private-key-file: cannot read "
                + signing.privateKeyFile().get());
      }
    }
    return signing
        .privateKey()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "oversight.audit.signing: set private-key-file or private-key"));
  }

  public String sign(String statement) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(privateKey);
      signer.update(statement.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Verifies under the key the statement names; an unknown key id never verifies. */
  public boolean verify(String signedBy, String statement, String signatureBase64) {
    String key = publicKeys.get(signedBy);
    if (key == null || signatureBase64 == null) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(
          KeyFactory.getInstance("Ed25519")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key))));
      verifier.update(statement.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getDecoder().decode(signatureBase64));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  public String publicKeyBase64() {
    return publicKeys.get(keyId);
  }

  public String keyId() {
    return keyId;
  }

  /** The current key and every retired one: what an auditor saves as the key-history file. */
  public List<PublishedKey> history() {
    List<PublishedKey> keys = new ArrayList<>();
    publicKeys.forEach(
        (id, key) -> keys.add(new PublishedKey(id, "Ed25519", key, id.equals(keyId))));
    return keys;
  }
}
