package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.escrow.domain.contract.PaymentMethod;
import cn.anshan.oversight.escrow.domain.contract.PaymentPlan;
import cn.anshan.oversight.escrow.domain.contract.SignedContract;
import cn.anshan.oversight.escrow.domain.entitlement.Category;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionMode;
import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The order (aggregate id = order id): placed, contract signed, payment received. {@link #of} is
 * the envelope every event of the order uses, lessons and refunds included. Factories return
 * pending events; the aggregate numbers each where it is appended (its {@code record}).
 */
public final class OrderEvents {
  private OrderEvents() {}

  public record ContractTerms(
      String template,
      int coolingOffDaysBefore,
      int coolingOffHoursAfter,
      Instant coolingOffOpens,
      Instant coolingOffDeadline,
      SupervisionMode supervisionMode) {}

  /** CON-05: the payment clause; {@code instalments} is 1 for a lump sum. */
  public record PaymentTerms(PaymentPlan plan, int instalments, PaymentMethod method) {}

  public record OrderPlaced(
      UUID orderId,
      String institutionId,
      String district,
      UUID courseId,
      UUID childId,
      Category category,
      int classHours,
      long unitPriceFen,
      long amountFen,
      LocalDate periodStart,
      LocalDate periodEnd,
      ContractTerms contract,
      PaymentTerms payment,
      Instant placedAt) {}

  /** PLT-06: the model contract as signed (CON-02 institution, CON-04 service, CON-05 payment). */
  public record ContractSigned(
      UUID orderId,
      String institutionId,
      String district,
      UUID childId,
      String template,
      String institutionName,
      String licenceNo,
      LocalDate licenceValidTo,
      String registrationType,
      UUID courseId,
      String courseName,
      String serviceType,
      int classHours,
      int lessonMinutes,
      String classSizeBand,
      LocalDate periodStart,
      LocalDate periodEnd,
      long amountFen,
      PaymentTerms payment,
      SupervisionMode supervisionMode,
      Instant signedAt) {}

  public record PaymentReceivedIntoEscrow(
      UUID orderId,
      String institutionId,
      String district,
      String bankRef,
      String route,
      long amountFen,
      int lessonsReserved,
      boolean entitled,
      int instalment,
      int instalments,
      Instant receivedAt) {}

  static PendingEvent orderPlaced(Order o, CoolingOff coolingOff) {
    return of(
        o,
        "OrderPlaced.v1",
        new OrderPlaced(
            o.id(),
            o.institutionId(),
            o.district(),
            o.courseId(),
            o.childId(),
            o.category(),
            o.lessons(),
            o.unitPriceFen(),
            o.amountFen(),
            o.periodStart(),
            o.periodEnd(),
            new ContractTerms(
                o.contract().contractTemplate(),
                o.contract().coolingOffDaysBefore(),
                o.contract().coolingOffHoursAfter(),
                coolingOff.beforeClassOpens(),
                coolingOff.afterClassCloses(),
                o.supervisionMode()),
            paymentTerms(o.contract()),
            o.placedAt()));
  }

  private static PaymentTerms paymentTerms(SignedContract c) {
    return new PaymentTerms(c.paymentPlan(), c.instalments(), c.paymentMethod());
  }

  static PendingEvent contractSigned(Order o) {
    SignedContract c = o.contract();
    return of(
        o,
        "ContractSigned.v1",
        new ContractSigned(
            o.id(),
            o.institutionId(),
            o.district(),
            o.childId(),
            o.contract().contractTemplate(),
            c.institutionName(),
            c.licenceNo(),
            c.licenceValidTo(),
            c.registrationType(),
            o.courseId(),
            c.courseName(),
            c.serviceType(),
            o.lessons(),
            c.lessonMinutes(),
            c.classSizeBand(),
            o.periodStart(),
            o.periodEnd(),
            o.amountFen(),
            paymentTerms(c),
            o.supervisionMode(),
            o.placedAt()));
  }

  /** One instalment (the whole amount for a lump sum) received by {@code bankRef}'s route. */
  static PendingEvent paymentReceived(
      Order o,
      Order.Instalment instalment,
      String bankRef,
      String route,
      boolean entitled,
      Instant receivedAt) {
    return of(
        o,
        "PaymentReceivedIntoEscrow.v1",
        new PaymentReceivedIntoEscrow(
            o.id(),
            o.institutionId(),
            o.district(),
            bankRef,
            route,
            instalment.amountFen(),
            instalment.lessons(),
            entitled,
            instalment.number(),
            instalment.of(),
            receivedAt));
  }

  static PendingEvent of(Order o, String name, Object data) {
    return new PendingEvent(Order.AGGREGATE_TYPE, o.id().toString(), name, o.district(), data);
  }
}
