package cn.anshan.oversight.registry.domain;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.problem.RuleViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Payloads of the events on {@code oversight.registry.events}; their schemas live in {@code
 * contracts/events/registry/}. Ids only, no personal data.
 */
public final class RegistryEvents {
  private RegistryEvents() {}

  public record InstitutionApplied(
      String institutionId,
      String name,
      Category category,
      SubCategory subCategory,
      Mode mode,
      String district,
      LegalForm legalForm,
      Set<StudentStage> studentStages,
      BigDecimal premisesAreaSqm,
      int maxStudentsPerSlot,
      StartUpCapital startUpCapital,
      Instant appliedAt) {}

  public record ExistingInstitutionRegistered(
      String institutionId,
      String name,
      Category category,
      SubCategory subCategory,
      Mode mode,
      String district,
      LegalForm legalForm,
      Set<StudentStage> studentStages,
      BigDecimal premisesAreaSqm,
      int maxStudentsPerSlot,
      String supervisorId,
      Instant registeredAt) {}

  public record ApplicationApproved(
      String institutionId, String district, String supervisorId, Instant approvedAt) {}

  public record Reason(String ruleId, String detail) {}

  public record ApplicationRejected(
      String institutionId, String district, List<Reason> reasons, Instant rejectedAt) {}

  /** REG-02 / REG-08: the sector department's opinion (the envelope's actor is the department). */
  public record SectorOpinionRecorded(
      String institutionId,
      String district,
      String sector,
      SectorOpinion opinion,
      String reason,
      Instant recordedAt) {}

  static DomainEvent sectorOpinion(Institution a) {
    return event(
        a,
        "SectorOpinionRecorded.v1",
        new SectorOpinionRecorded(
            a.institutionId(),
            a.district(),
            a.sector(),
            a.sectorReview().opinion(),
            a.sectorReview().reason(),
            a.sectorReview().at()));
  }

  static DomainEvent applied(Institution a) {
    return event(
        a,
        "InstitutionApplied.v1",
        new InstitutionApplied(
            a.institutionId(),
            a.name(),
            a.category(),
            a.subCategory(),
            a.mode(),
            a.district(),
            a.form().legalForm(),
            a.form().studentStages(),
            a.form().premisesAreaSqm(),
            a.form().maxStudentsPerSlot(),
            a.form().startUpCapital(),
            a.appliedAt()));
  }

  static DomainEvent registeredExisting(Institution a) {
    return event(
        a,
        "ExistingInstitutionRegistered.v1",
        new ExistingInstitutionRegistered(
            a.institutionId(),
            a.name(),
            a.category(),
            a.subCategory(),
            a.mode(),
            a.district(),
            a.form().legalForm(),
            a.form().studentStages(),
            a.form().premisesAreaSqm(),
            a.form().maxStudentsPerSlot(),
            a.supervisorId(),
            a.decidedAt()));
  }

  public record ApplicationDecisionOverdue(
      String institutionId,
      String district,
      Instant appliedAt,
      LocalDate decisionDueBy,
      int decisionWorkingDays) {}

  static DomainEvent decisionOverdue(
      Institution a, LocalDate decisionDueBy, int decisionWorkingDays) {
    return event(
        a,
        "ApplicationDecisionOverdue.v1",
        new ApplicationDecisionOverdue(
            a.institutionId(), a.district(), a.appliedAt(), decisionDueBy, decisionWorkingDays));
  }

  static DomainEvent approved(Institution a) {
    return event(
        a,
        "ApplicationApproved.v1",
        new ApplicationApproved(a.institutionId(), a.district(), a.supervisorId(), a.decidedAt()));
  }

  static DomainEvent rejected(Institution a, List<RuleViolation> reasons) {
    return event(
        a,
        "ApplicationRejected.v1",
        new ApplicationRejected(
            a.institutionId(),
            a.district(),
            reasons.stream().map(r -> new Reason(r.rule(), r.detail())).toList(),
            a.decidedAt()));
  }

  private static DomainEvent event(Institution a, String name, Object data) {
    return new DomainEvent(
        Institution.AGGREGATE_TYPE, a.institutionId(), a.version(), name, a.district(), data);
  }
}
