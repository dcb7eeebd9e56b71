package cn.anshan.oversight.kit.events;

import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.tracing.TraceParent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds the CloudEvents 1.0 structured-mode JSON of DESIGN §2 with the CloudEvents SDK, which
 * checks the attribute names and writes the format. {@code sequence} is a placeholder 0 that the
 * relay replaces when it numbers the event at publish time, being the only place that knows the
 * value. {@code traceparent} is the CloudEvents distributed-tracing extension, present when the
 * command was traced.
 */
public final class CloudEventEnvelope {
  public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

  // The SDK writes extensions before data, so the relay's textual swap of "sequence":0 can never
  // reach a field of the same name inside data.
  private static final JsonFormat FORMAT = new JsonFormat();

  private CloudEventEnvelope() {}

  public static String build(
      ObjectMapper mapper,
      EventSettings settings,
      UUID id,
      Instant time,
      CommandContext context,
      TraceParent trace,
      DomainEvent event) {
    Actor actor = context.actor();
    CloudEventBuilder envelope =
        CloudEventBuilder.v1()
            .withId(id.toString())
            .withSource(URI.create(settings.source()))
            .withType(settings.typeOf(event.name()))
            .withSubject(event.aggregateType() + "/" + event.aggregateId())
            .withTime(OffsetDateTime.ofInstant(time.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
            .withDataContentType("application/json")
            .withDataSchema(URI.create(settings.schemaOf(event.name())))
            // The CloudEvents Integer type is 32-bit: a long would be written as a string.
            .withExtension("aggregateversion", Math.toIntExact(event.aggregateVersion()))
            .withExtension("sequence", 0)
            .withData(JsonCloudEventData.wrap(mapper.valueToTree(event.data())));
    text(envelope, "aggregatetype", event.aggregateType());
    text(envelope, "aggregateid", event.aggregateId());
    text(envelope, "actor", actor.subject());
    text(envelope, "actorrole", actor.role());
    text(envelope, "district", event.district());
    text(envelope, "correlationid", context.correlationId());
    text(envelope, "causationid", context.causationId());
    text(envelope, "ruleversion", settings.ruleVersion());
    trace.writeTo(envelope);
    return new String(FORMAT.serialize(envelope.build()), StandardCharsets.UTF_8);
  }

  /**
   * A text attribute, left out when there is no value: the SDK cannot write a null, and a consumer
   * reads an absent attribute as it read the {@code null} the envelope used to carry.
   */
  private static void text(CloudEventBuilder envelope, String name, String value) {
    if (value != null) {
      envelope.withExtension(name, value);
    }
  }
}
