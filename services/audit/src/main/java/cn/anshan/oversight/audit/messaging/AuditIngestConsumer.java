package cn.anshan.oversight.audit.messaging;

import cn.anshan.oversight.audit.config.AuditSettings;
import cn.anshan.oversight.audit.metrics.StoreMeters;
import cn.anshan.oversight.audit.repository.EventStore;
import cn.anshan.oversight.kit.tracing.EventSpans;
import cn.anshan.oversight.kit.tracing.TraceParent;
import io.opentelemetry.api.trace.Span;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Receives every {@code oversight.*.events} topic in batches (one poll = one transaction) and
 * appends them to the store. Records that are not envelopes are kept in {@code rejected_record}
 * instead of stalling the partition; a batch the database did not take is retried with back-off
 * until it does: consuming stops, nothing goes to the dead-letter topic, and it resumes where it
 * stopped.
 */
@ApplicationScoped
public class AuditIngestConsumer {
  private static final String CONSUMER = "audit-ingest";
  private final EventStore store;
  private final AuditSettings settings;
  private final StoreMeters meters;
  private final EventSpans spans;

  public AuditIngestConsumer(
      EventStore store, AuditSettings settings, StoreMeters meters, EventSpans spans) {
    this.store = store;
    this.settings = settings;
    this.meters = meters;
    this.spans = spans;
  }

  @Incoming("audit-in")
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    List<EventStore.Incoming> batch = new ArrayList<>(records.count());
    // one span per traced record, in the trace of the send that delivered it, ended when its batch
    // commits; an untraced record (a heartbeat, a scheduled job's event) would only start noise
    List<Span> storing = new ArrayList<>(records.count());
    for (ConsumerRecord<String, String> r : records) {
      batch.add(new EventStore.Incoming(r.topic(), r.partition(), r.offset(), r.value()));
      TraceParent send = TraceParent.readFrom(r.headers());
      if (send.present()) {
        storing.add(spans.storing(CONSUMER, r.topic(), r.partition(), r.offset(), send));
      }
    }
    if (batch.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Uni.createFrom()
        .deferred(() -> store.ingest(batch))
        .onFailure()
        .invoke(e -> Log.warnf("audit ingest of %d records failed, retrying: %s", batch.size(), e))
        .onFailure()
        .retry()
        .withBackOff(Duration.ofMillis(200), settings.ingest().retryMaxBackoff())
        .indefinitely()
        .invoke(
            result -> {
              meters.ingested(result.stored(), result.duplicates(), result.rejected());
              Log.debugf(
                  "audit ingest: %d stored, %d duplicates, %d rejected",
                  result.stored(), result.duplicates(), result.rejected());
            })
        .replaceWithVoid()
        .onTermination()
        .invoke((done, failure, cancelled) -> storing.forEach(s -> EventSpans.end(s, failure)));
  }
}
