package cn.anshan.oversight.kit.watch;

import cn.anshan.oversight.kit.db.SessionSql;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

/**
 * One replica at a time per watch (issue 15 item 3): a scheduled duty takes a PostgreSQL
 * transaction-level advisory lock named after it before it acts; a replica that finds it taken
 * skips the run, since another replica is doing the same work. The lock ends with the transaction,
 * so a crashed replica never holds it. Row locks on the objects still decide races with users'
 * commands; this lock only keeps replicas from doing the same batch twice.
 */
public final class WatchLock {
  private WatchLock() {}

  /**
   * Runs {@code duty} inside the current transaction if this replica holds the watch's lock; else
   * answers 0 items acted on.
   */
  public static Uni<Integer> exclusive(String watch, Supplier<Uni<Integer>> duty) {
    return SessionSql.select("select pg_try_advisory_xact_lock($1)", key(watch))
        .chain(rows -> Boolean.TRUE.equals(rows.get(0)[0]) ? duty.get() : Uni.createFrom().item(0));
  }

  /** The advisory lock key of {@code watch}: the first 8 bytes of its SHA-256. */
  public static long key(String watch) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(("oversight-watch:" + watch).getBytes(StandardCharsets.UTF_8));
      long k = 0;
      for (int i = 0; i < 8; i++) {
        k = (k << 8) | (h[i] & 0xff);
      }
      return k;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
