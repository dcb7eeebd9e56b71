import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * Prints shell exports of a fresh Ed25519 signing key pair for the audit service (which has no key
 * outside its dev/test profiles) and a short checkpoint interval: {@code eval "$(java deploy/demo/AuditKey.java)"} before
 * {@code deploy/local/platform up}. Local use only.
 */
public class AuditKey {
  public static void main(String[] args) throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Base64.Encoder b64 = Base64.getEncoder();
    System.out.println("export AUDIT_SIGNING_PRIVATE_KEY=" + b64.encodeToString(pair.getPrivate().getEncoded()));
    System.out.println("export AUDIT_SIGNING_PUBLIC_KEY=" + b64.encodeToString(pair.getPublic().getEncoded()));
    System.out.println("export AUDIT_SIGNING_KEY_ID=local-" + System.currentTimeMillis() / 1000);
    // a signed checkpoint every 10 s (default 10 min), so the demo's export is covered by one
    System.out.println("export AUDIT_CHECKPOINT_INTERVAL=10s");
  }
}
