package cn.anshan.oversight.enrolment.domain.provider;

import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An outside provider's admission to a programme (ASV-06): admitted, evaluated, exited, its
 * evaluation overdue. The admission's transitions build theirs here and return them; the aggregate
 * numbers each where the command appends it (its {@code record}).
 */
public final class ProviderEvents {
  private ProviderEvents() {}

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

  static PendingEvent providerAdmitted(ProviderAdmission a) {
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

  static PendingEvent providerEvaluated(ProviderAdmission a, int passMark, boolean passed) {
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

  static PendingEvent providerExited(ProviderAdmission a, String causedByEventId) {
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

  static PendingEvent evaluationOverdue(ProviderAdmission a) {
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

  private static PendingEvent admission(ProviderAdmission a, String name, Object data) {
    return new PendingEvent(
        ProviderAdmission.AGGREGATE_TYPE, a.id().toString(), name, a.district(), data);
  }
}
