package cn.anshan.oversight.kit.events;

import cn.anshan.oversight.kit.tracing.TraceParent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * A consumed CloudEvent: envelope attributes plus the raw {@code data}. {@code actor} and {@code
 * actorRole} say who caused it at the producer (a user's {@code sub} or {@code system:<service>});
 * {@code trace} names the span that caused it ({@link TraceParent#NONE} if untraced).
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
    TraceParent trace,
    JsonNode data) {

  /**
   * Strict enough to catch a record that does not fit (a wrong type, a null primitive), lenient to
   * fields the consumer does not read: a producer may add optional fields (contracts/README).
   */
  private static final ObjectMapper DATA =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  /**
   * The data read into the consumer's own record of the event type (issue 14 item 4), whose
   * constructor checks what the consumer relies on. A record that does not fit (a required field
   * missing, a wrong type, a value the constructor refuses) is poison, naming where it failed.
   */
  public <T> T dataAs(Class<T> type) {
    try {
      return DATA.treeToValue(data, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
      String why =
          cause instanceof JsonProcessingException json
              ? json.getOriginalMessage()
              : cause.getMessage();
      throw new PoisonEventException("data does not fit " + type.getSimpleName() + ": " + why);
    }
  }

  /**
   * The envelope's actor if it acted in {@code role} (e.g. the parent who registered a child), else
   * empty: the system or another role caused the event, and it names no such person.
   */
  public Optional<String> actorIn(String role) {
    return role.equals(actorRole) && actor != null ? Optional.of(actor) : Optional.empty();
  }

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
          TraceParent.readFrom(root),
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
