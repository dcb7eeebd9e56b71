package cn.anshan.oversight.kit.events;

import java.util.Objects;

/**
 * A fact about one aggregate, ready for the outbox. {@code name} is the event name with its
 * version, e.g. {@code InstitutionApplied.v1}; {@code data} is a record serialised as the payload.
 */
public record DomainEvent(
    String aggregateType,
    String aggregateId,
    long aggregateVersion,
    String name,
    String district,
    Object data) {

  public DomainEvent {
    Objects.requireNonNull(aggregateType, "aggregateType");
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(data, "data");
    if (aggregateVersion < 1) {
      throw new IllegalArgumentException("aggregate versions start at 1");
    }
    if (!name.matches("[A-Z][A-Za-z]+\\.v[0-9]+")) {
      throw new IllegalArgumentException("event name must look like Name.v1: " + name);
    }
  }
}
