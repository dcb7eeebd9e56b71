package cn.anshan.oversight.kit.events;

import java.util.Objects;

/**
 * An event a factory has built but no aggregate has numbered yet. Event factories stay free of side
 * effects; the aggregate the event is about gives it its next version where the command appends it
 * ({@code outbox.append(command, order.record(OrderEvents.placed(order)))}), so a version is only
 * ever counted for an event that is written.
 */
public record PendingEvent(
    String aggregateType, String aggregateId, String name, String district, Object data) {

  public PendingEvent {
    Objects.requireNonNull(aggregateType, "aggregateType");
    Objects.requireNonNull(aggregateId, "aggregateId");
  }

  /**
   * The event as version {@code version} of the aggregate recording it. Refuses an event about
   * another aggregate: a command that records it on the wrong one would corrupt both version
   * sequences.
   */
  public DomainEvent numbered(String recorderType, String recorderId, long version) {
    if (!aggregateType.equals(recorderType) || !aggregateId.equals(recorderId)) {
      throw new IllegalStateException(
          name
              + " is about "
              + aggregateType
              + " "
              + aggregateId
              + ", not "
              + recorderType
              + " "
              + recorderId);
    }
    return new DomainEvent(aggregateType, aggregateId, version, name, district, data);
  }
}
