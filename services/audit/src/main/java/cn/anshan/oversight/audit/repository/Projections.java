package cn.anshan.oversight.audit.repository;

/**
 * The SQL that derives the timeline projection from raw events. Ingest applies it to the events it
 * just stored and a rebuild to the whole table: one text, so a rebuilt projection equals the
 * original.
 */
public final class Projections {
  private Projections() {}

  private static final String TIMELINE =
      "insert into timeline_entry (entity_id, event_id, entity_type, relation, time, recorded_at,"
          + " aggregate_version, type, actor, district, correlation_id)"
          + " select distinct on (r.entity_id, e.event_id) r.entity_id, e.event_id, r.entity_type,"
          + " r.relation, e.time, e.recorded_at, e.aggregate_version, e.type, e.actor, e.district,"
          + " e.correlation_id"
          + " from audit_event e cross join lateral ("
          + "   select e.aggregate_id as entity_id, e.aggregate_type as entity_type,"
          + "          'self' as relation, 0 as rank"
          + "   union all"
          + "   select d.value #>> '{}', f.entity_type, f.field, 1"
          + "   from jsonb_each(case when jsonb_typeof(e.payload::jsonb -> 'data') = 'object'"
          + "                        then e.payload::jsonb -> 'data' else '{}'::jsonb end) d"
          + "   join reference_field f on f.field = d.key"
          + "   where jsonb_typeof(d.value) = 'string') r"
          + " %s"
          + " order by r.entity_id, e.event_id, r.rank, r.relation"
          + " on conflict do nothing";

  /** Timeline rows of the events whose ids are parameter $1 (uuid[]). */
  public static final String TIMELINE_FOR_EVENTS = TIMELINE.formatted("where e.event_id = any($1)");

  /** Timeline rows of every raw event. */
  public static final String TIMELINE_ALL = TIMELINE.formatted("");
}
