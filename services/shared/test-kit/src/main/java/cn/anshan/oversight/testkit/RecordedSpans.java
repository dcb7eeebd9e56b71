package cn.anshan.oversight.testkit;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * The spans a service under test finished, kept in memory instead of sent to a collector (issue 20
 * item 2): Quarkus uses a CDI {@link SpanExporter} in place of OTLP, so tests export nowhere. Keeps
 * the most recent {@value #KEPT} so a long test run does not grow without bound.
 */
@Singleton
public class RecordedSpans implements SpanExporter {
  static final int KEPT = 20_000;
  private final Deque<SpanData> spans = new ArrayDeque<>();

  @Override
  public synchronized CompletableResultCode export(Collection<SpanData> finished) {
    for (SpanData span : finished) {
      if (spans.size() == KEPT) {
        spans.removeFirst();
      }
      spans.addLast(span);
    }
    return CompletableResultCode.ofSuccess();
  }

  /** The finished spans of one trace, oldest first. */
  public List<SpanData> ofTrace(String traceId) {
    return matching(s -> s.getTraceId().equals(traceId));
  }

  public synchronized List<SpanData> matching(Predicate<SpanData> filter) {
    return spans.stream().filter(filter).toList();
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
