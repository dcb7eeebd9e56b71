package cn.anshan.oversight.bench;

import cn.anshan.oversight.bench.Platform.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * How long an event took from the command that wrote it to the audit store: the event's {@code
 * time} (set by the command just before its commit) against audit's {@code recorded_at}, for every
 * event of the window, read from audit's own database.
 */
final class AuditLag {
  record Lag(long events, double p50Ms, double p99Ms, double maxMs) {}

  private static final String LAG =
      "select count(*), percentile_cont(0.5) within group (order by ms),"
          + " percentile_cont(0.99) within group (order by ms), max(ms) from (select"
          + " extract(epoch from recorded_at - time) * 1000 as ms from audit_event"
          + " where time >= ? and time < ? and source <> '/oversight/audit') lag";

  private AuditLag() {}

  static Lag between(Platform platform, Instant from, Instant to) throws Exception {
    try (Connection c = platform.connect(Service.AUDIT);
        PreparedStatement ps = c.prepareStatement(LAG)) {
      ps.setTimestamp(1, Timestamp.from(from));
      ps.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Lag(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4));
      }
    }
  }
}
