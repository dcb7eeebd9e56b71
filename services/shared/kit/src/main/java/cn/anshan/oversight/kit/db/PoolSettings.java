package cn.anshan.oversight.kit.db;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How many requests may wait for a database connection, and how long. Vert.x waits 30 s by default
 * with no queue limit: under overload every request then queues for half a minute before failing.
 * The queue bound sheds overload at once (503). The wait's timer stays off by default: on the local
 * platform, acquisitions that timed out under overload left their connections leased for good (16
 * leased connections, no session holding them, readiness DOWN until restart; issue 13's note), a
 * race in vertx-sql-client 4.5.27 between a lease and its timeout. Statement and
 * idle-in-transaction timeouts keep each wait short anyway.
 */
@ConfigMapping(prefix = "oversight.datasource.pool")
public interface PoolSettings {
  /** Longest wait for a pooled connection before the request is refused with 503; 0s: no limit. */
  @WithDefault("0s")
  Duration acquireTimeout();

  /** Requests that may wait for a connection at once; the next one is refused with 503. */
  @WithDefault("64")
  int maxWaiting();
}
