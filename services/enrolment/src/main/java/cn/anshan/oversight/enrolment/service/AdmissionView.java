package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.domain.provider.AdmissionStatus;
import cn.anshan.oversight.enrolment.domain.provider.ExitReason;
import cn.anshan.oversight.enrolment.domain.provider.ProviderAdmission;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A provider's admission to a programme. */
public record AdmissionView(
    UUID admissionId,
    long version,
    UUID programmeId,
    String institutionId,
    String schoolId,
    String district,
    UUID courseId,
    Long feeFenPerLesson,
    List<String> services,
    AdmissionStatus status,
    Instant admittedAt,
    String lastPeriod,
    Integer lastScore,
    ExitReason exitReason,
    Instant exitedAt) {
  public static AdmissionView of(ProviderAdmission a) {
    return new AdmissionView(
        a.id(),
        a.version(),
        a.programmeId(),
        a.institutionId(),
        a.schoolId(),
        a.district(),
        a.courseId(),
        a.feeFenPerLesson(),
        Arrays.asList(a.services().split("\n")),
        a.status(),
        a.admittedAt(),
        a.lastPeriod(),
        a.lastScore(),
        a.exitReason(),
        a.exitedAt());
  }
}
