package cn.anshan.oversight.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.UUID;

/**
 * A consumed CloudEvent: envelope attributes plus the raw {@code data}. {@code actor} and {@code
 * actorRole} say who caused it at the producer (a user's {@code sub} or {@code system:<service>}).
 */
public record IncomingEvent(
    UUID id,
    String source,
    String type,
    String aggregateType,
    String aggregateId,
    long aggregateVersion,
    String correlationId,
    String district,
    String actor,
    String actorRole,
    JsonNode data) {

  /** Parses structured-mode JSON; anything that is not a usable envelope is a poison record. */
  public static IncomingEvent parse(ObjectMapper mapper, String json) {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (IOException e) {
      throw new PoisonEventException("not JSON: " + e.getMessage());
    }
    if (root == null || !"1.0".equals(root.path("specversion").asText())) {
      throw new PoisonEventException("not a CloudEvents 1.0 envelope");
    }
    try {
      return new IncomingEvent(
          UUID.fromString(required(root, "id")),
          required(root, "source"),
          required(root, "type"),
          required(root, "aggregatetype"),
          required(root, "aggregateid"),
          root.path("aggregateversion").asLong(),
          root.path("correlationid").asText(null),
          root.path("district").asText(null),
          root.path("actor").asText(null),
          root.path("actorrole").asText(null),
          root.path("data"));
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException(e.getMessage());
    }
  }

  private static String required(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new PoisonEventException("missing attribute " + field);
    }
    return node.asText();
  }
}
