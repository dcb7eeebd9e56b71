package cn.anshan.oversight.kit.events;

import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.tracing.TraceParent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds the CloudEvents 1.0 structured-mode JSON of DESIGN §2. {@code sequence} is a placeholder 0
 * that the relay replaces when it numbers the event at publish time, being the only place that
 * knows the value. {@code traceparent}/{@code tracestate} are the CloudEvents distributed-tracing
 * extension, present when the command was traced.
 */
public final class CloudEventEnvelope {
  public static final String CONTENT_TYPE = "application/cloudevents+json";

  private CloudEventEnvelope() {}

  public static ObjectNode build(
      ObjectMapper mapper,
      EventSettings settings,
      UUID id,
      Instant time,
      CommandContext context,
      TraceParent trace,
      DomainEvent event) {
    Actor actor = context.actor();
    ObjectNode json = mapper.createObjectNode();
    json.put("specversion", "1.0");
    json.put("id", id.toString());
    json.put("source", settings.source());
    json.put("type", settings.typeOf(event.name()));
    json.put("subject", event.aggregateType() + "/" + event.aggregateId());
    json.put("time", time.truncatedTo(ChronoUnit.MICROS).toString());
    json.put("datacontenttype", "application/json");
    json.put("dataschema", settings.schemaOf(event.name()));
    json.put("aggregatetype", event.aggregateType());
    json.put("aggregateid", event.aggregateId());
    json.put("aggregateversion", event.aggregateVersion());
    json.put("sequence", 0);
    json.put("actor", actor.subject());
    json.put("actorrole", actor.role());
    if (event.district() != null) {
      json.put("district", event.district());
    }
    json.put("correlationid", context.correlationId());
    json.put("causationid", context.causationId());
    json.put("ruleversion", settings.ruleVersion());
    trace.writeTo(json);
    json.set("data", mapper.valueToTree(event.data()));
    return json;
  }
}
