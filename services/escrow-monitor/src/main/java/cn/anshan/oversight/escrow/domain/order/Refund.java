package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.AnswerPeriod;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A refund of an order (REL-05, REL-09, CON-06…08, §11 row 12), paid from custody by the original
 * payment route. Its transitions change the order with it and return the events the order numbers.
 */
@Entity
@Table(name = "refund")
public class Refund {
  /** CON-06: inside the cooling-off window the refund is due by right and paid at once. */
  public static final String COOLING_OFF_RULE = "CON-06";

  /** CON-07: otherwise the family gets the unconsumed value. */
  public static final String UNCONSUMED_RULE = "CON-07";

  /** REL-09 / CON-08: an institution that lost its standing refunds every open order in full. */
  public static final String INSTITUTION_EXIT_RULE = "REL-09";

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

  Refund(
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

  /**
   * CON-06 / CON-07 / §11 row 12: the parent asks for a refund of their paid order; refused while a
   * refund of it is with the regulator ({@code earlier}: the order's refunds so far) or unless the
   * order is paid without an open refund. Inside the cooling-off window (CON-06) the refund is due
   * by right ({@link #coolingOff()}: the caller accepts and pays it at once); otherwise the
   * institution answers by the last day of {@code answer} counted from {@code today}. The refund
   * with its RefundRequested event.
   */
  public static OrderChange<Refund> requestedByParent(
      Order order,
      List<Refund> earlier,
      String reason,
      Instant now,
      LocalDate today,
      AnswerPeriod answer,
      ZoneId zone) {
    if (earlier.stream().anyMatch(r -> r.status == RefundStatus.ESCALATED)) {
      throw ProblemException.conflict(
          "refund-escalated", "a refund of this order is with the regulator");
    }
    order.requireRefundable();
    CoolingOff window = order.coolingOff(zone);
    boolean coolingOff = window.covers(now);
    LocalDate autoAcceptOn = coolingOff ? null : answer.lastDayFrom(today);
    Refund refund =
        new Refund(
            order.id(),
            order.institutionId(),
            order.familyId(),
            RefundCause.PARENT,
            coolingOff,
            reason,
            now,
            autoAcceptOn);
    long unconsumed = order.unconsumedFen();
    order.refundRequested(now);
    return OrderChange.of(refund, RefundEvents.refundRequested(order, refund, window, unconsumed));
  }

  /**
   * REL-09: the order's open refund (requested, or with the regulator), if any: the one an exit
   * refund pays. A refund the regulator rejected is closed; the exit refund opens its own.
   */
  public static Optional<Refund> openOf(List<Refund> refunds) {
    return refunds.stream()
        .filter(r -> r.status == RefundStatus.REQUESTED || r.status == RefundStatus.ESCALATED)
        .findFirst();
  }

  /**
   * REL-09 / CON-08: a refund nobody asked for, accepted on behalf of an institution that lost its
   * standing; the refund with its RefundRequested and RefundAccepted events.
   */
  public static OrderChange<Refund> openedForExit(Order order, Instant now, ZoneId zone) {
    Refund refund =
        new Refund(
            order.id(),
            order.institutionId(),
            order.familyId(),
            RefundCause.INSTITUTION,
            false,
            null,
            now,
            null);
    return OrderChange.of(
        refund,
        RefundEvents.refundRequested(order, refund, order.coolingOff(zone), order.unconsumedFen()),
        RefundEvents.refundAccepted(order, refund, Acceptance.INSTITUTION_LOST_STANDING, now));
  }

  /**
   * REL-05 / CON-06: accepted by the institution or by right; only a requested refund is. The
   * caller pays it ({@link #paid}).
   */
  public PendingEvent accept(Order order, Acceptance acceptedBy, Instant at) {
    requireRequested();
    return RefundEvents.refundAccepted(order, this, acceptedBy, at);
  }

  /** §11 row 12: the institution refuses within its window; the dispute goes to the regulator. */
  public PendingEvent refuse(Order order, Instant at) {
    escalated();
    order.refundEscalated();
    return RefundEvents.refundEscalated(order, this, at);
  }

  /**
   * §11 row 12: the regulator decides a refund the institution refused, on an order still
   * refundable: REFUND accepts it (the caller pays it), REJECT closes the request. The
   * RefundDisputeDecided event, then RefundAccepted for a refund.
   */
  public List<PendingEvent> decide(Order order, boolean refund, Instant at) {
    requireEscalated();
    if (!order.refundable()) {
      throw ProblemException.conflict("order-not-refundable", "the order is " + order.status());
    }
    PendingEvent decided = RefundEvents.refundDecided(order, this, refund, at);
    if (!refund) {
      rejected();
      return List.of(decided);
    }
    return List.of(decided, RefundEvents.refundAccepted(order, this, Acceptance.REGULATOR, at));
  }

  /**
   * REL-05: the institution's silence through its last answer day accepts the refund; empty if it
   * is no longer due. The caller pays it.
   */
  public Optional<PendingEvent> autoAccept(
      Order order, LocalDate today, AnswerPeriod answer, Instant at) {
    if (!autoAcceptDue(today)) {
      return Optional.empty();
    }
    return Optional.of(RefundEvents.refundAutoAccepted(order, this, answer.workingDays(), at));
  }

  /**
   * REL-05: paid, as {@code acceptedBy} accepted it, by the original route: {@code amountFen} left
   * custody for the family and {@code lessonsReturned} reservations went back with it; the order is
   * refunded. The RefundPaid event under {@code ruleId}.
   */
  public PendingEvent paid(
      Order order,
      Acceptance acceptedBy,
      long amountFen,
      int lessonsReturned,
      String ruleId,
      Instant at) {
    if (status == RefundStatus.PAID) {
      throw ProblemException.conflict("refund-paid", "the refund was paid already");
    }
    if (status == RefundStatus.REJECTED) {
      throw ProblemException.conflict("refund-rejected", "the regulator rejected the refund");
    }
    this.acceptedHow = acceptedBy.name();
    this.amountFen = amountFen;
    this.route = "ORIGINAL";
    this.paidAt = at;
    this.status = RefundStatus.PAID;
    order.refunded(amountFen, at);
    return RefundEvents.refundPaid(order, this, ruleId, lessonsReturned);
  }

  /** §11 row 12: only a requested refund is answered by the institution; twice is a conflict. */
  private void requireRequested() {
    if (status != RefundStatus.REQUESTED) {
      throw ProblemException.conflict("refund-answered", "the refund is " + status);
    }
  }

  /** §11 row 12: the regulator decides only a refund the institution refused. */
  private void requireEscalated() {
    if (status != RefundStatus.ESCALATED) {
      throw ProblemException.conflict("refund-not-escalated", "the refund is " + status);
    }
  }

  void escalated() {
    requireRequested();
    status = RefundStatus.ESCALATED;
  }

  private void rejected() {
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
