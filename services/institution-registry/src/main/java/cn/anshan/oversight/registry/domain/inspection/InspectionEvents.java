package cn.anshan.oversight.registry.domain.inspection;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.registry.domain.Institution;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Inspection events (INS-01…03): plans (aggregate {@code InspectionPlan}), inspections with their
 * rectification orders (aggregate {@code Inspection}), and risk grades (aggregate {@code
 * Institution}). The transitions build them: pending events that the inspection or institution
 * numbers where the command appends them; a plan's one event reads its version.
 */
public final class InspectionEvents {
  private InspectionEvents() {}

  public record RiskGradeAssigned(
      String institutionId, String district, RiskGrade riskGrade, RiskGrade previousRiskGrade) {}

  public record PlannedInspection(UUID inspectionId, String institutionId) {}

  public record InspectionPlanned(
      UUID planId,
      String district,
      InspectionType inspectionType,
      LocalDate scheduledFor,
      long seed,
      Map<RiskGrade, BigDecimal> sampleRates,
      List<PlannedInspection> inspections,
      List<RaisedGrade> raisedGrades) {}

  /** A candidate sampled at a riskier grade than assigned, and why (issue 18 item 3). */
  public record RaisedGrade(
      String institutionId,
      RiskGrade assigned,
      RiskGrade sampledAs,
      SamplingGrade.RaiseReason reason) {}

  public record Finding(ProblemType problemType, String detail) {}

  public record InspectionCompleted(
      UUID inspectionId,
      UUID planId,
      String institutionId,
      String district,
      List<Finding> findings,
      Instant completedAt) {}

  public record RectificationOrdered(
      UUID inspectionId,
      UUID rectificationId,
      String institutionId,
      String district,
      ProblemType problemType,
      LocalDate deadline) {}

  public record RectificationVerified(
      UUID inspectionId,
      UUID rectificationId,
      String institutionId,
      String district,
      ProblemType problemType,
      boolean late) {}

  public record RectificationOverdue(
      UUID inspectionId,
      UUID rectificationId,
      String institutionId,
      String district,
      ProblemType problemType,
      LocalDate deadline) {}

  public static PendingEvent riskGraded(Institution i, RiskGrade previous) {
    return new PendingEvent(
        Institution.AGGREGATE_TYPE,
        i.institutionId(),
        "RiskGradeAssigned.v1",
        i.district(),
        new RiskGradeAssigned(i.institutionId(), i.district(), i.riskGrade(), previous));
  }

  static DomainEvent planned(
      InspectionPlan plan,
      Map<RiskGrade, BigDecimal> rates,
      List<Inspection> inspections,
      List<RaisedGrade> raisedGrades) {
    return new DomainEvent(
        InspectionPlan.AGGREGATE_TYPE,
        plan.id().toString(),
        plan.version(),
        "InspectionPlanned.v1",
        plan.district(),
        new InspectionPlanned(
            plan.id(),
            plan.district(),
            plan.type(),
            plan.scheduledFor(),
            plan.seed(),
            rates,
            inspections.stream()
                .map(i -> new PlannedInspection(i.id(), i.institutionId()))
                .toList(),
            raisedGrades));
  }

  static PendingEvent completed(Inspection inspection, List<Finding> findings) {
    return event(
        inspection,
        "InspectionCompleted.v1",
        new InspectionCompleted(
            inspection.id(),
            inspection.planId(),
            inspection.institutionId(),
            inspection.district(),
            findings,
            inspection.completedAt()));
  }

  static PendingEvent ordered(Inspection inspection, Rectification r) {
    return event(
        inspection,
        "RectificationOrdered.v1",
        new RectificationOrdered(
            inspection.id(),
            r.id(),
            inspection.institutionId(),
            inspection.district(),
            r.problemType(),
            r.deadline()));
  }

  static PendingEvent verified(Inspection inspection, Rectification r, boolean late) {
    return event(
        inspection,
        "RectificationVerified.v1",
        new RectificationVerified(
            inspection.id(),
            r.id(),
            inspection.institutionId(),
            inspection.district(),
            r.problemType(),
            late));
  }

  static PendingEvent overdue(Inspection inspection, Rectification r) {
    return event(
        inspection,
        "RectificationOverdue.v1",
        new RectificationOverdue(
            inspection.id(),
            r.id(),
            inspection.institutionId(),
            inspection.district(),
            r.problemType(),
            r.deadline()));
  }

  private static PendingEvent event(Inspection inspection, String name, Object data) {
    return new PendingEvent(
        Inspection.AGGREGATE_TYPE, inspection.id().toString(), name, inspection.district(), data);
  }
}
