package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.escrow.domain.contract.Instalments;
import cn.anshan.oversight.escrow.domain.contract.SignedContract;
import cn.anshan.oversight.escrow.domain.entitlement.Category;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionMode;
import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A parent's prepaid order for a filed course (§11 rows 8 and 10) with the model contract recorded
 * (CON-01…09). Its money lives in the ledger; the order keeps the counters the rules need.
 */
@Entity
@Table(name = "prepay_order")
public class Order implements Aggregate {
  public static final String AGGREGATE_TYPE = "Order";

  @Id private UUID id;
  private long version;

  private String institutionId;

  private String district;

  private UUID courseId;

  @Enumerated(EnumType.STRING)
  private Category category;

  /** The parent's {@code sub}: a family is represented by its guardian. */
  private String familyId;

  /** PLT-08: the child the service is for, by enrolment's reference (never a name or ID number). */
  private UUID childId;

  /** Class hours bought; one lesson is one class hour. */
  private int lessons;

  private long unitPriceFen;

  private long amountFen;

  private LocalDate periodStart;

  private LocalDate periodEnd;

  private Instant placedAt;

  @Enumerated(EnumType.STRING)
  private OrderStatus status;

  @Enumerated(EnumType.STRING)
  private SupervisionMode supervisionMode;

  @Embedded private SignedContract contract;

  /** Null until the first instalment is paid. */
  @Embedded private FirstPayment firstPayment;

  @Embedded private OrderTally tally = OrderTally.NONE;

  private Instant lastActivityAt;

  protected Order() {}

  public Order(
      String institutionId,
      String district,
      UUID courseId,
      Category category,
      String familyId,
      UUID childId,
      int lessons,
      long unitPriceFen,
      LocalDate periodStart,
      LocalDate periodEnd,
      SupervisionMode supervisionMode,
      SignedContract contract,
      Instant now) {
    this.id = UUID.randomUUID();
    this.institutionId = institutionId;
    this.district = district;
    this.courseId = courseId;
    this.category = category;
    this.familyId = familyId;
    this.childId = childId;
    this.lessons = lessons;
    this.unitPriceFen = unitPriceFen;
    this.amountFen = unitPriceFen * lessons;
    this.periodStart = periodStart;
    this.periodEnd = periodEnd;
    this.supervisionMode = supervisionMode;
    this.contract = contract;
    this.placedAt = now;
    this.lastActivityAt = now;
    this.status = OrderStatus.PLACED;
  }

  /** The next instalment the custody bank may report (CON-05); a lump sum is instalment 1 of 1. */
  public record Instalment(int number, int of, int firstLesson, int lessons, long amountFen) {}

  /** Whether a payment is due: placed, or paid in part and still going on. */
  public boolean awaitsPayment() {
    return status == OrderStatus.PLACED
        || (status == OrderStatus.PAID && tally.lessonsPaid() < lessons);
  }

  public Instalment nextInstalment() {
    int of = contract().instalments();
    int n = tally.instalmentsPaid() + 1;
    int count = Instalments.lessonsIn(lessons, of, n);
    return new Instalment(n, of, tally.lessonsPaid() + 1, count, unitPriceFen * count);
  }

  /**
   * PRE-05: the custody bank reports the next instalment (the whole amount for a lump sum) by
   * {@code bankRef}'s route; its lessons become consumable. The PaymentReceivedIntoEscrow event
   * ({@code entitled}: whether the institution may collect it, LST-01).
   */
  public PendingEvent instalmentPaid(String bankRef, String route, boolean entitled, Instant at) {
    requireAwaitingPayment();
    Instalment paid = nextInstalment();
    if (firstPayment == null) {
      firstPayment = new FirstPayment(bankRef, route, at);
    }
    tally = tally.paid(paid);
    this.lastActivityAt = at;
    this.status = OrderStatus.PAID;
    return OrderEvents.paymentReceived(this, paid, bankRef, route, entitled, at);
  }

