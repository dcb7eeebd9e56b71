package cn.anshan.oversight.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A CloudEvent of the platform envelope (DESIGN §2) as the audit store keeps it: the attributes it
 * indexes plus the record value exactly as received.
 */
public record ReceivedEvent(
    UUID id,
    String source,
    String type,
    String subject,
    Instant time,
    String aggregateType,
    String aggregateId,
    long aggregateVersion,
    Long sequence,
    String actor,
    String actorRole,
    String district,
    String correlationId,
    String causationId,
    String ruleVersion,
    JsonNode data,
    String payload) {

  /** Thrown for a record that is not an envelope the store can keep; it is set aside, not lost. */
  public static class Rejected extends RuntimeException {
    public Rejected(String message) {
      super(message, null, false, false);
    }
  }

  public static ReceivedEvent parse(ObjectMapper mapper, String payload) {
    JsonNode root = envelope(mapper, payload);
    long version = root.path("aggregateversion").asLong(0);
    if (!root.path("aggregateversion").canConvertToLong() || version < 1) {
      throw new Rejected("aggregateversion must be a positive integer");
    }
    JsonNode sequence = root.get("sequence");
    try {
      return new ReceivedEvent(
          UUID.fromString(required(root, "id")),
          required(root, "source"),
          required(root, "type"),
          optional(root, "subject"),
          Instant.parse(required(root, "time")),
          required(root, "aggregatetype"),
          required(root, "aggregateid"),
          version,
          sequence != null && sequence.canConvertToLong() ? sequence.asLong() : null,
          optional(root, "actor"),
          optional(root, "actorrole"),
          optional(root, "district"),
          optional(root, "correlationid"),
          optional(root, "causationid"),
          optional(root, "ruleversion"),
          root.path("data"),
          payload);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new Rejected("bad attribute: " + e.getMessage());
    }
  }

  /** The record's CloudEvents 1.0 envelope; anything else is poison. */
  private static JsonNode envelope(ObjectMapper mapper, String payload) {
    if (payload == null) {
      throw new Rejected("empty record");
    }
    JsonNode root;
    try {
      root = mapper.readTree(payload);
    } catch (IOException e) {
      throw new Rejected("not JSON");
    }
    if (root == null || !root.isObject() || !"1.0".equals(root.path("specversion").asText())) {
      throw new Rejected("not a CloudEvents 1.0 envelope");
    }
    return root;
  }

  private static String required(JsonNode root, String field) {
    String value = optional(root, field);
    if (value == null) {
      throw new Rejected("missing attribute " + field);
    }
    return value;
  }

  private static String optional(JsonNode root, String field) {
    JsonNode node = root.get(field);
    return node == null || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
  }
}
