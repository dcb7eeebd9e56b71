package cn.anshan.oversight.kit.outbox;

import cn.anshan.oversight.kit.db.Rows;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Outbox rows the broker refused for what they are and the relay quarantined (issue 15 item 4):
 * listed for the operator without payload, and released once the cause is fixed, so the relay sends
 * them again.
 */
@ApplicationScoped
public class QuarantinedEvents {
  private static final String LIST =
      "select id, type, aggregatetype, aggregateid, sequence, attempts, last_error, quarantined_at"
          + " from outbox_event where quarantined_at is not null order by sequence limit $1";
  private static final String RELEASE =
      "update outbox_event set quarantined_at = null, attempts = 0, released_at = now(),"
          + " released_by = $2 where id = $1 and quarantined_at is not null"
          + " returning sequence, released_at, released_by, sent_at";
  private static final String RELEASED =
      "select sequence, released_at, released_by, sent_at from outbox_event"
          + " where id = $1 and released_at is not null";

  public record QuarantinedEvent(
      UUID id,
      String type,
      String aggregateType,
      String aggregateId,
      long sequence,
      int attempts,
      String lastError,
      OffsetDateTime quarantinedAt) {
    static QuarantinedEvent of(Row r) {
      return new QuarantinedEvent(
          r.getUUID(0),
          r.getString(1),
          r.getString(2),
          r.getString(3),
          r.getLong(4),
          r.getInteger(5),
          r.getString(6),
          r.getOffsetDateTime(7));
    }
  }

  /** A released row; {@code sentAt} stays empty until the broker acknowledged it. */
  public record ReleasedEvent(
      UUID id, long sequence, OffsetDateTime releasedAt, String releasedBy, OffsetDateTime sentAt) {
    static ReleasedEvent of(UUID id, Row r) {
      return new ReleasedEvent(
          id, r.getLong(0), r.getOffsetDateTime(1), r.getString(2), r.getOffsetDateTime(3));
    }
  }

  private final Pool pool;

  public QuarantinedEvents(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<QuarantinedEvent>> list(int limit) {
    return pool.preparedQuery(LIST)
        .execute(Tuple.of(limit))
        .map(rows -> Rows.map(rows, QuarantinedEvent::of));
  }

  /**
   * Returns a quarantined row to the relay. Releasing it again answers the first release (and
   * whether it was sent since); a row that was never quarantined is not found.
   */
  public Uni<ReleasedEvent> release(UUID id, String operator) {
    return pool.withTransaction(
            c ->
                c.preparedQuery(RELEASE)
                    .execute(Tuple.of(id, operator))
                    .chain(
                        rows ->
                            rows.size() == 0
                                ? c.preparedQuery(RELEASED).execute(Tuple.of(id))
                                : logged(rows, id, operator)))
        .map(rows -> ReleasedEvent.of(id, Rows.first(rows, "quarantined outbox row " + id)));
  }

  private static Uni<RowSet<Row>> logged(RowSet<Row> rows, UUID id, String operator) {
    Log.warnf("outbox: quarantined row %s released by %s", id, operator);
    return Uni.createFrom().item(rows);
  }
}
