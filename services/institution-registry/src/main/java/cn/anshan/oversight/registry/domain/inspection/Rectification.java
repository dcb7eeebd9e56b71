package cn.anshan.oversight.registry.domain.inspection;

import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An order to fix one finding by a deadline; verified by the regulator, or overdue. */
@Entity
@Table(name = "rectification")
public class Rectification {

  @Id private UUID id;

  private UUID inspectionId;

  @Enumerated(EnumType.STRING)
  private ProblemType problemType;

  private String detail;
  private LocalDate deadline;

  @Enumerated(EnumType.STRING)
  private RectificationStatus status;

  private Instant verifiedAt;

  protected Rectification() {}

  public Rectification(
      UUID inspectionId, ProblemType problemType, String detail, LocalDate deadline) {
    this.id = UUID.randomUUID();
    this.inspectionId = inspectionId;
    this.problemType = problemType;
    this.detail = detail;
    this.deadline = deadline;
    this.status = RectificationStatus.ORDERED;
  }

  /** Verification also closes an overdue order: late rectification still counts as fixed. */
  public void verify(Instant now) {
    if (status == RectificationStatus.VERIFIED) {
      throw ProblemException.conflict(
          "rectification-verified", "the rectification is already verified");
    }
    status = RectificationStatus.VERIFIED;
    verifiedAt = now;
  }

  public boolean isOverdueOn(LocalDate day) {
    return status == RectificationStatus.ORDERED && day.isAfter(deadline);
  }

  public void markOverdue() {
    status = RectificationStatus.OVERDUE;
  }

  public UUID id() {
    return id;
  }

  public UUID inspectionId() {
    return inspectionId;
  }

  public ProblemType problemType() {
    return problemType;
  }

  public String detail() {
    return detail;
  }

  public LocalDate deadline() {
    return deadline;
  }

  public RectificationStatus status() {
    return status;
  }
}
