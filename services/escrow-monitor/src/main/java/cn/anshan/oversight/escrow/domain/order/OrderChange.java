package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.kit.events.PendingEvent;
import java.util.List;

/**
 * What a decision made inside an order (issue 14 item 1): the lesson or refund it created, and the
 * events it raised, in order, for the order to number where the command appends them ({@link
 * Order#record}).
 */
public record OrderChange<T>(T subject, List<PendingEvent> events) {

  public OrderChange {
    events = List.copyOf(events);
  }

  static <T> OrderChange<T> of(T subject, PendingEvent... events) {
    return new OrderChange<>(subject, List.of(events));
  }
}
