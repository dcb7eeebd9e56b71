package cn.anshan.oversight.kit.outbox;

import cn.anshan.oversight.kit.tracing.TraceParent;
import java.util.UUID;

/** A numbered outbox row on its way to the broker, with the trace of the command that wrote it. */
record UnpublishedRow(
    UUID id,
    String aggregateType,
    String aggregateId,
    String topic,
    String payload,
    long sequence,
    String type,
    TraceParent trace) {
  String aggregateKey() {
    return aggregateType + "/" + aggregateId;
  }
}
