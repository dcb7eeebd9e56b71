package cn.anshan.oversight.kit.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The spans the platform adds to what Quarkus traces on its own (HTTP, the database): the relay
 * sending an event and a consumer applying one, each a child of the span that caused the event (its
 * {@link TraceParent}). Attribute names follow the OpenTelemetry messaging and CloudEvents
 * conventions; no personal data, only ids and types.
 */
@ApplicationScoped
public class EventSpans {
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> DESTINATION =
      AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> CONSUMER_GROUP =
      AttributeKey.stringKey("messaging.consumer.group.name");
  static final AttributeKey<String> PARTITION =
      AttributeKey.stringKey("messaging.destination.partition.id");
  static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
  static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");
  static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
  static final AttributeKey<String> EVENT_SOURCE =
      AttributeKey.stringKey("cloudevents.event_source");

  private final Tracer tracer;

  public EventSpans(OpenTelemetry telemetry) {
    this.tracer = telemetry.getTracer("cn.anshan.oversight.kit");
  }

  /** The relay's send of one event to {@code topic}; its context goes into the record's headers. */
  public Span sending(String topic, String eventId, String type, TraceParent cause) {
    return messaging("send " + topic, SpanKind.PRODUCER, "send", cause)
        .setAttribute(DESTINATION, topic)
        .setAttribute(EVENT_ID, eventId)
        .setAttribute(EVENT_TYPE, type)
        .startSpan();
  }

  /** A consumer group applying one event it received. */
  public Span processing(
      String consumer, String eventId, String type, String source, TraceParent cause) {
    return messaging("process " + consumer, SpanKind.CONSUMER, "process", cause)
        .setAttribute(CONSUMER_GROUP, consumer)
        .setAttribute(EVENT_ID, eventId)
        .setAttribute(EVENT_TYPE, type)
        .setAttribute(EVENT_SOURCE, source)
        .startSpan();
  }

  /**
   * A consumer group that takes whole batches (audit's ingest) storing one record, known by its
   * place in the topic; {@code cause} is the relay's send, from the record's headers.
   */
  public Span storing(
      String consumer, String topic, int partition, long offset, TraceParent cause) {
    return messaging("process " + consumer, SpanKind.CONSUMER, "process", cause)
        .setAttribute(CONSUMER_GROUP, consumer)
        .setAttribute(DESTINATION, topic)
        .setAttribute(PARTITION, String.valueOf(partition))
        .setAttribute(OFFSET, offset)
        .startSpan();
  }

  /** What every Kafka span of the kit shares: its parent, kind and messaging operation. */
  private SpanBuilder messaging(String name, SpanKind kind, String operation, TraceParent cause) {
    return tracer
        .spanBuilder(name)
        .setParent(cause.asParent())
        .setSpanKind(kind)
        .setAttribute(SYSTEM, "kafka")
        .setAttribute(OPERATION, operation);
  }

  /**
   * Ends {@code span}, marked as failed when {@code failure} is not null: by the failure's class
   * only, since a message may quote the data.
   */
  public static void end(Span span, Throwable failure) {
    end(span, failure, false);
  }

  /** Ends {@code span}; a cancelled operation is marked as such, not as a success. */
  public static void end(Span span, Throwable failure, boolean cancelled) {
    if (cancelled) {
      span.setStatus(StatusCode.ERROR, "cancelled");
    } else if (failure != null) {
      span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }
    span.end();
  }
}
