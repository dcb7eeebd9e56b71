package cn.anshan.oversight.kit.outbox;

import cn.anshan.oversight.kit.tracing.TraceParent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The relay's side of the outbox tables, on the leader's own connection: numbers committed rows,
 * reads what is numbered but not yet acknowledged, and moves the published watermark.
 *
 * <p>Numbering takes the counter row lock first and only then, in a statement with a fresh snapshot
 * (READ COMMITTED), numbers the unnumbered rows it sees in insertion order. Two numberers can
 * therefore never hand out one value twice or skip one, whichever of them dies when: a numbering
 * that does not commit leaves no trace. The proof of ordering is in {@code
 * services/shared/README.md}.
 */
final class OutboxNumbering {
  static final String LOCK_COUNTER =
      "select value, published from outbox_sequence where singleton for update";
  // Numbers, moves the counter and returns the numbered rows in one statement, started after the
  // counter row was locked. regexp_replace replaces the first match only: the envelope's attribute
  // precedes its data.
  static final String NUMBER =
      "with next as (select id, row_number() over (order by position) as n from (select id,"
          + " position from outbox_event where sequence is null order by position limit ?) s),"
          + " numbered as (update outbox_event e set sequence = ? + next.n, payload ="
          + " cast(regexp_replace(cast(e.payload as text), '\"sequence\":0', '\"sequence\":' || (?"
          + " + next.n)) as json) from next where e.id = next.id returning e.id, e.aggregatetype,"
          + " e.aggregateid, e.topic, e.payload::text, e.sequence,"
          + " e.type, e.payload->>'traceparent' as traceparent),"
          + " moved as (update outbox_sequence set value = value + (select count(*) from numbered),"
          + " published = greatest(published, ?) where singleton)"
          + " select * from numbered order by sequence";
  private static final String UNPUBLISHED =
      "select id, aggregatetype, aggregateid, topic, payload::text, sequence,"
          + " type, payload->>'traceparent' as traceparent from outbox_event"
          + " where sent_at is null and quarantined_at is null"
          + " and (sequence > ? or released_at is not null) order by sequence limit ?";
  private static final String ADVANCE =
      "update outbox_sequence set published = ? where singleton and published < ?";
  private static final String MARK_AHEAD =
      "update outbox_event set sent_at = now() where id = any(?)";
  private static final String MARK_FAILED =
      "update outbox_event set attempts = attempts + 1, last_error = ? where id = any(?)";

  /** What the counter row says: the last number handed out and the acknowledged watermark. */
  record Counter(long value, long published) {}

  private OutboxNumbering() {}

  /** The counter after a numbering, and the rows it numbered in sequence order. */
  record Numbered(Counter counter, List<UnpublishedRow> rows) {}

  /**
   * Numbers up to {@code room} committed, unnumbered rows in one short transaction of its own, in
   * which it also stores the {@code acknowledged} watermark.
   */
  static Numbered number(Connection c, int room, long acknowledged) throws SQLException {
    return inTransaction(
        c,
        () -> {
          Counter counter = lockCounter(c);
          List<UnpublishedRow> rows;
          try (PreparedStatement ps = c.prepareStatement(NUMBER)) {
            ps.setInt(1, room);
            ps.setLong(2, counter.value());
            ps.setLong(3, counter.value());
            ps.setLong(4, acknowledged);
            rows = read(ps);
          }
          return new Numbered(
              new Counter(
                  counter.value() + rows.size(), Math.max(counter.published(), acknowledged)),
              rows);
        });
  }

  /** Work on the relay's JDBC connection that may throw SQL errors. */
  interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work} in a transaction of its own on the relay's connection: committed when it
   * returns, rolled back when it throws (a failed rollback is added to the cause, never hides it).
   */
  static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      T result = work.run();
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c, e);
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  static Counter lockCounter(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LOCK_COUNTER);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("outbox_sequence has no counter row");
      }
      return new Counter(rs.getLong(1), rs.getLong(2));
    }
  }

  /**
   * Numbered rows above the watermark that were not acknowledged ahead of it, and released rows
   * below it (issue 15 item 4), in order.
   */
  static List<UnpublishedRow> unpublished(Connection c, long published, int limit)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UNPUBLISHED)) {
      ps.setLong(1, published);
      ps.setInt(2, limit);
      return read(ps);
    }
  }

  private static List<UnpublishedRow> read(PreparedStatement ps) throws SQLException {
    List<UnpublishedRow> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(
            new UnpublishedRow(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getLong(6),
                rs.getString(7),
                new TraceParent(rs.getString(8), null)));
      }
    }
    return rows;
  }

  /** Every row up to {@code upTo} is acknowledged; one row update instead of one per event. */
  static void advance(Connection c, long upTo) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(ADVANCE)) {
      ps.setLong(1, upTo);
      ps.setLong(2, upTo);
      ps.executeUpdate();
    }
  }

  /** Rows acknowledged while an earlier row waits for a retry are not sent again. */
  static void markAhead(Connection c, List<UUID> ids) throws SQLException {
    if (!ids.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(MARK_AHEAD)) {
        ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
        ps.executeUpdate();
      }
    }
  }

  /** A row set aside: it no longer holds back its aggregate or the batch (issue 15 item 4). */
  record Quarantined(UUID id, String type, String aggregate, long sequence, String error) {}

  private static final String QUARANTINE =
      "update outbox_event set quarantined_at = now() where id = any(?) and attempts >= ?"
          + " and quarantined_at is null"
          + " returning id, type, aggregatetype || '/' || aggregateid, sequence, last_error";

  /** Quarantines the refused rows that were tried at least {@code after} times. */
  static List<Quarantined> quarantine(Connection c, Collection<UUID> refused, int after)
      throws SQLException {
    List<Quarantined> set = new ArrayList<>();
    if (refused.isEmpty()) {
      return set;
    }
    try (PreparedStatement ps = c.prepareStatement(QUARANTINE)) {
      ps.setArray(1, c.createArrayOf("uuid", refused.toArray()));
      ps.setInt(2, after);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          set.add(
              new Quarantined(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getString(5)));
        }
      }
    }
    return set;
  }

  static void markFailed(Connection c, String error, List<UUID> ids) throws SQLException {
    if (!ids.isEmpty()) {
      String message = String.valueOf(error);
      try (PreparedStatement ps = c.prepareStatement(MARK_FAILED)) {
        ps.setString(1, message.length() > 1000 ? message.substring(0, 1000) : message);
        ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
        ps.executeUpdate();
      }
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
