package cn.anshan.oversight.registry.domain.staff;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.registry.domain.VerificationStatus;
import java.time.Instant;
import java.util.List;

/**
 * Payloads of the staff events on {@code oversight.registry.events}; schemas in {@code
 * contracts/events/registry/}. No names, no ID numbers, no ID hashes.
 */
public final class StaffEvents {
  private StaffEvents() {}

  public record StaffFiled(
      String staffId,
      String institutionId,
      StaffRole role,
      boolean fullTime,
      QualificationType qualificationType,
      Instant filedAt) {}

  public record StaffLeft(
      String staffId,
      String institutionId,
      StaffRole role,
      boolean fullTime,
      QualificationType qualificationType,
      Instant leftAt) {}

  /**
   * A regulator's check of a filing (issue 18 item 3). {@code breaches} name the rules the facts
   * break (STF-01, STF-02) when the outcome is REFUTED; the evidence reference says what was
   * checked, never a document's content.
   */
  public record StaffQualificationVerified(
      String staffId,
      String institutionId,
      StaffRole role,
      QualificationType qualificationType,
      VerificationStatus outcome,
      Boolean qualificationConfirmed,
      boolean inServiceTeacherFound,
      List<Breach> breaches,
      String evidenceReference,
      Instant verifiedAt) {}

  public record Breach(String rule, String detail) {}

  /** Where a blacklisted person is filed right now, so that district's regulator can act. */
  public record Filed(String staffId, String institutionId, String district) {}

  public record StaffBlacklisted(
      String entryId, RedLine redLine, List<Filed> currentlyFiled, Instant listedAt) {}

  static DomainEvent filed(StaffMember m) {
    return member(
        m,
        "StaffFiled.v1",
        new StaffFiled(
            m.staffId(),
            m.institutionId(),
            m.role(),
            m.fullTime(),
            m.qualificationType(),
            m.filedAt()));
  }

  static DomainEvent left(StaffMember m) {
    return member(
        m,
        "StaffLeft.v1",
        new StaffLeft(
            m.staffId(),
            m.institutionId(),
            m.role(),
            m.fullTime(),
            m.qualificationType(),
            m.leftAt()));
  }

  static DomainEvent qualificationVerified(StaffMember m, Verification outcome) {
    return member(
        m,
        "StaffQualificationVerified.v1",
        new StaffQualificationVerified(
            m.staffId(),
            m.institutionId(),
            m.role(),
            m.qualificationType(),
            outcome.status(),
            m.qualificationConfirmed(),
            m.inServiceTeacherFound(),
            outcome.breaches().stream().map(b -> new Breach(b.rule(), b.detail())).toList(),
            m.verificationEvidence(),
            m.verifiedAt()));
  }

  /** City-wide, so the envelope has no district; the districts concerned are in the data. */
  static DomainEvent blacklisted(StaffBlacklistEntry e, List<StaffMember> filed) {
    return new DomainEvent(
        StaffBlacklistEntry.AGGREGATE_TYPE,
        e.entryId(),
        e.version(),
        "StaffBlacklisted.v1",
        null,
        new StaffBlacklisted(
            e.entryId(),
            e.redLine(),
            filed.stream()
                .map(m -> new Filed(m.staffId(), m.institutionId(), m.district()))
                .toList(),
            e.listedAt()));
  }

  private static DomainEvent member(StaffMember m, String name, Object data) {
    return new DomainEvent(
        StaffMember.AGGREGATE_TYPE, m.staffId(), m.version(), name, m.district(), data);
  }
}
