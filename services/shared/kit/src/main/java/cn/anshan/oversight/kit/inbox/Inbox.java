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

  public Inbox(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Parses {@code json}, and applies {@code effect} in one transaction with the dedupe record
   * unless {@code consumer} has seen the event before. An unparseable record throws {@link
   * PoisonEventException}, which the channel's dead-letter strategy sends to the DLQ.
   */
  public Uni<Void> receive(
      String consumer, String json, Function<IncomingEvent, Uni<Void>> effect) {
    IncomingEvent event = IncomingEvent.parse(mapper, json);
    return Panache.withTransaction(
        () ->
            claim(consumer, event)
                .chain(
                    first -> {
                      if (!first) {
                        Log.debugf("%s: duplicate %s ignored", consumer, event.id());
                        return Uni.createFrom().voidItem();
                      }
                      return effect.apply(event);
                    }));
  }

  private Uni<Boolean> claim(String consumer, IncomingEvent event) {
    return SessionSql.update(CLAIM, consumer, event.id(), event.type())
        .map(inserted -> inserted == 1);
  }
}
