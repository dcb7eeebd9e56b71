package cn.anshan.oversight.escrow.messaging;

import cn.anshan.oversight.escrow.domain.family.RegisteredChild;
import cn.anshan.oversight.escrow.service.Children;
import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.inbox.EventConsumer;
import cn.anshan.oversight.kit.inbox.EventSource;
import cn.anshan.oversight.kit.inbox.Inbox;
import cn.anshan.oversight.kit.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Enrolment events escrow reacts to: ChildRegistered, so an order can name the child it is for
 * (PLT-08). Each event applies once (kit Inbox); other types are ignored.
 */
@ApplicationScoped
public class EnrolmentConsumer implements EventConsumer {
  public static final String CONSUMER = "escrow-monitor-enrolment";
  private static final String CHILD_REGISTERED = "cn.anshan.oversight.enrolment.ChildRegistered.v1";

  private final Inbox inbox;
  private final Children children;

  public EnrolmentConsumer(Inbox inbox, Children children) {
    this.inbox = inbox;
    this.children = children;
  }

  @Incoming("enrolment-events")
  public Uni<Void> consume(String json) {
    return inbox.receive(this, json);
  }

  @Override
  public String name() {
    return CONSUMER;
  }

  @Override
  public EventSource source() {
    return EventSource.ENROLMENT;
  }

  @Override
  public Uni<Void> apply(IncomingEvent event) {
    if (!CHILD_REGISTERED.equals(event.type())) {
      return Uni.createFrom().voidItem();
    }
    // the envelope's actor is the guardian who linked the child; a child linked by anyone else has
    // no guardian to bind and is not stored
    Optional<String> guardian = event.actorIn(Roles.PARENT);
    if (guardian.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    ChildRegistered registered = event.dataAs(ChildRegistered.class);
    return children.registered(
        new RegisteredChild(
            registered.childId(),
            guardian.get(),
            registered.schoolId(),
            registered.grade(),
            registered.registeredAt()));
  }
}
