package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.repository.EventRow;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.tracing.TraceParent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One event of a timeline or search as the API returns it. {@code traceId} is the trace of the
 * request that caused it (the envelope's {@code traceparent}), the way from the audit record to the
 * operators' traces and logs; absent for untraced events.
 */
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
    String traceId,
    String relation,
    String eventHash,
    String entityHash,
    JsonNode data) {

  /** Aggregates whose events are filed by a member of the public about an institution or school. */
  static final Set<String> REPORTS = Set.of("Complaint", "AdReport");

  /**
   * Roles that handle reports in office; anyone else acting on one (parent, school) reported it.
   */
  static final Set<String> OFFICIAL =
      Set.of(Roles.REGULATOR, Roles.INSTITUTION_OPERATOR, Actor.SYSTEM_ROLE);

  /**
   * This event as the party reported on may see it: a reporter's identity, and what could link back
   * to it (correlation and causation ids a client may set, hashes over the record that names them),
   * are left out, as the registry's own complaint views leave out {@code filedBy}.
   */
  EventView withReporterMasked() {
    if (!REPORTS.contains(aggregateType) || OFFICIAL.contains(actorRole)) {
      return this;
    }
    return new EventView(
        eventId,
        type,
        source,
        time,
        recordedAt,
        aggregateType,
        aggregateId,
        aggregateVersion,
        sequence,
        null,
        actorRole,
        district,
        null,
        null,
        null,
        relation,
        null,
        null,
        data);
  }

  static EventView of(ObjectMapper mapper, EventRow row) {
    JsonNode envelope;
    try {
      envelope = mapper.readTree(row.payload());
    } catch (IOException e) {
      envelope = mapper.missingNode();
    }
    JsonNode data = envelope.isMissingNode() ? null : envelope.path("data");
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
        TraceParent.readFrom(envelope).traceId(),
        row.relation(),
        row.eventHash(),
        row.entityHash(),
        data);
  }
}
