package cn.anshan.oversight.kit.inbox;

import cn.anshan.oversight.kit.events.IncomingEvent;
import io.smallrye.mutiny.Uni;

/**
 * A service's reaction to another producer's events, named so the inbox can apply an event once per
 * consumer and an operator can replay what was parked (issue 15 item 1). The {@code @Incoming}
 * method hands each record to {@link Inbox#receive(EventConsumer, String)}.
 */
public interface EventConsumer {
  /** The consumer group: names the inbox rows and the parked records of this consumer. */
  String name();

  /** Whose events these are; a record from anyone else is parked unread. */
  EventSource source();

  /**
   * Whether the consumer reacts to this type at all; other events of its source are acknowledged
   * without an inbox row. Every type by default.
   */
  default boolean handles(String type) {
    return true;
  }

  /** The effect, inside the inbox's transaction. */
  Uni<Void> apply(IncomingEvent event);
}
