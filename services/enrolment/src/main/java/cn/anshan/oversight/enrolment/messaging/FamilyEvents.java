package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.enrolment.domain.family.Child;
import cn.anshan.oversight.enrolment.domain.family.Exemption;
import cn.anshan.oversight.kit.events.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A child (aggregate Child) registered by a guardian, and their charge exemptions (aggregate
 * Exemption). Each factory counts its event on the aggregate: call it once per event appended.
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

  public static DomainEvent childRegistered(Child c) {
    return new DomainEvent(
        Child.AGGREGATE_TYPE,
        c.id().toString(),
        c.recordEvent(),
        "ChildRegistered.v1",
        null,
        new ChildRegistered(c.id(), c.schoolId(), c.grade(), c.registeredAt()));
  }

  public static DomainEvent exemptionClaimed(Exemption e) {
    return new DomainEvent(
        Exemption.AGGREGATE_TYPE,
        e.id().toString(),
        e.recordEvent(),
        "ExemptionClaimed.v2",
        null,
        new ExemptionClaimed(e.id(), e.childId(), e.schoolId(), e.claimedAt()));
  }

  public static DomainEvent exemptionDecided(Exemption e, boolean granted) {
    return new DomainEvent(
        Exemption.AGGREGATE_TYPE,
        e.id().toString(),
        e.recordEvent(),
        granted ? "ExemptionGranted.v2" : "ExemptionRejected.v2",
        e.district(),
        new ExemptionDecided(
            e.id(), e.childId(), e.schoolId(), e.district(), "LN-ASV-06", e.decidedAt()));
  }
}
