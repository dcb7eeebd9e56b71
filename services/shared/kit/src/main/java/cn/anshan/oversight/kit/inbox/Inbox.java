package cn.anshan.oversight.kit.inbox;

import cn.anshan.oversight.kit.db.SessionSql;
import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.events.PoisonEventException;
import cn.anshan.oversight.kit.tracing.EventSpans;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * At-least-once delivery made exactly-once in effect (DESIGN §1): the event id is recorded per
 * consumer in the same transaction as the effect, and a second delivery does nothing.
 */
@ApplicationScoped
public class Inbox {
  private static final String CLAIM =
      "insert into inbox_event (consumer, event_id, event_type) values ($1, $2, $3) "
          + "on conflict do nothing";

  private final ObjectMapper mapper;
  private final InboxSettings retry;
  private final ParkedEvents parked;
  private final EventSpans spans;

  public Inbox(ObjectMapper mapper, InboxSettings retry, ParkedEvents parked, EventSpans spans) {
    this.mapper = mapper;
    this.retry = retry;
    this.parked = parked;
    this.spans = spans;
  }

  /**
   * Parses {@code json} and applies the consumer's effect in one transaction with the dedupe
   * record, unless the consumer has seen the event before or does not handle its type. A record
   * that is not an event, or not the consumer's source's (another source or type namespace), or
   * that the effect rejects as poison is parked at once; any other failure rolls the transaction
   * back and is retried with backoff (a new transaction each time, the partition held so order is
   * kept) and parked only after {@link InboxSettings#giveUpAfter()}. Only when parking itself fails
   * does the record reach the channel's dead-letter topic.
   *
   * <p>Each attempt runs in a span of its own that continues the event's trace ({@link
   * #applyInTrace}); a retried event shows its failed attempts.
   */
  public Uni<Void> receive(EventConsumer consumer, String json) {
    IncomingEvent event;
    try {
      event = read(consumer, json);
    } catch (PoisonEventException e) {
      return parked.park(consumer.name(), null, json, e.getMessage());
    }
    if (!consumer.handles(event.type())) {
      return Uni.createFrom().voidItem();
    }
    return Uni.createFrom()
        .deferred(() -> applyInTrace(consumer, event))
        .onFailure(e -> !(e instanceof PoisonEventException))
        .invoke(
            e ->
                Log.warnf("%s: %s failed, retrying: %s", consumer.name(), event.id(), e.toString()))
        .onFailure(e -> !(e instanceof PoisonEventException))
        .retry()
        .withBackOff(retry.initialBackoff(), retry.maxBackoff())
        .expireIn(retry.giveUpAfter().toMillis())
        .replaceWithVoid()
        .onFailure()
        .recoverWithUni(e -> parked.park(consumer.name(), event, json, reason(e)));
  }

  /**
   * {@link #applyOnce} in a span that continues the event's trace and is current on this
   * subscription's context until the effect ends, so the events the effect appends carry the trace
   * on to their consumers. Also how an operator's replay of a parked event keeps its trace.
   */
  Uni<Boolean> applyInTrace(EventConsumer consumer, IncomingEvent event) {
    return Uni.createFrom()
        .deferred(
            () -> {
              Span span =
                  spans.processing(
                      consumer.name(),
                      event.id().toString(),
                      event.type(),
                      event.source(),
                      event.trace());
              Scope current = span.makeCurrent();
              return applyOnce(consumer, event)
                  .onTermination()
                  .invoke(
                      (applied, failure, cancelled) -> {
                        current.close();
                        EventSpans.end(span, failure, cancelled);
                      });
            });
  }

  /** The event in {@code json} if it is one and comes from the consumer's source. */
  IncomingEvent read(EventConsumer consumer, String json) {
    IncomingEvent event = IncomingEvent.parse(mapper, json);
    consumer.source().check(event);
    return event;
  }

  /** Applies the event unless the consumer has seen it; true when it was applied now. */
  private Uni<Boolean> applyOnce(EventConsumer consumer, IncomingEvent event) {
    return Panache.withTransaction(
        () ->
            claim(consumer.name(), event)
                .chain(
                    first -> {
                      if (!first) {
                        Log.debugf("%s: duplicate %s ignored", consumer.name(), event.id());
                        return Uni.createFrom().item(false);
                      }
                      return consumer.apply(event).replaceWith(true);
                    }));
  }

  private Uni<Boolean> claim(String consumer, IncomingEvent event) {
    return SessionSql.update(CLAIM, consumer, event.id(), event.type())
        .map(inserted -> inserted == 1);
  }

  private static String reason(Throwable e) {
    return e instanceof PoisonEventException
        ? e.getMessage()
        : "still failing after the retry window: " + e;
  }
}
