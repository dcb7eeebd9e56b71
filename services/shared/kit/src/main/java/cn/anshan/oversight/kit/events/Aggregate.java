package cn.anshan.oversight.kit.events;

/**
 * An aggregate that numbers the events about it: {@code record} gives an event its next version
 * where the command appends it (see {@link PendingEvent}), so a version counts only written events.
 */
public interface Aggregate {
  DomainEvent record(PendingEvent event);
}
