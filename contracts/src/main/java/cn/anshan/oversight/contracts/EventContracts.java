package cn.anshan.oversight.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.ClasspathSchemaLoader;
import com.networknt.schema.resource.InputStreamSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates CloudEvents (JSON structured mode) against the event schemas in {@code contracts/}.
 *
 * <p>Producer tests call {@link #assertValid(String)} (or {@link #violations(String)}) on what they
 * emit. The event's {@code type} {@code cn.anshan.oversight.<context>.<EventName>.v<N>} selects the
 * classpath resource {@code contracts/events/<context>/<EventName>.v<N>.schema.json}, which checks
 * the whole event: the envelope and its {@code data}.
 *
 * <p>Schemas are identified by {@code $id}s under {@value #SCHEMA_BASE_IRI}; those IRIs and every
 * {@code $ref} between schemas resolve from the classpath. Nothing is ever fetched over the
 * network. Format assertions ({@code date-time}, {@code uuid}, {@code uri}) are on. Loaded schemas
 * are cached; this class is thread-safe.
 */
public final class EventContracts {

  /** Base of every contract schema {@code $id}. */
  public static final String SCHEMA_BASE_IRI = "https://oversight.anshan.gov.cn/contracts/";

  /** Classpath folder that {@link #SCHEMA_BASE_IRI} maps to. */
  public static final String CLASSPATH_ROOT = "contracts/";

  private static final Pattern TYPE =
      Pattern.compile("^cn\\.anshan\\.oversight\\.([a-z]+)\\.([A-Za-z]+)\\.(v[0-9]+)$");

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder()
          .formatAssertionsEnabled(true)
          .pathType(PathType.JSON_PATH)
          .build();

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder
                  .schemaMappers(
                      mappers -> mappers.mapPrefix(SCHEMA_BASE_IRI, "classpath:" + CLASSPATH_ROOT))
                  .schemaLoaders(
                      loaders ->
                          loaders
                              .add(new ClasspathSchemaLoader(EventContracts::classLoader))
                              .add(
                                  iri ->
                                      offline(
                                          "refusing to fetch "
                                              + iri
                                              + ": contract schemas resolve from the classpath"
                                              + " only"))));

  /** Loaded schemas by event type; an empty value means there is no schema for that type. */
  private static final ConcurrentMap<String, Optional<JsonSchema>> SCHEMAS =
      new ConcurrentHashMap<>();

  private EventContracts() {}

  /**
   * Checks a CloudEvent in JSON structured mode against the schema of its {@code type}.
   *
   * @param cloudEventJson the record value as a JSON string
   * @return human-readable violations, each naming the JSON path it concerns; empty when valid
   */
  public static List<String> violations(String cloudEventJson) {
    if (cloudEventJson == null) {
      return List.of("event is null");
    }
    JsonNode event;
    try {
      event = MAPPER.readTree(cloudEventJson);
    } catch (JsonProcessingException e) {
      return List.of("event is not valid JSON: " + e.getOriginalMessage());
    }
    if (event == null || !event.isObject()) {
      return List.of("event is not a JSON object");
    }
    JsonNode type = event.get("type");
    if (type == null || !type.isTextual()) {
      return List.of("$.type: missing or not a string, so no schema can be chosen");
    }
    return validate(type.asText(), event);
  }

  /**
   * Fails when {@link #violations(String)} reports anything.
   *
   * @param cloudEventJson the record value as a JSON string
   * @throws AssertionError listing every violation
   */
  public static void assertValid(String cloudEventJson) {
    List<String> violations = violations(cloudEventJson);
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "CloudEvent breaks its contract:\n  - "
              + String.join("\n  - ", violations)
              + "\nEvent: "
              + cloudEventJson);
    }
  }

  /**
   * Validates {@code event} against the schema of {@code schemaType}, whatever the event's own
   * {@code type} says. Package-private so that tests can prove the schema's constants bite.
   */
  static List<String> validate(String schemaType, JsonNode event) {
    Optional<JsonSchema> schema = SCHEMAS.computeIfAbsent(schemaType, EventContracts::load);
    if (schema.isEmpty()) {
      return List.of(
          "no schema for type "
              + schemaType
              + " (expected classpath resource "
              + resourceFor(schemaType).orElse(CLASSPATH_ROOT + "events/<context>/<Event>.v<N>")
              + ".schema.json)");
    }
    List<String> out = new ArrayList<>();
    for (ValidationMessage message : schema.get().validate(event)) {
      out.add(message.getMessage());
    }
    JsonNode subject = event.get("subject");
    JsonNode aggregateType = event.get("aggregatetype");
    JsonNode aggregateId = event.get("aggregateid");
    if (subject != null
        && aggregateType != null
        && aggregateId != null
        && !subject.asText().equals(aggregateType.asText() + "/" + aggregateId.asText())) {
      out.add(
          "$.subject: must be <aggregatetype>/<aggregateid> = "
              + aggregateType.asText()
              + "/"
              + aggregateId.asText()
              + ", was "
              + subject.asText());
    }
    return List.copyOf(out);
  }

  /**
   * The classpath resource (without {@code .schema.json}) for an event type, if the type is well
   * formed.
   */
  static Optional<String> resourceFor(String type) {
    Matcher m = TYPE.matcher(type);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        CLASSPATH_ROOT + "events/" + m.group(1) + "/" + m.group(2) + "." + m.group(3));
  }

  private static Optional<JsonSchema> load(String type) {
    Optional<String> resource = resourceFor(type).map(r -> r + ".schema.json");
    if (resource.isEmpty() || classLoader().getResource(resource.get()) == null) {
      return Optional.empty();
    }
    String id = SCHEMA_BASE_IRI + resource.get().substring(CLASSPATH_ROOT.length());
    JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(id), CONFIG);
    // Resolve every $ref now, so that a broken schema fails on first use, not half-way through.
    schema.initializeValidators();
    return Optional.of(schema);
  }

  private static ClassLoader classLoader() {
    ClassLoader loader = EventContracts.class.getClassLoader();
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  private static InputStreamSource offline(String message) {
    return () -> {
      throw new IOException(message);
    };
  }
}
