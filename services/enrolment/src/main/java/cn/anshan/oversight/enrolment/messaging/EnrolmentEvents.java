package cn.anshan.oversight.enrolment.messaging;

import cn.anshan.oversight.enrolment.domain.charge.Charge;
import cn.anshan.oversight.enrolment.domain.charge.RefundGranularity;
import cn.anshan.oversight.enrolment.domain.charge.RefundReason;
import cn.anshan.oversight.enrolment.domain.enrolment.CompulsionSignal;
import cn.anshan.oversight.enrolment.domain.enrolment.Enrolment;
import cn.anshan.oversight.enrolment.domain.family.Child;
import cn.anshan.oversight.enrolment.domain.family.Exemption;
import cn.anshan.oversight.enrolment.domain.programme.Activity;
import cn.anshan.oversight.enrolment.domain.programme.ContentAgreement;
import cn.anshan.oversight.enrolment.domain.programme.Programme;
import cn.anshan.oversight.enrolment.domain.provider.ExitReason;
import cn.anshan.oversight.enrolment.domain.provider.ProviderAdmission;
import cn.anshan.oversight.kit.events.DomainEvent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Every event of the enrolment context (§11 rows 16-18, 20, 21). Payloads carry ids, never names or
 * ID numbers; money in fen. Each factory counts its event on the aggregate, so call it once per
 * event actually appended.
 */
public final class EnrolmentEvents {
  private EnrolmentEvents() {}

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

  public record ProgrammeData(
      UUID programmeId,
      String schoolId,
      String district,
      String programmeType,
      String termId,
      LocalDate termStart,
      LocalDate termEnd,
      List<DayOfWeek> days,
      LocalTime dailyStart,
      LocalTime dailyEnd,
      List<Integer> grades,
      List<Activity> activities,
      String billing,
      Instant publishedAt,
      Instant changedAt) {}

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

  public record ProviderAdmitted(
      UUID admissionId,
      UUID programmeId,
      String institutionId,
      String schoolId,
      String district,
      UUID courseId,
      long feeFenPerLesson,
      List<String> services,
      Instant admittedAt) {}

  public record ProviderEvaluated(
      UUID admissionId,
      UUID programmeId,
      String institutionId,
      String schoolId,
      String district,
      String period,
      int score,
      int passMark,
      boolean passed) {}

  public record ProviderExited(
      UUID admissionId,
      UUID programmeId,
      String institutionId,
      String schoolId,
      String district,
      ExitReason reason,
      String ruleId,
      String causedByEventId,
      Instant exitedAt) {}

  public record EvaluationOverdue(
      UUID admissionId,
      UUID programmeId,
      String institutionId,
      String schoolId,
      String district,
      LocalDate dueOn,
      String lastPeriod,
      String ruleId) {}

  public record ChargeIssued(
      UUID chargeId,
      UUID enrolmentId,
      UUID childId,
      UUID programmeId,
      String schoolId,
      String district,
      String termId,
      LocalDate periodStart,
      LocalDate periodEnd,
      long feeFenPerMonth,
      int feeRevision,
      String feeProposalId,
      long amountFen,
      boolean exempt,
      Instant issuedAt) {}

  public record RefundIssued(
      UUID chargeId,
      UUID enrolmentId,
      UUID childId,
      UUID programmeId,
      String schoolId,
      String district,
      String termId,
      long amountFen,
      long refundFen,
      long refundedTotalFen,
      LocalDate effectiveDate,
      RefundGranularity granularity,
      Instant refundedAt,
      RefundReason reason,
      UUID exemptionId) {}

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

  /** One representative (the envelope's actor) agreed to the programme's content (LN-ASV-01). */
  public record ProgrammeContentEndorsed(
      UUID programmeId,
      String schoolId,
      String district,
      String termId,
      int endorsements,
      int needed,
      boolean agreed,
      Instant agreedAt,
      Instant endorsedAt) {}

  public static DomainEvent contentEndorsed(
      Programme p, ContentAgreement agreement, Instant endorsedAt) {
    return new DomainEvent(
        Programme.AGGREGATE_TYPE,
        p.id().toString(),
        p.recordEvent(),
        "ProgrammeContentEndorsed.v1",
        p.district(),
        new ProgrammeContentEndorsed(
            p.id(),
            p.schoolId(),
            p.district(),
            p.termId(),
            agreement.endorsements(),
            agreement.needed(),
            p.contentAgreedAt() != null,
            p.contentAgreedAt(),
            endorsedAt));
  }

  public static DomainEvent programmePublished(Programme p) {
    return programme(p, "AsvProgrammePublished.v1");
  }

  public static DomainEvent programmeChanged(Programme p) {
    return programme(p, "AsvProgrammeChanged.v1");
  }

