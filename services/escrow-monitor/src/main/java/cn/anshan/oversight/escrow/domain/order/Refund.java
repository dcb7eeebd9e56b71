package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A refund of an order (REL-05, REL-09, CON-06…08, §11 row 12), paid from custody by the original
 * payment route.
 */
@Entity
@Table(name = "refund")
public class Refund {
  @Id private UUID id;

  private UUID orderId;

  private String institutionId;

  private String familyId;

  @Enumerated(EnumType.STRING)
  private RefundCause cause;

  private boolean coolingOff;

  private String reason;

  @Enumerated(EnumType.STRING)
  private RefundStatus status;

  private Instant requestedAt;

  private LocalDate autoAcceptOn;

  private String acceptedHow;

  private long amountFen;

  private String route;

  private Instant paidAt;

  protected Refund() {}

  public Refund(
      UUID orderId,
      String institutionId,
      String familyId,
      RefundCause cause,
      boolean coolingOff,
      String reason,
      Instant requestedAt,
      LocalDate autoAcceptOn) {
    this.id = UUID.randomUUID();
    this.orderId = orderId;
    this.institutionId = institutionId;
    this.familyId = familyId;
    this.cause = cause;
    this.coolingOff = coolingOff;
    this.reason = reason;
    this.requestedAt = requestedAt;
    this.autoAcceptOn = autoAcceptOn;
    this.status = RefundStatus.REQUESTED;
  }

  /** REL-05: accepted by the institution, by its silence, or by right (cooling-off, REL-09). */
  public void paid(String acceptedHow, long amountFen, String route, Instant at) {
    if (status == RefundStatus.PAID) {
      throw ProblemException.conflict("refund-paid", "the refund was paid already");
    }
    this.acceptedHow = acceptedHow;
    this.amountFen = amountFen;
    this.route = route;
    this.paidAt = at;
    this.status = RefundStatus.PAID;
  }

  /** §11 row 12: only a requested refund is answered by the institution; twice is a conflict. */
  public void requireRequested() {
    if (status != RefundStatus.REQUESTED) {
      throw ProblemException.conflict("refund-answered", "the refund is " + status);
    }
  }

  /** §11 row 12: the regulator decides only a refund the institution refused. */
  public void requireEscalated() {
    if (status != RefundStatus.ESCALATED) {
      throw ProblemException.conflict("refund-not-escalated", "the refund is " + status);
    }
  }

  public void escalated() {
    requireRequested();
    status = RefundStatus.ESCALATED;
  }

  public void rejected(Instant at) {
    requireEscalated();
    status = RefundStatus.REJECTED;
    paidAt = null;
    acceptedHow = "REJECTED_BY_REGULATOR";
  }

  /** REL-05: silence through the last answer day means acceptance from the next day on. */
  public boolean autoAcceptDue(LocalDate today) {
    return status == RefundStatus.REQUESTED && autoAcceptOn != null && today.isAfter(autoAcceptOn);
  }

  public UUID id() {
    return id;
  }

  public UUID orderId() {
    return orderId;
  }

  public String institutionId() {
    return institutionId;
  }

  public String familyId() {
    return familyId;
  }

  public RefundCause cause() {
    return cause;
  }

  public boolean coolingOff() {
    return coolingOff;
  }

  public String reason() {
    return reason;
  }

  public RefundStatus status() {
    return status;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public LocalDate autoAcceptOn() {
    return autoAcceptOn;
  }

  public String acceptedHow() {
    return acceptedHow;
  }

  public long amountFen() {
    return amountFen;
  }

  public String route() {
    return route;
  }

  public Instant paidAt() {
    return paidAt;
  }
}
