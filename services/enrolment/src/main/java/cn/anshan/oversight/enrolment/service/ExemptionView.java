package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.domain.family.Exemption;
import cn.anshan.oversight.enrolment.domain.family.ExemptionStatus;
import java.time.Instant;
import java.util.UUID;

/** An exemption claim and its decision. */
public record ExemptionView(
    UUID exemptionId,
    long version,
    UUID childId,
    String schoolId,
    String category,
    String evidenceRef,
    ExemptionStatus status,
    Instant claimedAt,
    Instant decidedAt) {
  public static ExemptionView of(Exemption e) {
    return new ExemptionView(
        e.id(),
        e.version(),
        e.childId(),
        e.schoolId(),
        e.category(),
        e.evidenceRef(),
        e.status(),
        e.claimedAt(),
        e.decidedAt());
  }
}
