package cn.anshan.oversight.escrow.messaging;

import cn.anshan.oversight.escrow.domain.contract.PaymentMethod;
import cn.anshan.oversight.escrow.domain.contract.PaymentPlan;
import cn.anshan.oversight.escrow.domain.contract.SignedContract;
import cn.anshan.oversight.escrow.domain.entitlement.Category;
import cn.anshan.oversight.escrow.domain.order.Consumption;
import cn.anshan.oversight.escrow.domain.order.CoolingOff;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.Refund;
import cn.anshan.oversight.escrow.domain.order.RefundCause;
import cn.anshan.oversight.escrow.domain.supervision.Supervision;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionMode;
import cn.anshan.oversight.kit.events.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Events of escrow-monitor (contracts/events/escrow/). They carry ids, amounts in fen and dates;
 * never a person's name, an ID number or free text: the family only as the envelope's actor, the
 * child only by enrolment's reference. Each factory counts its event on the aggregate, so call it
 * once per event actually appended.
 */
public final class EscrowEvents {
  private EscrowEvents() {}

  // ---- Supervision (aggregate id = institution id) ----

  public record CustodyAgreementFiled(
      String institutionId,
      String district,
      SupervisionMode mode,
      String bankId,
      String bankName,
      String agreementNo,
      String filedWith,
      Instant filedAt) {}

  public record EscrowAccountOpened(
      String institutionId,
      String district,
      SupervisionMode mode,
      String bankName,
      String accountNo,
      Long riskReserveMinFen,
      Instant openedAt) {}

  public record RiskReserveDeposited(
      String institutionId,
      String district,
      String bankRef,
      long amountFen,
      long reserveFen,
      long requiredMinFen,
      UUID journalEntryId,
      Instant depositedAt) {}

  public static DomainEvent agreementFiled(Supervision s) {
    return supervision(
        s,
        "CustodyAgreementFiled.v1",
        new CustodyAgreementFiled(
            s.institutionId(),
            s.district(),
            s.mode(),
            s.bank().bankId(),
            s.bankName(),
            s.agreementNo(),
            s.agreementFiledWith(),
            s.openedAt()));
  }

  public static DomainEvent accountOpened(Supervision s, long riskReserveMinFen) {
    return supervision(
        s,
        "EscrowAccountOpened.v1",
        new EscrowAccountOpened(
            s.institutionId(),
            s.district(),
            s.mode(),
            s.bankName(),
            s.accountNo(),
            s.mode() == SupervisionMode.RISK_RESERVE ? riskReserveMinFen : null,
            s.openedAt()));
  }

  public static DomainEvent reserveDeposited(
      Supervision s, String bankRef, long amountFen, long minFen, UUID entryId, Instant at) {
    return supervision(
        s,
        "RiskReserveDeposited.v1",
        new RiskReserveDeposited(
            s.institutionId(),
            s.district(),
            bankRef,
            amountFen,
            s.reserveFen(),
            minFen,
            entryId,
            at));
  }

  private static DomainEvent supervision(Supervision s, String name, Object data) {
    return new DomainEvent(
        Supervision.AGGREGATE_TYPE, s.institutionId(), s.recordEvent(), name, s.district(), data);
  }

  // ---- Order ----

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

  public record ConsumptionRequested(
      UUID orderId,
      UUID consumptionId,
      String institutionId,
      String district,
      int lessonNo,
      LocalDate heldOn,
      UUID sessionId,
      LocalDate autoConfirmOn,
      Instant requestedAt) {}

  public record ConsumptionConfirmed(
      UUID orderId,
      UUID consumptionId,
      String institutionId,
      String district,
      int lessonNo,
      Instant confirmedAt) {}

  public record ConsumptionAutoConfirmed(
      UUID orderId,
      UUID consumptionId,
      String institutionId,
      String district,
      int lessonNo,
      LocalDate autoConfirmOn,
      int workingDays,
      Instant confirmedAt) {}

