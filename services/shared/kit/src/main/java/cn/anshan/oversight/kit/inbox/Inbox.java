package cn.anshan.oversight.kit.inbox;

import cn.anshan.oversight.kit.db.SessionSql;
import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.events.PoisonEventException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;

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

  public Inbox(ObjectMapper mapper, InboxSettings retry) {
    this.mapper = mapper;
    this.retry = retry;
  }

  /**
   * Parses {@code json}, and applies {@code effect} in one transaction with the dedupe record
   * unless {@code consumer} has seen the event before. An unparseable record, or one that is not
   * {@code from}'s (another source or type namespace), throws {@link PoisonEventException}, which
   * the channel's dead-letter strategy sends to the DLQ at once; any other failure rolls the
   * transaction back and is retried with backoff (a new transaction each time), and reaches the DLQ
   * only after {@link InboxSettings#giveUpAfter()}.
   */
  public Uni<Void> receive(
      String consumer, EventSource from, String json, Function<IncomingEvent, Uni<Void>> effect) {
    IncomingEvent event = IncomingEvent.parse(mapper, json);
    from.check(event);
    return Uni.createFrom()
        .deferred(
            () ->
                Panache.withTransaction(
                    () ->
                        claim(consumer, event)
                            .chain(
                                first -> {
                                  if (!first) {
                                    Log.debugf("%s: duplicate %s ignored", consumer, event.id());
                                    return Uni.createFrom().voidItem();
                                  }
                                  return effect.apply(event);
                                })))
        .onFailure(e -> !(e instanceof PoisonEventException))
        .invoke(e -> Log.warnf("%s: %s failed, retrying: %s", consumer, event.id(), e.toString()))
        .onFailure(e -> !(e instanceof PoisonEventException))
        .retry()
        .withBackOff(retry.initialBackoff(), retry.maxBackoff())
        .expireIn(retry.giveUpAfter().toMillis());
  }

  private Uni<Boolean> claim(String consumer, IncomingEvent event) {
    return SessionSql.update(CLAIM, consumer, event.id(), event.type())
        .map(inserted -> inserted == 1);
  }
}
