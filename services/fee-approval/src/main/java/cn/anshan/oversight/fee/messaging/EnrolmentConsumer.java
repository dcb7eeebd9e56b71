package cn.anshan.oversight.fee.messaging;

import cn.anshan.oversight.fee.domain.RegisteredChild;
import cn.anshan.oversight.fee.service.SchoolParents;
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
 * Enrolment events fee-approval reacts to: ChildRegistered, so only a guardian of a child
 * registered at the school can represent its parent committee (LN-ASV-06). Each event applies once
 * (kit Inbox); other types are ignored.
 */
@ApplicationScoped
public class EnrolmentConsumer implements EventConsumer {
  public static final String CONSUMER = "fee-approval-enrolment";
  private static final String CHILD_REGISTERED = "cn.anshan.oversight.enrolment.ChildRegistered.v1";

  private final Inbox inbox;
  private final SchoolParents parents;

  public EnrolmentConsumer(Inbox inbox, SchoolParents parents) {
    this.inbox = inbox;
    this.parents = parents;
  }

  @Incoming("enrolment-in")
  public Uni<Void> consume(String json) {
    return inbox.receive(this, json);
  }

  @Override
  public boolean handles(String type) {
    return CHILD_REGISTERED.equals(type);
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
    // the envelope's actor is the guardian who registered the child; a child registered by anyone
    // else names no guardian
    Optional<String> guardian = event.actorIn(Roles.PARENT);
    if (guardian.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    ChildRegistered registered = event.dataAs(ChildRegistered.class);
    return parents.childRegistered(
        new RegisteredChild(
            registered.childId(),
            guardian.get(),
            registered.schoolId(),
            registered.registeredAt()));
  }
}
