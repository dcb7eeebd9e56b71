package cn.anshan.oversight.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Tunables of the audit service (issue 7; DOMAIN PLT-11, §11 row 23). */
@ConfigMapping(prefix = "oversight.audit")
public interface AuditSettings {

  Signing signing();

  Timeline timeline();

  Ingest ingest();

  Checkpoint checkpoint();

  Scan scan();

  /** Ed25519 key that signs checkpoints and export manifests. Required outside dev and test. */
  interface Signing {
    /** PKCS#8 private key, base64. Ignored when {@link #privateKeyFile()} is set; never logged. */
    Optional<String> privateKey();

    /**
     * A file holding the PKCS#8 private key in base64, e.g. a Kubernetes or Vault secret mounted as
     * a file; preferred over {@link #privateKey()} in production.
     */
    Optional<Path> privateKeyFile();

    /** X.509 (SubjectPublicKeyInfo) public key, base64; published at /api/v1/audit/keys. */
    String publicKey();

    /** Name of the key in manifests and checkpoints, so keys can be rotated. */
    @WithDefault("audit-1")
    String keyId();

    /**
     * Public keys of earlier signing keys by key id (X.509, base64): checkpoints signed before a
     * rotation keep verifying under the key that signed them.
     */
    Map<String, String> retiredKeys();
  }

  interface Timeline {
    @WithDefault("50")
    int defaultPageSize();

    @WithDefault("500")
    int maxPageSize();
  }

  interface Ingest {
    /** Database role the ingest transaction switches to: SELECT and INSERT only on audit_event. */
    @WithDefault("audit_ingest")
    String role();

    /**
     * Longest pause between attempts at a batch that could not be stored (database away, a
     * privilege missing): it is retried until it is stored, never parked, while the consumer holds
     * its partitions (issue 15 item 1: audit never drops an event because its database was away).
     */
    @WithDefault("10s")
    Duration retryMaxBackoff();
  }

  interface Checkpoint {
    /** How often chain heads are signed. */
    @WithDefault("10m")
    Duration interval();
  }

  interface Scan {
    /** How often gaps and compliance findings are looked for. */
    @WithDefault("1m")
    Duration interval();

    /**
     * A gap is recorded as a finding only when the event after it arrived this long ago, so a
     * merely late event (out-of-order delivery) is not reported.
     */
    @WithDefault("5m")
    Duration gapGrace();

    /**
     * A compliance rule judges an event only this long after it was recorded, so its counterpart
     * (e.g. the consumption confirmation before a release) has had time to arrive.
     */
    @WithDefault("5m")
    Duration findingGrace();

    /** ASV-06: how long after a black-listing a provider admission may still be open. */
    @WithDefault("1d")
    Duration providerExitGrace();
  }
}
