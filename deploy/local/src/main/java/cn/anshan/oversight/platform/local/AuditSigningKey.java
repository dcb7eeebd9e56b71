package cn.anshan.oversight.platform.local;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The Ed25519 key pair the audit service signs its checkpoints and exports with. The local platform
 * makes one per state folder on first start and keeps it there (owner-readable only), so no private
 * key is ever committed and a restart keeps verifying older exports.
 */
final class AuditSigningKey {
  private AuditSigningKey() {}

  static Map<String, String> environment(Layout layout) {
    Properties p =
        StateSecrets.load(
            layout.state().resolve("audit-signing.properties"),
            "local platform audit signing key; never use it outside this machine",
            AuditSigningKey::generate);
    return Map.of(
        "AUDIT_SIGNING_PRIVATE_KEY", p.getProperty("private"),
        "AUDIT_SIGNING_PUBLIC_KEY", p.getProperty("public"),
        "AUDIT_SIGNING_KEY_ID", "local-" + layout.state().getFileName());
  }

  private static Properties generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      Properties p = new Properties();
      p.setProperty("private", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
      p.setProperty("public", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
      return p;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make an Ed25519 key pair", e);
    }
  }
}
