package cn.anshan.oversight.registry.service;

import cn.anshan.oversight.registry.domain.ApplicationStatus;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.LegalForm;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.SectorOpinion;
import cn.anshan.oversight.registry.domain.StartUpCapital;
import cn.anshan.oversight.registry.domain.StudentStage;
import cn.anshan.oversight.registry.domain.SubCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application as the API shows it; never the entity itself. */
public record ApplicationView(
    String institutionId,
    long version,
    ApplicationStatus status,
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
    Instant appliedAt,
    Instant decidedAt,
    String supervisorId,
    @Schema(description = "REG-02 / REG-08: the sector department's opinion, if it gave one")
        SectorOpinionGiven sectorOpinion) {

  /** What the sector department of the institution's sector and district said, and when. */
  public record SectorOpinionGiven(
      SectorOpinion opinion, String department, String reason, Instant recordedAt) {}

  static ApplicationView of(Institution a) {
    return new ApplicationView(
        a.institutionId(),
        a.version(),
        a.status(),
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
        a.appliedAt(),
        a.decidedAt(),
        a.supervisorId(),
        a.sectorReview() == null
            ? null
            : new SectorOpinionGiven(
                a.sectorReview().opinion(),
                a.sectorReview().department(),
                a.sectorReview().reason(),
                a.sectorReview().at()));
  }
}
