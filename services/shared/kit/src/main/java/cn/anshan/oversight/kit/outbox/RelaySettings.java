package cn.anshan.oversight.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "oversight.outbox.relay")
public interface RelaySettings {
  @WithDefault("true")
  boolean enabled();

  /** Rows locked and published per transaction. */
  @WithDefault("200")
  int batchSize();

  /** Fallback wake-up when no NOTIFY arrives (lost connection, missed notification). */
  @WithDefault("1s")
  Duration pollInterval();

  /** How long to wait for the broker to acknowledge a batch before retrying it. */
  @WithDefault("15s")
  Duration sendTimeout();

  /** Pause after a failed batch, so an unavailable broker is not hammered. */
  @WithDefault("2s")
  Duration retryBackoff();

  /** How long published rows stay in the outbox (for inspection) before housekeeping drops them. */
  @WithDefault("7d")
  Duration sentRetention();

  /** How long an Idempotency-Key answers with the stored response (IETF draft: at least 24 h). */
  @WithDefault("24h")
  Duration idempotencyRetention();

  /** How often the relay thread runs housekeeping between drains. */
  @WithDefault("1h")
  Duration housekeepingInterval();
}
