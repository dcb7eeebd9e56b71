package cn.anshan.oversight.audit.messaging;

import cn.anshan.oversight.audit.repository.FindingRepository.Candidate;
import cn.anshan.oversight.kit.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The events audit itself publishes: a finding (a completeness gap or a compliance breach) when it
 * is first stored, and each signed checkpoint of the log. Each finding and checkpoint is its own
 * aggregate with a single event, version 1.
 */
public final class AuditEvents {
  private AuditEvents() {}

  /** Payload of {@code SequenceGapDetected.v1}. */
  public record GapDetected(
      UUID findingId,
      String ruleId,
      String kind,
      String source,
      String aggregateType,
      String aggregateId,
      long missingFrom,
      long missingTo,
      String nextEventId,
      Instant detectedAt) {}

  /** Payload of {@code ComplianceFindingRecorded.v1}. */
  public record FindingRecorded(
      UUID findingId,
      String ruleId,
      String kind,
      String entityId,
      String district,
      String detail,
      List<String> eventIds,
      Instant detectedAt) {}

  /** Payload of {@code CheckpointSigned.v2}. */
  public record CheckpointSigned(
      long checkpointId,
      Instant createdAt,
      long createdAtMicros,
      long treeSize,
      String rootHash,
      String previousHash,
      String keyId,
      String signature,
      String statement) {}

  /**
   * A new finding: a completeness gap as {@code SequenceGapDetected.v1} (its {@code gap} named the
   * missing range), any other as {@code ComplianceFindingRecorded.v1}.
   */
  public static DomainEvent finding(
      UUID id, Candidate c, GapDetected gap, List<String> eventIds, Instant now) {
    if (gap != null) {
      return new DomainEvent(
          "Finding",
          id.toString(),
          1,
          "SequenceGapDetected.v1",
          c.district(),
          new GapDetected(
              id,
              gap.ruleId(),
              gap.kind(),
              gap.source(),
              gap.aggregateType(),
              gap.aggregateId(),
              gap.missingFrom(),
              gap.missingTo(),
              gap.nextEventId(),
              now));
    }
    return new DomainEvent(
        "Finding",
        id.toString(),
        1,
        "ComplianceFindingRecorded.v1",
        c.district(),
        new FindingRecorded(
            id,
            c.kind().ruleId(),
            c.kind().name(),
            c.entityId(),
            c.district(),
            c.detail(),
            eventIds,
            now));
  }

  public static DomainEvent checkpointSigned(CheckpointSigned data) {
    return new DomainEvent(
        "Checkpoint", Long.toString(data.checkpointId()), 1, "CheckpointSigned.v2", null, data);
  }
}
