package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.escrow.domain.entitlement.HeldSession;
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
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One lesson the institution asks to consume (一课一消, REL-01…04, §11 row 11). The parent confirms or
 * disputes; silence confirms after the configured working days (REL-02); a dispute blocks the
 * release.
 */
@Entity
@Table(name = "consumption")
public class Consumption {
  @Id private UUID id;

  private UUID orderId;

  private String institutionId;

  private String familyId;

  private int lessonNo;

  private LocalDate heldOn;

  /** REL-04: the held session this lesson is for (null for lessons asked for before V5). */
  private UUID sessionId;

  private LocalDateTime sessionStart;

  private LocalDateTime sessionEnd;

  private String courseName;

  @Enumerated(EnumType.STRING)
  private ConsumptionStatus status;

  private Instant requestedAt;

  private LocalDate autoConfirmOn;

  private Instant resolvedAt;

  private long releasedFen;

  private String disputeReason;

  protected Consumption() {}

  Consumption(
      UUID orderId,
      String institutionId,
      String familyId,
      int lessonNo,
      HeldSession session,
      String courseName,
      Instant requestedAt,
      LocalDate autoConfirmOn) {
    this.id = UUID.randomUUID();
    this.orderId = orderId;
    this.institutionId = institutionId;
    this.familyId = familyId;
    this.lessonNo = lessonNo;
    this.heldOn = session.localStart().toLocalDate();
    this.sessionId = session.sessionId();
    this.sessionStart = session.localStart();
    this.sessionEnd = session.localEnd();
    this.courseName = courseName;
    this.requestedAt = requestedAt;
    this.autoConfirmOn = autoConfirmOn;
    this.status = ConsumptionStatus.REQUESTED;
  }

  /**
   * REL-02 / REL-04: the institution asks on {@code today} to consume the order's next paid lesson
   * for {@code session} (the caller checked the evidence: {@link LessonEvidence}); the parent
   * answers within {@code parentAnswer}, holidays skipped (REL-03). The lesson with its
   * ConsumptionRequested event.
   */
  public static OrderChange<Consumption> requested(
      Order order, HeldSession session, Instant now, LocalDate today, AnswerPeriod parentAnswer) {
    int lessonNo = order.consumptionRequested(now);
    Consumption lesson =
        new Consumption(
            order.id(),
            order.institutionId(),
            order.familyId(),
            lessonNo,
            session,
            order.contract().courseName(),
            now,
            parentAnswer.lastDayFrom(today));
    return OrderChange.of(lesson, ConsumptionEvents.consumptionRequested(order, lesson));
  }

  /**
   * REL-02: {@code amountFen} of the lesson's reservation was paid to the institution (journal
   * entry {@code entryId}) once it was confirmed {@code how} ({@code answerDays}: the parent's
   * working days, for a silent confirmation). The answer's event, then FundsReleased with the
   * order's new totals.
   */
  public List<PendingEvent> released(
      Order order, Confirmation how, long amountFen, UUID entryId, int answerDays, Instant at) {
    PendingEvent answered =
        switch (how) {
          case PARENT -> {
            confirmed(false, amountFen, at);
            yield ConsumptionEvents.consumptionConfirmed(order, this);
          }
          case AUTO -> {
            confirmed(true, amountFen, at);
            yield ConsumptionEvents.consumptionAutoConfirmed(order, this, answerDays);
          }
          case REGULATOR -> {
            disputeResolved(true, amountFen, at);
            yield ConsumptionEvents.disputeResolved(order, this, true);
          }
        };
    order.released(amountFen, at);
    return List.of(
        answered, ConsumptionEvents.fundsReleased(order, this, amountFen, how.name(), entryId));
  }

  /** REL-07: the parent disputes; the reservation stays blocked until the regulator decides. */
  public PendingEvent dispute(Order order, String reason, Instant at) {
    disputed(reason, at);
    return ConsumptionEvents.consumptionDisputed(order, this);
  }

  void disputed(String reason, Instant at) {
    requireRequested();
    this.status = ConsumptionStatus.DISPUTED;
    this.disputeReason = reason;
    this.resolvedAt = at;
  }

  /**
   * REL-07: the regulator resolves the dispute by returning the lesson's reservation to the
   * family's balance in custody (RETURN).
   */
  public PendingEvent returned(Order order, Instant at) {
    disputeResolved(false, 0, at);
    return ConsumptionEvents.disputeResolved(order, this, false);
  }

  /** REL-07: only a disputed lesson of an order not refunded is resolved by the regulator. */
  public void requireResolvable(Order order) {
    requireDisputed();
    if (order.status() == OrderStatus.REFUNDED) {
      throw ProblemException.conflict("order-refunded", "the order was refunded");
    }
  }

  /** REL-02: confirmed by the parent, or by silence when {@code auto}. */
  private void confirmed(boolean auto, long releasedFen, Instant at) {
    requireRequested();
    this.status = auto ? ConsumptionStatus.AUTO_CONFIRMED : ConsumptionStatus.CONFIRMED;
    this.releasedFen = releasedFen;
    this.resolvedAt = at;
  }

  /** REL-07: released to the institution (CONFIRMED) or returned to the family (RETURNED). */
  private void disputeResolved(boolean release, long releasedFen, Instant at) {
    requireDisputed();
    this.status = release ? ConsumptionStatus.CONFIRMED : ConsumptionStatus.RETURNED;
    this.releasedFen = releasedFen;
    this.resolvedAt = at;
  }

  /** A refund returned the lesson before it was confirmed. */
  public void cancelled(Instant at) {
    if (status == ConsumptionStatus.REQUESTED || status == ConsumptionStatus.DISPUTED) {
      status = ConsumptionStatus.CANCELLED;
      resolvedAt = at;
    }
  }

  /** REL-02: silence until the end of the auto-confirm day; confirmed from the next day on. */
  boolean autoConfirmDue(LocalDate today) {
    return status == ConsumptionStatus.REQUESTED && today.isAfter(autoConfirmOn);
  }

  /** REL-02: due for a silent confirmation, unless a refund of the order came first. */
  public boolean autoConfirmDue(LocalDate today, Order order) {
    return autoConfirmDue(today) && order.status() != OrderStatus.REFUNDED;
  }

  /**
   * REL-02 / REL-07: only a requested lesson is answered; answering twice is a conflict. Callers
   * ask before they move money, so the refusal comes first.
   */
  public void requireRequested() {
    if (status != ConsumptionStatus.REQUESTED) {
      throw ProblemException.conflict(
          "consumption-answered", "the consumption is already " + status);
    }
  }

  /** REL-07: only a disputed lesson is resolved. */
  private void requireDisputed() {
    if (status != ConsumptionStatus.DISPUTED) {
      throw ProblemException.conflict("consumption-not-disputed", "the consumption is " + status);
    }
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

  public int lessonNo() {
    return lessonNo;
  }

  public UUID sessionId() {
    return sessionId;
  }

  public LocalDateTime sessionStart() {
    return sessionStart;
  }

  public LocalDateTime sessionEnd() {
    return sessionEnd;
  }

  public String courseName() {
    return courseName;
  }

  public LocalDate heldOn() {
    return heldOn;
  }

  public ConsumptionStatus status() {
    return status;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public LocalDate autoConfirmOn() {
    return autoConfirmOn;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  public long releasedFen() {
    return releasedFen;
  }

  public String disputeReason() {
    return disputeReason;
  }
}
