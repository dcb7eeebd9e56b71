package cn.anshan.oversight.registry.service.inspection;

import cn.anshan.oversight.registry.domain.inspection.Inspection;
import cn.anshan.oversight.registry.domain.inspection.InspectionEvents.RaisedGrade;
import cn.anshan.oversight.registry.domain.inspection.InspectionStatus;
import cn.anshan.oversight.registry.domain.inspection.InspectionType;
import cn.anshan.oversight.registry.domain.inspection.ProblemType;
import cn.anshan.oversight.registry.domain.inspection.Rectification;
import cn.anshan.oversight.registry.domain.inspection.RectificationStatus;
import cn.anshan.oversight.registry.domain.inspection.RiskGrade;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the inspection API returns; never the entities. */
public final class InspectionViews {
  private InspectionViews() {}

  public record RiskGradeView(String institutionId, long version, RiskGrade riskGrade) {}

  public record PlannedInspection(UUID inspectionId, String institutionId) {}

  public record PlanView(
      UUID planId,
      String district,
      InspectionType type,
      LocalDate scheduledFor,
      long seed,
      List<PlannedInspection> inspections,
      List<RaisedGrade> raisedGrades) {}

  public record RectificationView(
      UUID rectificationId,
      ProblemType problemType,
      String detail,
      LocalDate deadline,
      RectificationStatus status) {
    static RectificationView of(Rectification r) {
      return new RectificationView(r.id(), r.problemType(), r.detail(), r.deadline(), r.status());
    }
  }

  public record InspectionView(
      UUID inspectionId,
      long version,
      UUID planId,
      String institutionId,
      String district,
      InspectionStatus status,
      Instant completedAt,
      List<RectificationView> rectifications) {
    static InspectionView of(Inspection i, List<Rectification> rectifications) {
      return new InspectionView(
          i.id(),
          i.version(),
          i.planId(),
          i.institutionId(),
          i.district(),
          i.status(),
          i.completedAt(),
          rectifications.stream().map(RectificationView::of).toList());
    }
  }

  /** A finding as reported; {@code rectificationWorkingDays} null means nothing to rectify. */
  public record ReportedFinding(
      ProblemType problemType, String detail, Integer rectificationWorkingDays) {}
}