  /** PRE-05: a bank payment needs an instalment still due; a paid or closed order takes none. */
  public void requireAwaitingPayment() {
    if (!awaitsPayment()) {
      throw ProblemException.conflict(
          "order-not-awaiting-payment",
          "the order is " + status + (status == OrderStatus.PAID ? ", every instalment paid" : ""));
    }
  }

  public boolean canRequestConsumption() {
    return status == OrderStatus.PAID && tally.lessonsRequested() < tally.lessonsPaid();
  }

  /** REL-02: a lesson is requested only from a paid order with paid lessons not yet requested. */
  public void requireConsumable() {
    if (!canRequestConsumption()) {
      throw ProblemException.conflict(
          "no-lesson-to-consume",
          "order is "
              + status
              + " with "
              + tally.lessonsRequested()
              + " of "
              + tally.lessonsPaid()
              + " paid lessons requested ("
              + lessons
              + " ordered)");
    }
  }

  /** REL-02: the institution asks to consume the next lesson; returns its number (1-based). */
  int consumptionRequested(Instant at) {
    requireConsumable();
    lastActivityAt = at;
    tally = tally.requested();
    return tally.lessonsRequested();
  }

  /** REL-02: a confirmed lesson was released to the institution. */
  void released(long amount, Instant at) {
    tally = tally.released(amount);
    lastActivityAt = at;
    if (tally.lessonsReleased() == lessons && status == OrderStatus.PAID) {
      status = OrderStatus.COMPLETED;
    }
  }

  public boolean refundable() {
    return status == OrderStatus.PAID || status == OrderStatus.REFUND_REQUESTED;
  }

  /** CON-06 / CON-07: a refund needs a paid order without an open refund. */
  void requireRefundable() {
    if (status != OrderStatus.PAID) {
      throw ProblemException.conflict(
          "order-not-refundable",
          "a refund needs a paid order without an open refund; the order is " + status);
    }
  }

  void refundRequested(Instant at) {
    requireRefundable();
    status = OrderStatus.REFUND_REQUESTED;
    lastActivityAt = at;
  }

  /** The refund answer was negative: the order goes on until the regulator decides. */
  void refundEscalated() {
    if (status == OrderStatus.REFUND_REQUESTED) {
      status = OrderStatus.PAID;
    }
  }

  void refunded(long amount, Instant at) {
    tally = tally.refunded(amount);
    status = OrderStatus.REFUNDED;
    lastActivityAt = at;
  }

  /** CON-06: the contract's two full-refund windows for this order. */
  public CoolingOff coolingOff(ZoneId zone) {
    return CoolingOff.of(
        periodStart, contract.coolingOffDaysBefore(), contract.coolingOffHoursAfter(), zone);
  }

  /** Value still in custody for the family: paid so far, less released, less refunded. */
  public long unconsumedFen() {
    return tally.unconsumedFen();
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

  public String institutionId() {
    return institutionId;
  }

  public String district() {
    return district;
  }

  public UUID courseId() {
    return courseId;
  }

  public Category category() {
    return category;
  }

  public String familyId() {
    return familyId;
  }

  public UUID childId() {
    return childId;
  }

  /**
   * The contract as signed. Orders placed before contracts were recorded (V4) read as a lump sum
   * whose institution and service particulars are unknown.
   */
  public SignedContract contract() {
    return contract;
  }

  public int lessons() {
    return lessons;
  }

  public long unitPriceFen() {
    return unitPriceFen;
  }

  public long amountFen() {
    return amountFen;
  }

  public LocalDate periodStart() {
    return periodStart;
  }

  public LocalDate periodEnd() {
    return periodEnd;
  }

  public Instant placedAt() {
    return placedAt;
  }

  public OrderStatus status() {
    return status;
  }

  public SupervisionMode supervisionMode() {
    return supervisionMode;
  }

  public Instant lastActivityAt() {
    return lastActivityAt;
  }

  /** How the first instalment was paid; null until it is. */
  public FirstPayment firstPayment() {
    return firstPayment;
  }

  public OrderTally tally() {
    return tally;
  }
}