  public record ConsumptionDisputed(
      UUID orderId,
      UUID consumptionId,
      String institutionId,
      String district,
      int lessonNo,
      Instant disputedAt) {}

  public record ConsumptionDisputeResolved(
      UUID orderId,
      UUID consumptionId,
      String institutionId,
      String district,
      int lessonNo,
      String outcome,
      Instant resolvedAt) {}

  public record RefundDisputeDecided(
      UUID orderId,
      UUID refundId,
      String institutionId,
      String district,
      String outcome,
      Instant decidedAt) {}

  public record FundsReleased(
      UUID orderId,
      UUID consumptionId,
      String institutionId,
      String district,
      int lessonNo,
      long amountFen,
      long releasedTotalFen,
      int lessonsReleased,
      String confirmation,
      UUID journalEntryId,
      Instant releasedAt) {}

  public record RefundRequested(
      UUID orderId,
      UUID refundId,
      String institutionId,
      String district,
      RefundCause cause,
      boolean coolingOff,
      Instant coolingOffOpens,
      Instant coolingOffDeadline,
      LocalDate autoAcceptOn,
      long unconsumedFen,
      Instant requestedAt) {}

  public record RefundAccepted(
      UUID orderId,
      UUID refundId,
      String institutionId,
      String district,
      String acceptedBy,
      Instant acceptedAt) {}

  public record RefundAutoAccepted(
      UUID orderId,
      UUID refundId,
      String institutionId,
      String district,
      LocalDate autoAcceptOn,
      int workingDays,
      Instant acceptedAt) {}

  public record RefundDisputeEscalated(
      UUID orderId, UUID refundId, String institutionId, String district, Instant escalatedAt) {}

  public record RefundPaid(
      UUID orderId,
      UUID refundId,
      String institutionId,
      String district,
      RefundCause cause,
      String ruleId,
      long amountFen,
      int lessonsReturned,
      String route,
      String originalRoute,
      Instant paidAt) {}

