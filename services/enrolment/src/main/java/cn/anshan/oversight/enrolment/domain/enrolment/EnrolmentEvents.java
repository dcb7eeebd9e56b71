package cn.anshan.oversight.enrolment.domain.enrolment;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A family's voluntary enrolment in a programme: applied, confirmed, withdrawn; and the signals of
 * compulsion against it. The enrolment's transitions build theirs here and return them ({@link
 * EnrolmentApplication#decide}, {@link Enrolment#withdraw}); the aggregate numbers each where the
 * command appends it (its {@code record}).
 */
public final class EnrolmentEvents {
  private EnrolmentEvents() {}

  public record ApplicationSubmitted(
      UUID enrolmentId,
      UUID childId,
      UUID programmeId,
      String schoolId,
      String district,
      String termId,
      LocalDate startDate,
      String ruleId,
      Instant submittedAt) {}

  public record EnrolmentConfirmed(
      UUID enrolmentId,
      UUID childId,
      UUID programmeId,
      String schoolId,
      String district,
      String termId,
      LocalDate startDate) {}

  public record Withdrawn(
      UUID enrolmentId,
      UUID childId,
      UUID programmeId,
      String schoolId,
      String district,
      String termId,
      LocalDate effectiveDate,
      Instant withdrawnAt) {}

  public record CompulsionSignalled(
      UUID signalId,
      String schoolId,
      String district,
      String childId,
      String programmeId,
      String ruleId,
      String detail,
      Instant attemptedAt) {}

  static PendingEvent applicationSubmitted(Enrolment e) {
    return enrolment(
        e,
        "AsvApplicationSubmitted.v1",
        new ApplicationSubmitted(
            e.id(),
            e.childId(),
            e.programmeId(),
            e.schoolId(),
            e.district(),
            e.termId(),
            e.startDate(),
            Enrolment.VOLUNTARY,
            e.submittedAt()));
  }

  static PendingEvent enrolmentConfirmed(Enrolment e) {
    return enrolment(
        e,
        "AsvEnrolmentConfirmed.v1",
        new EnrolmentConfirmed(
            e.id(),
            e.childId(),
            e.programmeId(),
            e.schoolId(),
            e.district(),
            e.termId(),
            e.startDate()));
  }

  static PendingEvent withdrawn(Enrolment e) {
    return enrolment(
        e,
        "AsvWithdrawn.v1",
        new Withdrawn(
            e.id(),
            e.childId(),
            e.programmeId(),
            e.schoolId(),
            e.district(),
            e.termId(),
            e.withdrawalEffective(),
            e.withdrawnAt()));
  }

  private static PendingEvent enrolment(Enrolment e, String name, Object data) {
    return new PendingEvent(Enrolment.AGGREGATE_TYPE, e.id().toString(), name, e.district(), data);
  }

  static DomainEvent compulsionSignalled(CompulsionSignal s, String detail) {
    return new DomainEvent(
        CompulsionSignal.AGGREGATE_TYPE,
        s.id().toString(),
        1,
        "AsvCompulsionSignalled.v1",
        s.district(),
        new CompulsionSignalled(
            s.id(),
            s.schoolId(),
            s.district(),
            s.childId(),
            s.programmeId(),
            Enrolment.NO_COMPULSION,
            detail,
            s.attemptedAt()));
  }
}
