package cn.anshan.oversight.audit.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key pair of {@link AuditSettings.Signing} (JDK built-in, no library). Startup fails
 * when the key is missing or the two halves do not belong together.
 */
@ApplicationScoped
public class SigningKeys {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final String publicKeyBase64;
  private final String keyId;

  @Inject
  public SigningKeys(AuditSettings settings) {
    this(
        settings.signing().privateKey(),
        settings.signing().publicKey(),
        settings.signing().keyId());
  }

  public SigningKeys(String privateBase64, String publicBase64, String keyId) {
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      this.privateKey =
          factory.generatePrivate(
              new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateBase64.strip())));
      this.publicKey =
          factory.generatePublic(
              new X509EncodedKeySpec(Base64.getDecoder().decode(publicBase64.strip())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("oversight.audit.signing: not an Ed25519 key pair", e);
    }
    this.publicKeyBase64 = publicBase64.strip();
    this.keyId = keyId;
    if (!verify("key check", sign("key check"))) {
      throw new IllegalStateException("oversight.audit.signing: the keys do not match");
    }
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

  public boolean verify(String statement, String signatureBase64) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(publicKey);
      verifier.update(statement.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getDecoder().decode(signatureBase64));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  public String publicKeyBase64() {
    return publicKeyBase64;
  }

  public String keyId() {
    return keyId;
  }
}