  public static DomainEvent orderPlaced(Order o, CoolingOff coolingOff) {
    return order(
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
                o.contractTemplate(),
                o.coolingOffDaysBefore(),
                o.coolingOffHoursAfter(),
                coolingOff.beforeClassOpens(),
                coolingOff.afterClassCloses(),
                o.supervisionMode()),
            paymentTerms(o.contract()),
            o.placedAt()));
  }

  private static PaymentTerms paymentTerms(SignedContract c) {
    return new PaymentTerms(c.paymentPlan(), c.instalments(), c.paymentMethod());
  }

  public static DomainEvent contractSigned(Order o) {
    SignedContract c = o.contract();
    return order(
        o,
        "ContractSigned.v1",
        new ContractSigned(
            o.id(),
            o.institutionId(),
            o.district(),
            o.childId(),
            o.contractTemplate(),
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
  public static DomainEvent paymentReceived(
      Order o,
      Order.Instalment instalment,
      String bankRef,
      String route,
      boolean entitled,
      Instant receivedAt) {
    return order(
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

  public static DomainEvent consumptionRequested(Order o, Consumption c) {
    return order(
        o,
        "ConsumptionRequested.v1",
        new ConsumptionRequested(
            o.id(),
            c.id(),
            o.institutionId(),
            o.district(),
            c.lessonNo(),
            c.heldOn(),
            c.sessionId(),
            c.autoConfirmOn(),
            c.requestedAt()));
  }

  public static DomainEvent consumptionConfirmed(Order o, Consumption c) {
    return order(
        o,
        "ConsumptionConfirmed.v1",
        new ConsumptionConfirmed(
            o.id(), c.id(), o.institutionId(), o.district(), c.lessonNo(), c.resolvedAt()));
  }

  public static DomainEvent consumptionAutoConfirmed(Order o, Consumption c, int workingDays) {
    return order(
        o,
        "ConsumptionAutoConfirmed.v1",
        new ConsumptionAutoConfirmed(
            o.id(),
            c.id(),
            o.institutionId(),
            o.district(),
            c.lessonNo(),
            c.autoConfirmOn(),
            workingDays,
            c.resolvedAt()));
  }

  public static DomainEvent consumptionDisputed(Order o, Consumption c) {
    return order(
        o,
        "ConsumptionDisputed.v1",
        new ConsumptionDisputed(
            o.id(), c.id(), o.institutionId(), o.district(), c.lessonNo(), c.resolvedAt()));
  }

  public static DomainEvent disputeResolved(Order o, Consumption c, boolean release) {
    return order(
        o,
        "ConsumptionDisputeResolved.v1",
        new ConsumptionDisputeResolved(
            o.id(),
            c.id(),
            o.institutionId(),
            o.district(),
            c.lessonNo(),
            release ? "RELEASE" : "RETURN",
            c.resolvedAt()));
  }

  public static DomainEvent refundDecided(Order o, Refund r, boolean refund, Instant at) {
    return order(
        o,
        "RefundDisputeDecided.v1",
        new RefundDisputeDecided(
            o.id(), r.id(), o.institutionId(), o.district(), refund ? "REFUND" : "REJECT", at));
  }

  public static DomainEvent fundsReleased(
      Order o, Consumption c, long amount, String confirmation, UUID entryId) {
    return order(
        o,
        "FundsReleased.v1",
        new FundsReleased(
            o.id(),
            c.id(),
            o.institutionId(),
            o.district(),
            c.lessonNo(),
            amount,
            o.releasedFen(),
            o.lessonsReleased(),
            confirmation,
            entryId,
            c.resolvedAt()));
  }

  public static DomainEvent refundRequested(
      Order o, Refund r, CoolingOff coolingOff, long unconsumedFen) {
    return order(
        o,
        "RefundRequested.v1",
        new RefundRequested(
            o.id(),
            r.id(),
            o.institutionId(),
            o.district(),
            r.cause(),
            r.coolingOff(),
            coolingOff.beforeClassOpens(),
            coolingOff.afterClassCloses(),
            r.autoAcceptOn(),
            unconsumedFen,
            r.requestedAt()));
  }

  public static DomainEvent refundAccepted(Order o, Refund r, String acceptedBy, Instant at) {
    return order(
        o,
        "RefundAccepted.v1",
        new RefundAccepted(o.id(), r.id(), o.institutionId(), o.district(), acceptedBy, at));
  }

  public static DomainEvent refundAutoAccepted(Order o, Refund r, int workingDays, Instant at) {
    return order(
        o,
        "RefundAutoAccepted.v1",
        new RefundAutoAccepted(
            o.id(), r.id(), o.institutionId(), o.district(), r.autoAcceptOn(), workingDays, at));
  }

  public static DomainEvent refundEscalated(Order o, Refund r, Instant at) {
    return order(
        o,
        "RefundDisputeEscalated.v1",
        new RefundDisputeEscalated(o.id(), r.id(), o.institutionId(), o.district(), at));
  }

  public static DomainEvent refundPaid(Order o, Refund r, String ruleId, int lessonsReturned) {
    return order(
        o,
        "RefundPaid.v1",
        new RefundPaid(
            o.id(),
            r.id(),
            o.institutionId(),
            o.district(),
            r.cause(),
            ruleId,
            r.amountFen(),
            lessonsReturned,
            "ORIGINAL",
            o.paymentRoute(),
            r.paidAt()));
  }

  private static DomainEvent order(Order o, String name, Object data) {
    return new DomainEvent(
        Order.AGGREGATE_TYPE, o.id().toString(), o.recordEvent(), name, o.district(), data);
  }

  // ---- InstitutionRisk (aggregate id = institution id) ----

  public record RiskIndicatorTripped(
      String institutionId,
      String district,
      String indicator,
      String grade,
      double value,
      double threshold,
      String ruleId,
      String detail,
      Instant trippedAt) {}

  public static DomainEvent riskTripped(long version, RiskIndicatorTripped data) {
    return new DomainEvent(
        "InstitutionRisk",
        data.institutionId(),
        version,
        "RiskIndicatorTripped.v1",
        data.district(),
        data);
  }
}
