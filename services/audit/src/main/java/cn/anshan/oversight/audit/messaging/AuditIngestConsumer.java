package cn.anshan.oversight.audit.messaging;

import cn.anshan.oversight.audit.config.AuditSettings;
import cn.anshan.oversight.audit.metrics.StoreMeters;
import cn.anshan.oversight.audit.repository.EventStore;
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
  private final EventStore store;
  private final AuditSettings settings;
  private final StoreMeters meters;

  public AuditIngestConsumer(EventStore store, AuditSettings settings, StoreMeters meters) {
    this.store = store;
    this.settings = settings;
    this.meters = meters;
  }

  @Incoming("audit-in")
  public Uni<Void> consume(ConsumerRecords<String, String> records) {
    List<EventStore.Incoming> batch = new ArrayList<>(records.count());
    for (ConsumerRecord<String, String> r : records) {
      batch.add(new EventStore.Incoming(r.topic(), r.partition(), r.offset(), r.value()));
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
        .replaceWithVoid();
  }
}
