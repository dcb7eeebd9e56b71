package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.enrolment.domain.family.Child;
import cn.anshan.oversight.enrolment.domain.family.Exemption;
import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A child (aggregate Child) registered by a guardian, and their charge exemptions (aggregate
 * Exemption). Factories return pending events; the aggregate numbers each where it is appended (its
 * {@code record}).
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

  public static PendingEvent childRegistered(Child c) {
    return new PendingEvent(
        Child.AGGREGATE_TYPE,
        c.id().toString(),
        "ChildRegistered.v1",
        null,
        new ChildRegistered(c.id(), c.schoolId(), c.grade(), c.registeredAt()));
  }

  public static PendingEvent exemptionClaimed(Exemption e) {
    return new PendingEvent(
        Exemption.AGGREGATE_TYPE,
        e.id().toString(),
        "ExemptionClaimed.v2",
        null,
        new ExemptionClaimed(e.id(), e.childId(), e.schoolId(), e.claimedAt()));
  }

  public static PendingEvent exemptionDecided(Exemption e, boolean granted) {
    return new PendingEvent(
        Exemption.AGGREGATE_TYPE,
        e.id().toString(),
        granted ? "ExemptionGranted.v2" : "ExemptionRejected.v2",
        e.district(),
        new ExemptionDecided(
            e.id(), e.childId(), e.schoolId(), e.district(), "LN-ASV-06", e.decidedAt()));
  }
}
