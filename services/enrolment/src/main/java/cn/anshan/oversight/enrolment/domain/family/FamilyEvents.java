package cn.anshan.oversight.enrolment.domain.family;

import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A child (aggregate Child) registered by a guardian, and their charge exemptions (aggregate
 * Exemption). Their transitions build theirs here and return them; the aggregate numbers each where
 * the command appends it (its {@code record}).
 */
public final class FamilyEvents {
  private FamilyEvents() {}

  public record ChildRegistered(UUID childId, String schoolId, int grade, Instant registeredAt) {}

  /**
   * Exemption events name the child and the school, never the exempt category (a disability,
   * extreme poverty): that stays in enrolment's database (issue 18 item 7, v2).
   */
  public record ExemptionClaimed(
      UUID exemptionId, UUID childId, String schoolId, Instant claimedAt) {}

  public record ExemptionDecided(
      UUID exemptionId,
      UUID childId,
      String schoolId,
      String district,
      String ruleId,
      Instant decidedAt) {}

  static PendingEvent childRegistered(Child c) {
    return new PendingEvent(
        Child.AGGREGATE_TYPE,
        c.id().toString(),
        "ChildRegistered.v1",
        null,
        new ChildRegistered(c.id(), c.schoolId(), c.grade(), c.registeredAt()));
  }

  static PendingEvent exemptionClaimed(Exemption e) {
    return new PendingEvent(
        Exemption.AGGREGATE_TYPE,
        e.id().toString(),
        "ExemptionClaimed.v2",
        null,
        new ExemptionClaimed(e.id(), e.childId(), e.schoolId(), e.claimedAt()));
  }

  static PendingEvent exemptionDecided(Exemption e, boolean granted) {
    return new PendingEvent(
        Exemption.AGGREGATE_TYPE,
        e.id().toString(),
        granted ? "ExemptionGranted.v2" : "ExemptionRejected.v2",
        e.district(),
        new ExemptionDecided(
            e.id(), e.childId(), e.schoolId(), e.district(), "LN-ASV-06", e.decidedAt()));
  }
}
