package cn.anshan.oversight.kit.inbox;

import cn.anshan.oversight.kit.db.Rows;
import cn.anshan.oversight.kit.db.SessionSql;
import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.events.PoisonEventException;
import cn.anshan.oversight.kit.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Records a consumer could not apply, kept in the service's own database (kit V0_8): parked with
 * the reason, listed for operators without their payload, and replayed through the same inbox, so a
 * replay applies the event at most once however often it is asked for (issue 15 item 1).
 */
@ApplicationScoped
public class ParkedEvents {
  private static final String PARK =
      "insert into parked_event (id, consumer, event_id, event_type, payload, reason)"
          + " values ($1, $2, $3, $4, $5, $6)";
  private static final String SUMMARY =
      "select consumer, count(*), min(parked_at),"
          + " (array_agg(reason order by parked_at desc))[1]"
          + " from parked_event where replayed_at is null group by consumer order by consumer";
  private static final String OPEN =
      "select id, consumer, event_id, event_type, reason, parked_at from parked_event"
          + " where replayed_at is null and ($1::text is null or consumer = $1)"
          + " order by parked_at, id limit $2";
  private static final String FIND =
      "select consumer, payload, replayed_at, replayed_by, outcome, event_id from parked_event"
          + " where id = $1";
  private static final String LOCK = FIND + " for update";
  private static final String MARK_REPLAYED =
      "update parked_event set replayed_at = now(), replayed_by = $2, outcome = $3 where id = $1"
          + " returning replayed_at";

  /** What a replay did: the event was applied now, or the consumer had applied it already. */
  public enum ReplayOutcome {
    APPLIED,
    ALREADY_APPLIED
  }

  public record ParkedSummary(
      String consumer, long open, OffsetDateTime oldestParkedAt, String latestReason) {
    static ParkedSummary of(Row r) {
      return new ParkedSummary(
          r.getString(0), r.getLong(1), r.getOffsetDateTime(2), r.getString(3));
    }
  }

  public record ParkedEvent(
      UUID id,
      String consumer,
      UUID eventId,
      String eventType,
      String reason,
      OffsetDateTime parkedAt) {
    static ParkedEvent of(Row r) {
      return new ParkedEvent(
          r.getUUID(0),
          r.getString(1),
          r.getUUID(2),
          r.getString(3),
          r.getString(4),
          r.getOffsetDateTime(5));
    }
  }

  public record ParkedEventReplay(
      UUID id,
      String consumer,
      UUID eventId,
      ReplayOutcome outcome,
      OffsetDateTime replayedAt,
      String replayedBy) {}

  private final Instance<EventConsumer> consumers;
  private final Instance<Inbox> inbox;
  private final Pool pool;

  public ParkedEvents(Instance<EventConsumer> consumers, Instance<Inbox> inbox, Pool pool) {
    this.consumers = consumers;
    this.inbox = inbox;
    this.pool = pool;
  }

  /**
   * Parks a record on its own connection (its own transaction, whatever the consumer's failed);
   * {@code event} is null when it was not one.
   */
  Uni<Void> park(String consumer, IncomingEvent event, String json, String reason) {
    UUID id = UUID.randomUUID();
    return pool.preparedQuery(PARK)
        .execute(
            Tuple.from(
                Arrays.asList(
                    id,
                    consumer,
                    event == null ? null : event.id(),
                    event == null ? null : event.type(),
                    json,
                    reason)))
        .invoke(
            () ->
                Log.errorf(
                    "%s: PARKED %s (event %s): %s",
                    consumer, id, event == null ? "-" : event.id(), reason))
        .replaceWithVoid();
  }

  public Uni<List<ParkedSummary>> summary() {
    return pool.query(SUMMARY).execute().map(rows -> Rows.map(rows, ParkedSummary::of));
  }

  public Uni<List<ParkedEvent>> open(String consumer, int limit) {
    return pool.preparedQuery(OPEN)
        .execute(Tuple.of(consumer, limit))
        .map(rows -> Rows.map(rows, ParkedEvent::of));
  }

  /**
   * Applies a parked record through its consumer's inbox and marks it replayed, in one transaction.
   * Asking again answers the first replay's result; a record that is still poison, or whose effect
   * fails again, stays parked and the caller gets a 409 naming the reason. The record and its
   * consumer are looked up on the pool first, so a service without consumers (audit) answers
   * without a Hibernate session.
   */
  public Uni<ParkedEventReplay> replay(UUID id, String actor) {
    return pool.preparedQuery(FIND)
        .execute(Tuple.of(id))
        .map(rows -> Rows.first(rows, "parked event " + id))
        .chain(
            row ->
                row.getValue(2) != null
                    ? Uni.createFrom().item(replayed(id, row))
                    : applyOnSession(id, actor, consumer(row.getString(0))))
        .onFailure(e -> !(e instanceof ProblemException))
        .transform(
            e ->
                ProblemException.conflict(
                    "replay-failed", "the parked event " + id + " failed again: " + e));
  }

  private Uni<ParkedEventReplay> applyOnSession(UUID id, String actor, EventConsumer consumer) {
    return Panache.withTransaction(
        () -> SessionSql.select(LOCK, id).chain(rows -> replayLocked(id, actor, consumer, rows)));
  }

  private static ParkedEventReplay replayed(UUID id, Row row) {
    return new ParkedEventReplay(
        id,
        row.getString(0),
        row.getUUID(5),
        ReplayOutcome.valueOf(row.getString(4)),
        row.getOffsetDateTime(2),
        row.getString(3));
  }

  /** Under the row's lock: a concurrent replay may have applied it since the first look. */
  private Uni<ParkedEventReplay> replayLocked(
      UUID id, String actor, EventConsumer consumer, List<Object[]> rows) {
    Object[] row = rows.get(0);
    if (row[2] != null) {
      return Uni.createFrom()
          .item(
              new ParkedEventReplay(
                  id,
                  consumer.name(),
                  (UUID) row[5],
                  ReplayOutcome.valueOf((String) row[4]),
                  (OffsetDateTime) row[2],
                  (String) row[3]));
    }
    IncomingEvent event = readAgain(consumer, (String) row[1]);
    return inbox
        .get()
        .applyInTrace(consumer, event)
        .map(applied -> applied ? ReplayOutcome.APPLIED : ReplayOutcome.ALREADY_APPLIED)
        .chain(
            outcome ->
                SessionSql.select(MARK_REPLAYED, id, actor, outcome.name())
                    .map(
                        marked ->
                            new ParkedEventReplay(
                                id,
                                consumer.name(),
                                event.id(),
                                outcome,
                                (OffsetDateTime) marked.get(0)[0],
                                actor)));
  }

  private EventConsumer consumer(String name) {
    return consumers.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.conflict(
                    "unknown-consumer", "this service has no consumer named " + name));
  }

  private IncomingEvent readAgain(EventConsumer consumer, String json) {
    try {
      return inbox.get().read(consumer, json);
    } catch (PoisonEventException e) {
      throw ProblemException.conflict(
          "still-poison",
          "the parked record is still not an event of its source: " + e.getMessage());
    }
  }
}
