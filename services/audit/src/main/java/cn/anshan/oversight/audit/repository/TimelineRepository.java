package cn.anshan.oversight.audit.repository;

import cn.anshan.oversight.audit.domain.TimelineFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
    List<Object> params = new ArrayList<>();
    params.add(entityId);
    StringBuilder where = new StringBuilder("t.entity_id = $1");
    conditions("t.", filter, null, null, where, params);
    if (after != null) {
      params.add(after.time().atOffset(ZoneOffset.UTC));
      params.add(after.aggregateVersion());
      params.add(after.eventId());
      where
          .append(" and (t.time, t.aggregate_version, t.event_id) > ($")
          .append(params.size() - 2)
          .append(", $")
          .append(params.size() - 1)
          .append(", $")
          .append(params.size())
          .append(")");
    }
    params.add(limit);
    String sql =
        "select "
            + EventRow.COLUMNS
            + ", t.relation from timeline_entry t join audit_event e on e.event_id = t.event_id"
            + " where "
            + where
            + " order by t.time, t.aggregate_version, t.event_id limit $"
            + params.size();
    return pool.preparedQuery(sql)
        .execute(Tuple.from(params))
        .map(
            rows -> {
              List<EventRow> page = new ArrayList<>();
              for (Row row : rows) {
                page.add(EventRow.of(row, row.getString(22)));
              }
              return page;
            });
  }

  /** Where a timeline page ends: the keyset of its last entry. */
  public record TimelinePosition(Instant time, long aggregateVersion, UUID eventId) {}

  /** One page of all events matching the filter, in business time order. */
  public Uni<List<EventRow>> events(
      TimelineFilter filter, Instant afterTime, UUID afterId, int limit) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder("true");
    conditions("e.", filter, afterTime, afterId, where, params);
    params.add(limit);
    String sql =
        "select "
            + EventRow.COLUMNS
            + " from audit_event e where "
            + where
            + " order by e.time, e.event_id limit $"
            + params.size();
    return pool.preparedQuery(sql)
        .execute(Tuple.from(params))
        .map(
            rows -> {
              List<EventRow> page = new ArrayList<>();
              for (Row row : rows) {
                page.add(EventRow.of(row));
              }
              return page;
            });
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

  private static void conditions(
      String alias,
      TimelineFilter f,
      Instant afterTime,
      UUID afterId,
      StringBuilder where,
      List<Object> params) {
    if (f.actor() != null) {
      params.add(f.actor());
      where.append(" and ").append(alias).append("actor = $").append(params.size());
    }
    if (f.type() != null) {
      params.add(f.type());
      where.append(" and ").append(alias).append("type = $").append(params.size());
    }
    if (f.correlationId() != null) {
      params.add(f.correlationId());
      where.append(" and ").append(alias).append("correlation_id = $").append(params.size());
    }
    if (f.district() != null) {
      params.add(f.district());
      where.append(" and ").append(alias).append("district = $").append(params.size());
    }
    if (f.from() != null) {
      params.add(f.from().atOffset(ZoneOffset.UTC));
      where.append(" and ").append(alias).append("time >= $").append(params.size());
    }
    if (f.to() != null) {
      params.add(f.to().atOffset(ZoneOffset.UTC));
      where.append(" and ").append(alias).append("time < $").append(params.size());
    }
    if (afterTime != null) {
      params.add(afterTime.atOffset(ZoneOffset.UTC));
      params.add(afterId);
      where
          .append(" and (")
          .append(alias)
          .append("time, ")
          .append(alias)
          .append("event_id) > ($")
          .append(params.size() - 1)
          .append(", $")
          .append(params.size())
          .append(")");
    }
  }
}
