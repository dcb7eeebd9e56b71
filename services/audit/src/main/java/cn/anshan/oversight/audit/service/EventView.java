package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.repository.EventRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/** One event of a timeline or search as the API returns it. */
public record EventView(
    UUID eventId,
    String type,
    String source,
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
    String relation,
    String eventHash,
    String entityHash,
    JsonNode data) {

  static EventView of(ObjectMapper mapper, EventRow row) {
    JsonNode data;
    try {
      data = mapper.readTree(row.payload()).path("data");
    } catch (IOException e) {
      data = null;
    }
    return new EventView(
        row.eventId(),
        row.type(),
        row.source(),
        row.time(),
        row.recordedAt(),
        row.aggregateType(),
        row.aggregateId(),
        row.aggregateVersion(),
        row.sequence(),
        row.actor(),
        row.actorRole(),
        row.district(),
        row.correlationId(),
        row.causationId(),
        row.relation(),
        row.eventHash(),
        row.entityHash(),
        data);
  }
}
