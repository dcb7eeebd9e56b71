package cn.anshan.oversight.audit.repository;

import cn.anshan.oversight.audit.domain.TimelineFilter;
import cn.anshan.oversight.kit.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Timeline and event queries (issue 7 capability 2). Every query walks an index in (time, event id)
 * order from the keyset cursor, so a page costs the same at the start and deep into a timeline.
 */
@ApplicationScoped
public class TimelineRepository {

  private final Pool pool;

  public TimelineRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<Boolean> entityKnown(String entityId) {
    return pool.preparedQuery("select exists (select 1 from timeline_entry where entity_id = $1)")
        .execute(Tuple.of(entityId))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  /** Whether the entity has events in the district (a regulator's scope). */
  public Uni<Boolean> entityKnownIn(String entityId, String district) {
    return pool.preparedQuery(
            "select exists (select 1 from timeline_entry where entity_id = $1 and district = $2)")
        .execute(Tuple.of(entityId, district))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  /**
   * Whether {@code subject} acted on the entity itself and it is one of {@code types} (a parent's
   * own order or enrolment).
   */
  public Uni<Boolean> actedOn(String entityId, String subject, List<String> types) {
    return pool.preparedQuery(
            "select exists (select 1 from timeline_entry where actor = $1 and entity_id = $2"
                + " and relation = 'self' and entity_type = any($3))")
        .execute(Tuple.of(subject, entityId, types.toArray(String[]::new)))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  /**
   * One page of an entity's timeline: its own events and those that reference it, in business time
   * and, at equal times, in aggregate version order, so one aggregate's events never swap (index
   * {@code timeline_entry_order}).
   */
  public Uni<List<EventRow>> timeline(
      String entityId, TimelineFilter filter, TimelinePosition after, int limit) {
    SqlWhere where = filtered(SqlWhere.where("t.entity_id", entityId), "t.", filter);
    if (after != null) {
      where.after(
          List.of("t.time", "t.aggregate_version", "t.event_id"),
          after.time(),
          after.aggregateVersion(),
          after.eventId());
    }
    String sql =
        "select "
            + EventRow.COLUMNS
            + ", t.relation from timeline_entry t join audit_event e on e.event_id = t.event_id"
            + " where "
            + where
            + " order by t.time, t.aggregate_version, t.event_id limit "
            + where.bind(limit);
    return Rows.select(pool, sql, where.params(), row -> EventRow.of(row, row.getString(22)));
  }

  /** Where a timeline page ends: the keyset of its last entry. */
  public record TimelinePosition(Instant time, long aggregateVersion, UUID eventId) {}

  /** One page of all events matching the filter, in business time order. */
  public Uni<List<EventRow>> events(
      TimelineFilter filter, Instant afterTime, UUID afterId, int limit) {
    SqlWhere where =
        filtered(SqlWhere.all(), "e.", filter)
            .after(List.of("e.time", "e.event_id"), afterTime, afterId);
    String sql =
        "select "
            + EventRow.COLUMNS
            + " from audit_event e where "
            + where
            + " order by e.time, e.event_id limit "
            + where.bind(limit);
    return Rows.select(pool, sql, where.params(), EventRow::of);
  }

  /** The SQL of {@link #timeline} for EXPLAIN, with the same shape and placeholders. */
  public static String explainTimeline() {
    return "select "
        + EventRow.COLUMNS
        + ", t.relation from timeline_entry t join audit_event e on e.event_id = t.event_id"
        + " where t.entity_id = $1 and t.actor = $2"
        + " and (t.time, t.aggregate_version, t.event_id) > ($3, $4, $5)"
        + " order by t.time, t.aggregate_version, t.event_id limit 50";
  }

  private static SqlWhere filtered(SqlWhere where, String alias, TimelineFilter f) {
    return where
        .equal(alias + "actor", f.actor())
        .equal(alias + "type", f.type())
        .equal(alias + "correlation_id", f.correlationId())
        .equal(alias + "district", f.district())
        .atLeast(alias + "time", f.from())
        .before(alias + "time", f.to());
  }
}
