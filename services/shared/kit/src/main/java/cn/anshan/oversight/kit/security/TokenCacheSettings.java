package cn.anshan.oversight.kit.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The cache of verified bearer tokens ({@link CachedBearerAuthentication}). */
@ConfigMapping(prefix = "oversight.security.token-cache")
public interface TokenCacheSettings {
  @WithDefault("true")
  boolean enabled();

  /**
   * Longest time a verified token is trusted without checking its signature again; never beyond the
   * token's own expiry. Bounds how long a key the identity provider withdrew stays usable.
   */
  @WithDefault("2m")
  Duration maxAge();

  /** Tokens kept at most; a full cache drops its expired entries, then everything. */
  @WithDefault("20000")
  int maxEntries();
}
