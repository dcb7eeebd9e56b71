package cn.anshan.oversight.kit.outbox;

import java.util.UUID;

/** A numbered outbox row on its way to the broker. */
record PendingEvent(
    UUID id,
    String aggregateType,
    String aggregateId,
    String topic,
    String payload,
    long sequence) {
  String aggregateKey() {
    return aggregateType + "/" + aggregateId;
  }
}
