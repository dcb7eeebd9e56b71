package cn.anshan.oversight.kit.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long a request may wait for a database connection, and how many may wait. Vert.x waits 30 s
 * by default with no queue limit: under overload every request then queues for half a minute before
 * failing. Bounded, a saturated service answers 503 within a few seconds and recovers as soon as
 * the load drops.
 */
@ConfigMapping(prefix = "oversight.datasource.pool")
public interface PoolSettings {
  /** Longest wait for a pooled connection before the request is refused with 503. */
  @WithDefault("5s")
  Duration acquireTimeout();

  /** Requests that may wait for a connection at once; the next one is refused with 503. */
  @WithDefault("256")
  int maxWaiting();
}
