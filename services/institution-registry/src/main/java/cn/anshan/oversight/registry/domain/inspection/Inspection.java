package cn.anshan.oversight.registry.domain.inspection;

import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One institution's inspection within a plan; its rectification orders and their verification are
 * events of this aggregate.
 */
@Entity
@Table(name = "inspection")
public class Inspection implements Aggregate {
  public static final String AGGREGATE_TYPE = "Inspection";

  @Id private UUID id;
  private long version;

  private UUID planId;

  private String institutionId;

  private String district;

  @Enumerated(EnumType.STRING)
  private InspectionStatus status;

  private Instant completedAt;

  private String completedBy;

  protected Inspection() {}

  public Inspection(UUID planId, String institutionId, String district) {
    this.id = UUID.randomUUID();
    this.planId = planId;
    this.institutionId = institutionId;
    this.district = district;
    this.status = InspectionStatus.SCHEDULED;
  }

  /** The regulator records the inspection's findings, once; its InspectionCompleted event. */
  public PendingEvent complete(
      String regulator, Instant now, List<InspectionEvents.Finding> findings) {
    if (status != InspectionStatus.SCHEDULED) {
      throw ProblemException.conflict(
          "inspection-completed", "inspection " + id + " is already completed");
    }
    status = InspectionStatus.COMPLETED;
    completedBy = regulator;
    completedAt = now;
    return InspectionEvents.completed(this, findings);
  }

  /** A finding with a deadline became rectification {@code order}: RectificationOrdered. */
  public PendingEvent ordered(Rectification order) {
    return InspectionEvents.ordered(this, order);
  }

  /**
   * The regulator verifies {@code order} rectified on {@code today}, late if after its deadline;
   * RectificationVerified.
   */
  public PendingEvent verify(Rectification order, LocalDate today, Instant now) {
    boolean late = today.isAfter(order.deadline());
    order.verify(now);
    return InspectionEvents.verified(this, order, late);
  }

  /** The watch found {@code order} past its deadline: RectificationOverdue, once. */
  public PendingEvent overdue(Rectification order) {
    order.markOverdue();
    return InspectionEvents.overdue(this, order);
  }

  /** Gives an event about this aggregate its next version, where the command appends it. */
  @Override
  public DomainEvent record(PendingEvent event) {
    return event.numbered(AGGREGATE_TYPE, id.toString(), ++version);
  }

  public UUID id() {
    return id;
  }

  public long version() {
    return version;
  }

  public UUID planId() {
    return planId;
  }

  public String institutionId() {
    return institutionId;
  }

  public String district() {
    return district;
  }

  public InspectionStatus status() {
    return status;
  }

  public Instant completedAt() {
    return completedAt;
  }
}
