package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.domain.enrolment.Enrolment;
import cn.anshan.oversight.enrolment.domain.enrolment.EnrolmentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An enrolment as its readers see it. */
public record EnrolmentView(
    UUID enrolmentId,
    long version,
    UUID childId,
    UUID programmeId,
    String schoolId,
    String district,
    String termId,
    List<String> options,
    EnrolmentStatus status,
    LocalDate startDate,
    LocalDate withdrawalEffective,
    Instant submittedAt,
    Instant withdrawnAt) {
  public static EnrolmentView of(Enrolment e) {
    return new EnrolmentView(
        e.id(),
        e.version(),
        e.childId(),
        e.programmeId(),
        e.schoolId(),
        e.district(),
        e.termId(),
        e.options() == null || e.options().isEmpty()
            ? List.of()
            : Arrays.asList(e.options().split("\n")),
        e.status(),
        e.startDate(),
        e.withdrawalEffective(),
        e.submittedAt(),
        e.withdrawnAt());
  }
}
