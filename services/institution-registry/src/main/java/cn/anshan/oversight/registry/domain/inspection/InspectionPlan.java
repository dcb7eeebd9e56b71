package cn.anshan.oversight.registry.domain.inspection;

import cn.anshan.oversight.kit.events.DomainEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A district's inspection round: which institutions, when, and the seed of the random draw. */
@Entity
@Table(name = "inspection_plan")
public class InspectionPlan {
  public static final String AGGREGATE_TYPE = "InspectionPlan";

  @Id private UUID id;
  private long version;
  private String district;

  @Enumerated(EnumType.STRING)
  private InspectionType type;

  private LocalDate scheduledFor;

  private long seed;

  private String plannedBy;

  private Instant plannedAt;

  protected InspectionPlan() {}

  public InspectionPlan(
      String district,
      InspectionType type,
      LocalDate scheduledFor,
      long seed,
      String regulator,
      Instant now) {
    this.id = UUID.randomUUID();
    this.version = 1;
    this.district = district;
    this.type = type;
    this.scheduledFor = scheduledFor;
    this.seed = seed;
    this.plannedBy = regulator;
    this.plannedAt = now;
  }

  /**
   * INS-01 / INS-03: what the draw chose under {@code rates} ({@code inspections}) and the grades
   * raised for it ({@code raisedGrades}); the plan's InspectionPlanned event (version 1).
   */
  public DomainEvent planned(
      Map<RiskGrade, BigDecimal> rates,
      List<Inspection> inspections,
      List<InspectionEvents.RaisedGrade> raisedGrades) {
    return InspectionEvents.planned(this, rates, inspections, raisedGrades);
  }

  public UUID id() {
    return id;
  }

  public long version() {
    return version;
  }

  public String district() {
    return district;
  }

  public InspectionType type() {
    return type;
  }

  public LocalDate scheduledFor() {
    return scheduledFor;
  }

  public long seed() {
    return seed;
  }
}
