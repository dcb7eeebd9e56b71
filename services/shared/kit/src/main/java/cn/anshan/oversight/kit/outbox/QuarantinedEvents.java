package cn.anshan.oversight.kit.outbox;

import cn.anshan.oversight.kit.db.SessionSql;
import cn.anshan.oversight.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
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
    static QuarantinedEvent of(Object[] r) {
      return new QuarantinedEvent(
          (UUID) r[0],
          (String) r[1],
          (String) r[2],
          (String) r[3],
          ((Number) r[4]).longValue(),
          ((Number) r[5]).intValue(),
          (String) r[6],
          (OffsetDateTime) r[7]);
    }
  }

  /** A released row; {@code sentAt} stays empty until the broker acknowledged it. */
  public record ReleasedEvent(
      UUID id, long sequence, OffsetDateTime releasedAt, String releasedBy, OffsetDateTime sentAt) {
    static ReleasedEvent of(UUID id, Object[] r) {
      return new ReleasedEvent(
          id,
          ((Number) r[0]).longValue(),
          (OffsetDateTime) r[1],
          (String) r[2],
          (OffsetDateTime) r[3]);
    }
  }

  public Uni<List<QuarantinedEvent>> list(int limit) {
    return Panache.withSession(
        () ->
            SessionSql.select(LIST, limit)
                .map(rows -> rows.stream().map(QuarantinedEvent::of).toList()));
  }

  /**
   * Returns a quarantined row to the relay. Releasing it again answers the first release (and
   * whether it was sent since); a row that was never quarantined is not found.
   */
  public Uni<ReleasedEvent> release(UUID id, String operator) {
    return Panache.withTransaction(
        () ->
            SessionSql.select(RELEASE, id, operator)
                .chain(
                    rows ->
                        rows.isEmpty()
                            ? SessionSql.select(RELEASED, id)
                            : logged(rows, id, operator))
                .map(
                    rows -> {
                      if (rows.isEmpty()) {
                        throw ProblemException.notFound("quarantined outbox row " + id);
                      }
                      return ReleasedEvent.of(id, rows.get(0));
                    }));
  }

  private static Uni<List<Object[]>> logged(List<Object[]> rows, UUID id, String operator) {
    Log.warnf("outbox: quarantined row %s released by %s", id, operator);
    return Uni.createFrom().item(rows);
  }
}