  private static DomainEvent programme(Programme p, String name) {
    return new DomainEvent(
        Programme.AGGREGATE_TYPE,
        p.id().toString(),
        p.recordEvent(),
        name,
        p.district(),
        new ProgrammeData(
            p.id(),
            p.schoolId(),
            p.district(),
            p.type().name(),
            p.termId(),
            p.termStart(),
            p.termEnd(),
            p.days().stream().sorted().toList(),
            p.dailyStart(),
            p.dailyEnd(),
            p.grades(),
            p.activities(),
            p.billing().name(),
            p.publishedAt(),
            p.changedAt()));
  }

  public static DomainEvent applicationSubmitted(Enrolment e) {
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

  public static DomainEvent enrolmentConfirmed(Enrolment e) {
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

  public static DomainEvent withdrawn(Enrolment e) {
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

  private static DomainEvent enrolment(Enrolment e, String name, Object data) {
    return new DomainEvent(
        Enrolment.AGGREGATE_TYPE, e.id().toString(), e.recordEvent(), name, e.district(), data);
  }

  public static DomainEvent compulsionSignalled(CompulsionSignal s, String detail) {
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

  public static DomainEvent providerAdmitted(ProviderAdmission a) {
    return admission(
        a,
        "ProviderAdmitted.v1",
        new ProviderAdmitted(
            a.id(),
            a.programmeId(),
            a.institutionId(),
            a.schoolId(),
            a.district(),
            a.courseId(),
            a.feeFenPerLesson(),
            Arrays.asList(a.services().split("\n")),
            a.admittedAt()));
  }

  public static DomainEvent providerEvaluated(ProviderAdmission a, int passMark, boolean passed) {
    return admission(
        a,
        "ProviderEvaluated.v1",
        new ProviderEvaluated(
            a.id(),
            a.programmeId(),
            a.institutionId(),
            a.schoolId(),
            a.district(),
            a.lastPeriod(),
            a.lastScore(),
            passMark,
            passed));
  }

  public static DomainEvent providerExited(ProviderAdmission a, String causedByEventId) {
    return admission(
        a,
        "ProviderExited.v1",
        new ProviderExited(
            a.id(),
            a.programmeId(),
            a.institutionId(),
            a.schoolId(),
            a.district(),
            a.exitReason(),
            "ASV-06",
            causedByEventId,
            a.exitedAt()));
  }

  public static DomainEvent evaluationOverdue(ProviderAdmission a) {
    return admission(
        a,
        "ProviderEvaluationOverdue.v1",
        new EvaluationOverdue(
            a.id(),
            a.programmeId(),
            a.institutionId(),
            a.schoolId(),
            a.district(),
            a.evaluationDueOn(),
            a.lastPeriod(),
            "ASV-06"));
  }

  private static DomainEvent admission(ProviderAdmission a, String name, Object data) {
    return new DomainEvent(
        ProviderAdmission.AGGREGATE_TYPE,
        a.id().toString(),
        a.recordEvent(),
        name,
        a.district(),
        data);
  }

  public static DomainEvent chargeIssued(Charge c) {
    return new DomainEvent(
        Charge.AGGREGATE_TYPE,
        c.id().toString(),
        c.recordEvent(),
        "AsvChargeIssued.v2",
        c.district(),
        new ChargeIssued(
            c.id(),
            c.enrolmentId(),
            c.childId(),
            c.programmeId(),
            c.schoolId(),
            c.district(),
            c.termId(),
            c.periodStart(),
            c.periodEnd(),
            c.feeFenPerMonth(),
            c.feeRevision(),
            c.feeProposalId(),
            c.amountFen(),
            c.exemptCategory() != null,
            c.issuedAt()));
  }

  /** §8.3: the unused part of a charge after a withdrawal effective on {@code effectiveDate}. */
  public static DomainEvent refundIssued(
      Charge c, long refundFen, LocalDate effectiveDate, RefundGranularity granularity) {
    return refundIssued(c, refundFen, effectiveDate, granularity, RefundReason.WITHDRAWAL, null);
  }

  /** LN-ASV-06: what was charged in the term of a granted exemption, from its decision date. */
  public static DomainEvent exemptionRefundIssued(
      Charge c,
      long refundFen,
      LocalDate decidedOn,
      RefundGranularity granularity,
      UUID exemptionId) {
    return refundIssued(c, refundFen, decidedOn, granularity, RefundReason.EXEMPTION, exemptionId);
  }

  private static DomainEvent refundIssued(
      Charge c,
      long refundFen,
      LocalDate effectiveDate,
      RefundGranularity granularity,
      RefundReason reason,
      UUID exemptionId) {
    return new DomainEvent(
        Charge.AGGREGATE_TYPE,
        c.id().toString(),
        c.recordEvent(),
        "AsvRefundIssued.v1",
        c.district(),
        new RefundIssued(
            c.id(),
            c.enrolmentId(),
            c.childId(),
            c.programmeId(),
            c.schoolId(),
            c.district(),
            c.termId(),
            c.amountFen(),
            refundFen,
            c.refundedFen(),
            effectiveDate,
            granularity,
            c.refundedAt(),
            reason,
            exemptionId));
  }
}
