package cn.anshan.oversight.audit.repository;

import cn.anshan.oversight.audit.domain.ChainHash;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Drops and rebuilds the timeline projection from the raw table (issue 7 capability 7), and hashes
 * it canonically (rows in key order, every column in a fixed text form) so a rebuilt projection can
 * be compared with the original.
 */
@ApplicationScoped
public class ProjectionRepository {
  static final int PAGE = 20_000;

  private final Pool pool;

  public ProjectionRepository(Pool pool) {
    this.pool = pool;
  }

  public record Canonical(long rows, String sha256) {}

  /**
   * Deletes the projection's rows and derives them again with the same SQL ingest uses, in one
   * transaction; returns the rows written. Row by row, not TRUNCATE, so ingest never waits on a
   * table lock (issue 16 item 5): rows of an ingest that commits during the rebuild are either
   * deleted and derived again, or invisible to the delete and kept (the derivation then meets them
   * and does nothing); readers see the old projection until the rebuild commits.
   */
  public Uni<Long> rebuildTimeline() {
    return pool.withTransaction(
        conn ->
            conn.query("delete from timeline_entry")
                .execute()
                .chain(() -> conn.query(Projections.TIMELINE_ALL).execute())
                .map(rows -> (long) rows.rowCount()));
  }

  /** SHA-256 over every row in (entity_id, event_id) order, read page by page. */
  public Uni<Canonical> canonicalTimelineHash() {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long[] rows = {0};
    return page(digest, rows, null, null)
        .map(v -> new Canonical(rows[0], HexFormat.of().formatHex(digest.digest())));
  }

  private Uni<Void> page(MessageDigest digest, long[] count, String afterEntity, Object afterId) {
    String sql =
        "select entity_id, event_id, entity_type, relation, time, recorded_at, aggregate_version,"
            + " type, actor, district, correlation_id from timeline_entry"
            + (afterEntity == null ? "" : " where (entity_id, event_id) > ($1, $2)")
            + " order by entity_id, event_id limit "
            + PAGE;
    Uni<RowSet<Row>> query =
        afterEntity == null
            ? pool.query(sql).execute()
            : pool.preparedQuery(sql).execute(Tuple.of(afterEntity, afterId));
    return query.chain(
        rows -> {
          String lastEntity = null;
          Object lastId = null;
          for (Row row : rows) {
            digest.update(canonicalLine(row).getBytes(StandardCharsets.UTF_8));
            count[0]++;
            lastEntity = row.getString(0);
            lastId = row.getUUID(1);
          }
          if (rows.size() < PAGE) {
            return Uni.createFrom().voidItem();
          }
          return page(digest, count, lastEntity, lastId);
        });
  }

  /** A timeline row as the canonical hash reads it: its columns joined by '|', then a newline. */
  private static String canonicalLine(Row row) {
    return new StringBuilder()
        .append(row.getString(0))
        .append('|')
        .append(row.getUUID(1))
        .append('|')
        .append(row.getString(2))
        .append('|')
        .append(row.getString(3))
        .append('|')
        .append(ChainHash.micros(row.getOffsetDateTime(4).toInstant()))
        .append('|')
        .append(ChainHash.micros(row.getOffsetDateTime(5).toInstant()))
        .append('|')
        .append(row.getLong(6))
        .append('|')
        .append(row.getString(7))
        .append('|')
        .append(row.getString(8))
        .append('|')
        .append(row.getString(9))
        .append('|')
        .append(row.getString(10))
        .append('\n')
        .toString();
  }
}
