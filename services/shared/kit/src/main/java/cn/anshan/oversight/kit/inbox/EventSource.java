package cn.anshan.oversight.kit.inbox;

import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.events.PoisonEventException;

/**
 * The producer a channel consumes (issue 15 item 5): its CloudEvents {@code source} and the type
 * namespace of its events. An event on the channel that names another source or type namespace did
 * not come from that producer's outbox; it is parked (DLQ), never applied.
 */
public record EventSource(String source, String typePrefix) {
  public static final EventSource REGISTRY =
      new EventSource("/oversight/institution-registry", "cn.anshan.oversight.registry.");
  public static final EventSource ENROLMENT =
      new EventSource("/oversight/enrolment", "cn.anshan.oversight.enrolment.");
  public static final EventSource FEE_APPROVAL =
      new EventSource("/oversight/fee-approval", "cn.anshan.oversight.fee.");

  /** Throws {@link PoisonEventException} unless {@code event} is this producer's. */
  void check(IncomingEvent event) {
    if (!source.equals(event.source()) || !event.type().startsWith(typePrefix)) {
      throw new PoisonEventException(
          "event "
              + event.id()
              + " ("
              + event.type()
              + " from "
              + event.source()
              + ") on a channel of "
              + source
              + ": not this producer's, parked");
    }
  }
}
