package cn.anshan.oversight.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "oversight.outbox.relay")
public interface RelaySettings {
  @WithDefault("true")
  boolean enabled();

  /** Rows numbered and published per round. */
  @WithDefault("500")
  int batchSize();

  /**
   * How long the leader waits after a round that did not fill a batch, so the next round collects
   * more rows: fewer, larger transactions at a small cost in publish delay.
   */
  @WithDefault("10ms")
  Duration batchWindow();

  /** How often a standby replica checks whether the leader went away. */
  @WithDefault("1s")
  Duration pollInterval();

  /**
   * How long the leader waits after a round that found nothing: bounds the publish delay of an idle
   * service; a busy one starts the next round at once.
   */
  @WithDefault("20ms")
  Duration idlePollInterval();

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

  /**
   * Readiness turns DOWN once the oldest undelivered row is older than this (issue 15 item 4): a
   * short broker outage keeps the service taking commands, a long one takes it out of rotation.
   */
  @WithDefault("30m")
  Duration readinessMaxAge();

  /**
   * Attempts after which a row the broker refuses for what it is (a non-retriable error, e.g. too
   * large) is quarantined (issue 15 item 4). Rows that fail because the broker is away are retried
   * for ever: an outage delays events, never drops them.
   */
  @WithDefault("5")
  int quarantineAfter();

  /** The leader's periodic ProducerHeartbeat event (issue 16 item 6). */
  Heartbeat heartbeat();

  interface Heartbeat {
    @WithDefault("true")
    boolean enabled();

    /**
     * How often the leader writes one: events lost at the end of the stream show as a sequence gap
     * in audit within this long.
     */
    @WithDefault("5m")
    Duration interval();
  }
}
