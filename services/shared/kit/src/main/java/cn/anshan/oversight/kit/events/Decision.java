package cn.anshan.oversight.kit.events;

import java.util.List;
import java.util.Objects;

/**
 * What one domain decision made (issue 14 item 1): the aggregate it created or changed and the
 * events it raised about it, in order, not yet numbered. The command persists the aggregate and
 * appends the events, each numbered by the aggregate ({@link #numbered}); for a new aggregate
 * before its insert, so its row is written once with its version ({@code Outbox.appendNew}).
 */
public record Decision<A extends Aggregate>(A aggregate, List<PendingEvent> events) {

  public Decision {
    Objects.requireNonNull(aggregate, "aggregate");
    events = List.copyOf(events);
  }

  public static <A extends Aggregate> Decision<A> of(A aggregate, PendingEvent... events) {
    return new Decision<>(aggregate, List.of(events));
  }

  /** The events as the aggregate numbers them, in order ({@code record} counts its version). */
  public List<DomainEvent> numbered() {
    return events.stream().map(aggregate::record).toList();
  }
}
