package cn.anshan.oversight.kit.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Where spans go when no collector is configured ({@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} and
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} unset): nowhere. Its presence stands in for Quarkus' OTLP
 * exporter, which would otherwise try localhost:4317 and log a refused connection every few
 * seconds. Traces still exist (the events' traceparent, the logs' trace ids); they are only not
 * sent.
 */
@Singleton
@LookupIfProperty(name = "oversight.tracing.collector", stringValue = "none")
public class UnsentSpans implements SpanExporter {
  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
