package cn.anshan.oversight.kit.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A W3C trace context: on an event, the CloudEvents distributed-tracing extension's {@code
 * traceparent}, naming the span of the request or message that caused the event, so the relay's
 * send and every consumer's effect join that one trace (issue 20 item 2); on a Kafka record also
 * its {@code tracestate}. Carried in the envelope rather than only in a Kafka header so that a
 * parked event replayed days later, and the audit store, still name the trace. A caller's {@code
 * traceparent} is continued, so like a correlation id it is what the caller asserted.
 */
public record TraceParent(String traceparent, String tracestate) {
  public static final String TRACEPARENT = "traceparent";
  public static final String TRACESTATE = "tracestate";
  public static final TraceParent NONE = new TraceParent(null, null);
  private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<Map<String, String>> MAP =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  /** The span current on this request or message; {@link #NONE} where nothing is traced. */
  public static TraceParent current() {
    return of(Context.current());
  }

  /** The context of {@code span}, as its children name their parent. */
  public static TraceParent of(Span span) {
    return of(Context.root().with(span));
  }

  private static TraceParent of(Context context) {
    Map<String, String> carrier = new HashMap<>(2);
    W3C.inject(context, carrier, (map, key, value) -> map.put(key, value));
    return new TraceParent(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
  }

  /** The attribute of an envelope; {@link #NONE} when it names no trace or a malformed one. */
  public static TraceParent readFrom(JsonNode envelope) {
    String parent = envelope.path(TRACEPARENT).asText(null);
    return parent == null ? NONE : new TraceParent(parent, null).validated();
  }

  /** The W3C headers of a Kafka record (the relay's send); {@link #NONE} without them. */
  public static TraceParent readFrom(Headers headers) {
    Header parent = headers.lastHeader(TRACEPARENT);
    if (parent == null) {
      return NONE;
    }
    Header state = headers.lastHeader(TRACESTATE);
    return new TraceParent(
            new String(parent.value(), StandardCharsets.UTF_8),
            state == null ? null : new String(state.value(), StandardCharsets.UTF_8))
        .validated();
  }

  public boolean present() {
    return traceparent != null;
  }

  /** The 32 hex digits of the trace id, or null. */
  public String traceId() {
    return present() ? Span.fromContext(asParent()).getSpanContext().getTraceId() : null;
  }

  /**
   * Adds {@code traceparent} to an envelope under construction, if there is a trace. Not {@code
   * tracestate}: vendor data a caller may set has no place in the permanent audit record.
   */
  public void writeTo(CloudEventBuilder envelope) {
    if (traceparent != null) {
      envelope.withExtension(TRACEPARENT, traceparent);
    }
  }

  /** The W3C headers of a Kafka record, if there is a trace. */
  public void writeTo(Headers headers) {
    if (traceparent != null) {
      headers.add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
    }
    if (tracestate != null) {
      headers.add(TRACESTATE, tracestate.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The remote span this names, as the parent of a span continuing the trace; the root context (a
   * new trace) when there is none.
   */
  public Context asParent() {
    if (traceparent == null) {
      return Context.root();
    }
    Map<String, String> carrier = new HashMap<>(2);
    carrier.put(TRACEPARENT, traceparent);
    if (tracestate != null) {
      carrier.put(TRACESTATE, tracestate);
    }
    return W3C.extract(Context.root(), carrier, MAP);
  }

  /** A value another producer wrote is only trusted as far as W3C parsing accepts it. */
  private TraceParent validated() {
    Span span = Span.fromContext(asParent());
    return span.getSpanContext().isValid() ? of(span) : NONE;
  }
}
