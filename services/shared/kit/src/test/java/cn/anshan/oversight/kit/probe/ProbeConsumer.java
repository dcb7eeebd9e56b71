package cn.anshan.oversight.kit.probe;

import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.inbox.EventConsumer;
import cn.anshan.oversight.kit.inbox.EventSource;
import cn.anshan.oversight.kit.inbox.Inbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Applies each probe event once: one row per event id, no matter how often it is delivered. */
@ApplicationScoped
public class ProbeConsumer implements EventConsumer {
  static final String CONSUMER = "probe-effects";
  static final EventSource PROBE =
      new EventSource("/oversight/probe-service", "cn.anshan.oversight.probe.");
  private final Inbox inbox;

  public ProbeConsumer(Inbox inbox) {
    this.inbox = inbox;
  }

  @Incoming("probe-in")
  public Uni<Void> consume(String json) {
    return inbox.receive(this, json);
  }

  @Override
  public String name() {
    return CONSUMER;
  }

  @Override
  public EventSource source() {
    return PROBE;
  }

  @Override
  public Uni<Void> apply(IncomingEvent event) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "insert into probe_effect (event_id, item_id, label) values (?1, ?2, ?3)")
                    .setParameter(1, event.id())
                    .setParameter(2, event.aggregateId())
                    .setParameter(3, event.data().path("label").asText())
                    .executeUpdate())
        .replaceWithVoid();
  }
}
