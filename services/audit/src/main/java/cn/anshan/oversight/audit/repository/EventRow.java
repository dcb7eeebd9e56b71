package cn.anshan.oversight.audit.repository;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.UUID;

/** A stored raw event with its chain positions, as read back from {@code audit_event}. */
public record EventRow(
    UUID eventId,
    String topic,
    int partition,
    long offset,
    String source,
    String type,
    Instant time,
    Instant recordedAt,
    String aggregateType,
    String aggregateId,
    long aggregateVersion,
    Long sequence,
    String actor,
    String actorRole,
    String district,
    String correlationId,
    String causationId,
    String payload,
    String eventHash,
    long entitySeq,
    String entityPrevHash,
    String entityHash,
    String relation) {

  /** The select list that {@link #of(Row)} reads, for a table aliased {@code e}. */
  public static final String COLUMNS =
      "e.event_id, e.topic, e.kafka_partition, e.kafka_offset, e.source, e.type, e.time,"
          + " e.recorded_at, e.aggregate_type, e.aggregate_id, e.aggregate_version, e.sequence,"
          + " e.actor, e.actor_role, e.district, e.correlation_id, e.causation_id, e.payload,"
          + " e.event_hash, e.entity_seq, e.entity_prev_hash, e.entity_hash";

  public static EventRow of(Row row) {
    return of(row, null);
  }

  public static EventRow of(Row row, String relation) {
    return new EventRow(
        row.getUUID(0),
        row.getString(1),
        row.getInteger(2),
        row.getLong(3),
        row.getString(4),
        row.getString(5),
        row.getOffsetDateTime(6).toInstant(),
        row.getOffsetDateTime(7).toInstant(),
        row.getString(8),
        row.getString(9),
        row.getLong(10),
        row.getLong(11),
        row.getString(12),
        row.getString(13),
        row.getString(14),
        row.getString(15),
        row.getString(16),
        row.getString(17),
        row.getString(18),
        row.getLong(19),
        row.getString(20),
        row.getString(21),
        relation);
  }
}
