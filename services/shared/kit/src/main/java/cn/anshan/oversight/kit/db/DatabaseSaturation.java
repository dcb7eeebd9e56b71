package cn.anshan.oversight.kit.db;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.util.Set;

/**
 * Failures that mean "the database could not take this request now", not "the request is wrong":
 * the pool's wait queue is full or its acquire timeout passed ({@link PoolSettings}), or PostgreSQL
 * cancelled a statement or ended a session on one of the timeouts each service sets. The command's
 * transaction did not commit (or, for a connection lost during COMMIT, a retry with the same
 * Idempotency-Key replays it), so the client may retry.
 */
public final class DatabaseSaturation {
  /**
   * query_canceled (statement_timeout), idle_in_transaction_session_timeout, too_many_connections,
   * admin_shutdown.
   */
  private static final Set<String> STATES = Set.of("57014", "25P03", "53300", "57P01");

  private DatabaseSaturation() {}

  public static boolean isCause(Throwable failure) {
    return describe(failure) != null;
  }

  /** What saturated, or null when the failure is something else. */
  public static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectionPoolTooBusyException) {
        return "pool wait queue full (" + t.getMessage() + ")";
      }
      if (t instanceof NoStackTraceThrowable && "Timeout".equals(t.getMessage())) {
        return "no pooled connection within the acquire timeout";
      }
      // the same wait through Pool.query/preparedQuery (audit uses the pool directly)
      if (t instanceof VertxException && "Timeout waiting for connection".equals(t.getMessage())) {
        return "no pooled connection within the acquire timeout";
      }
      // what a session PostgreSQL ended (e.g. idle in transaction) reports on its next use
      if (t instanceof NoStackTraceThrowable
          && t.getMessage() != null
          && t.getMessage().startsWith("Connection is not active now")) {
        return "database connection closed (" + t.getMessage() + ")";
      }
      if (t instanceof PgException pg && STATES.contains(pg.getSqlState())) {
        return "PostgreSQL " + pg.getSqlState() + ": " + pg.getErrorMessage();
      }
      if (t instanceof ClosedConnectionException) {
        return "database connection closed";
      }
    }
    return null;
  }
}
