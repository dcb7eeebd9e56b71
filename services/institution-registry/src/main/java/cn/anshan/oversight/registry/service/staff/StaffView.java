package cn.anshan.oversight.registry.service.staff;

import cn.anshan.oversight.registry.domain.VerificationStatus;
import cn.anshan.oversight.registry.domain.staff.Qualification;
import cn.anshan.oversight.registry.domain.staff.StaffEvidence;
import cn.anshan.oversight.registry.domain.staff.StaffMember;
import cn.anshan.oversight.registry.domain.staff.StaffRole;
import cn.anshan.oversight.registry.domain.staff.StaffStatus;
import java.time.Instant;

/** A staff member as the API shows it to those allowed to see staff: never the ID number. */
public record StaffView(
    String staffId,
    long version,
    String institutionId,
    String name,
    StaffRole role,
    boolean fullTime,
    Qualification qualification,
    StaffEvidence evidence,
    VerificationView verification,
    StaffStatus status,
    Instant filedAt,
    Instant leftAt) {

  /** The regulator's check of the declared qualification and in-service status; or UNVERIFIED. */
  public record VerificationView(
      VerificationStatus status,
      Boolean qualificationConfirmed,
      Boolean inServiceTeacherFound,
      String evidenceReference,
      Instant verifiedAt) {}

  static StaffView of(StaffMember m) {
    return new StaffView(
        m.staffId(),
        m.version(),
        m.institutionId(),
        m.name(),
        m.role(),
        m.fullTime(),
        m.qualificationType() == null
            ? null
            : new Qualification(m.qualificationType(), m.qualificationNumber()),
        m.evidence(),
        new VerificationView(
            m.verification(),
            m.qualificationConfirmed(),
            m.inServiceTeacherFound(),
            m.verificationEvidence(),
            m.verifiedAt()),
        m.status(),
        m.filedAt(),
        m.leftAt());
  }
}
