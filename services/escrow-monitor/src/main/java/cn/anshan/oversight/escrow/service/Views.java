package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.domain.contract.PaymentMethod;
import cn.anshan.oversight.escrow.domain.contract.PaymentPlan;
import cn.anshan.oversight.escrow.domain.contract.SignedContract;
import cn.anshan.oversight.escrow.domain.entitlement.Category;
import cn.anshan.oversight.escrow.domain.order.Consumption;
import cn.anshan.oversight.escrow.domain.order.ConsumptionStatus;
import cn.anshan.oversight.escrow.domain.order.CoolingOff;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.OrderStatus;
import cn.anshan.oversight.escrow.domain.order.Refund;
import cn.anshan.oversight.escrow.domain.order.RefundCause;
import cn.anshan.oversight.escrow.domain.order.RefundStatus;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionMode;
import cn.anshan.oversight.kit.time.OversightClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/** What the API returns: records, never entities (DESIGN §5). */
public final class Views {
  private Views() {}

  /**
   * {@code exitRefundsOpen}: once the institution lost its standing (REL-09), how many of its
   * orders the exit refund has still to pay back (0 when it is done); null while it may collect or
   * is only suspended.
   */
  public record SupervisionView(
      String institutionId,
      String district,
      SupervisionMode mode,
      String bankName,
      String accountNo,
      String agreementNo,
      String agreementFiledWith,
      Instant openedAt,
      long reserveFen,
      Long riskReserveMinFen,
      boolean entitled,
      String listStatus,
      long custodyBalanceFen,
      long unconsumedFen,
      Long exitRefundsOpen,
      long version) {}

  /**
   * The model contract as signed with the order (PLT-06): its version (CON-09), shown before the
   * parent pays, the institution (CON-02) and service (CON-04) particulars, the cooling-off windows
   * (CON-06) and the supervision mode (CON-05). The unified social credit code is recorded with the
   * contract and in ContractSigned but not shown here: the platform's field-exposure policy keeps
   * identifiers off parents' views (FieldExposureTest).
   */
  public record ContractView(
      String template,
      Instant signedAt,
      String institutionName,
      String licenceNo,
      LocalDate licenceValidTo,
      String registrationType,
      String courseName,
      String serviceType,
      int lessonMinutes,
      String classSizeBand,
      int coolingOffDaysBefore,
      int coolingOffHoursAfter,
      Instant coolingOffOpens,
      Instant coolingOffDeadline,
      SupervisionMode supervisionMode) {

    static ContractView of(Order o) {
      SignedContract c = o.contract();
      CoolingOff coolingOff = o.coolingOff(OversightClock.BUSINESS_ZONE);
      return new ContractView(
          c.contractTemplate(),
          o.placedAt(),
          c.institutionName(),
          c.licenceNo(),
          c.licenceValidTo(),
          c.registrationType(),
          c.courseName(),
          c.serviceType(),
          c.lessonMinutes(),
          c.classSizeBand(),
          c.coolingOffDaysBefore(),
          c.coolingOffHoursAfter(),
          coolingOff.beforeClassOpens(),
          coolingOff.afterClassCloses(),
          o.supervisionMode());
    }
  }

  /**
   * CON-05: the payment clause and how far it is paid; {@code nextInstalmentFen} is what the bank
   * may report next (null once everything is paid or the order ended).
   */
  public record PaymentView(
      PaymentPlan plan,
      int instalments,
      PaymentMethod method,
      int instalmentsPaid,
      int lessonsPaid,
      long paidFen,
      Long nextInstalmentFen) {

    static PaymentView of(Order o) {
      return new PaymentView(
          o.contract().paymentPlan(),
          o.contract().instalments(),
          o.contract().paymentMethod(),
          o.tally().instalmentsPaid(),
          o.tally().lessonsPaid(),
          o.tally().paidFen(),
          o.awaitsPayment() ? o.nextInstalment().amountFen() : null);
    }
  }

  public record OrderView(
      UUID orderId,
      String institutionId,
      String district,
      UUID courseId,
      Category category,
      String familyId,
      UUID childId,
      int classHours,
      long unitPriceFen,
      long amountFen,
      LocalDate periodStart,
      LocalDate periodEnd,
      ContractView contract,
      PaymentView payment,
      OrderStatus status,
      Instant placedAt,
      Instant paidAt,
      String paymentRoute,
      int lessonsRequested,
      int lessonsReleased,
      long releasedFen,
      long refundedFen,
      long unconsumedFen,
      long version) {

    public static OrderView of(Order o) {
      return new OrderView(
          o.id(),
          o.institutionId(),
          o.district(),
          o.courseId(),
          o.category(),
          o.familyId(),
          o.childId(),
          o.lessons(),
          o.unitPriceFen(),
          o.amountFen(),
          o.periodStart(),
          o.periodEnd(),
          ContractView.of(o),
          PaymentView.of(o),
          o.status(),
          o.placedAt(),
          o.firstPayment() == null ? null : o.firstPayment().paidAt(),
          o.firstPayment() == null ? null : o.firstPayment().paymentRoute(),
          o.tally().lessonsRequested(),
          o.tally().lessonsReleased(),
          o.tally().releasedFen(),
          o.tally().refundedFen(),
          o.unconsumedFen(),
          o.version());
    }
  }

  public record OrderPage(List<OrderView> items, String next) {}

  public record PaymentReceipt(
      String bankRef,
      UUID orderId,
      String institutionId,
      long amountFen,
      String route,
      int lessonsReserved,
      boolean entitled,
      Instant receivedAt) {}

  public record ReserveReceipt(
      String bankRef, String institutionId, long amountFen, long reserveFen, Instant receivedAt) {}

  public record BalanceStatementReceipt(
      String bankRef,
      String institutionId,
      LocalDate asOf,
      long balanceFen,
      long ledgerCustodyFen,
      long unconsumedFen,
      Double coverage,
      boolean reconciled,
      boolean tripped) {}

  /** The session a lesson is for, as the parent confirms it (REL-04): local times, the course. */
  public record SessionRef(
      UUID sessionId, LocalDateTime startsAt, LocalDateTime endsAt, String courseName) {}

  public record ConsumptionView(
      UUID consumptionId,
      UUID orderId,
      String institutionId,
      int lessonNo,
      LocalDate heldOn,
      SessionRef session,
      ConsumptionStatus status,
      Instant requestedAt,
      LocalDate autoConfirmOn,
      Instant resolvedAt,
      long releasedFen,
      String disputeReason) {

    public static ConsumptionView of(Consumption c) {
      return new ConsumptionView(
          c.id(),
          c.orderId(),
          c.institutionId(),
          c.lessonNo(),
          c.heldOn(),
          c.sessionId() == null
              ? null
              : new SessionRef(c.sessionId(), c.sessionStart(), c.sessionEnd(), c.courseName()),
          c.status(),
          c.requestedAt(),
          c.autoConfirmOn(),
          c.resolvedAt(),
          c.releasedFen(),
          c.disputeReason());
    }
  }

  public record RefundView(
      UUID refundId,
      UUID orderId,
      String institutionId,
      RefundCause cause,
      boolean coolingOff,
      RefundStatus status,
      Instant requestedAt,
      LocalDate autoAcceptOn,
      String acceptedHow,
      long amountFen,
      String route,
      Instant paidAt) {

    public static RefundView of(Refund r) {
      return new RefundView(
          r.id(),
          r.orderId(),
          r.institutionId(),
          r.cause(),
          r.coolingOff(),
          r.status(),
          r.requestedAt(),
          r.autoAcceptOn(),
          r.acceptedHow(),
          r.amountFen(),
          r.route(),
          r.paidAt());
    }
  }

  public record LedgerLineView(String accountId, String side, long amountFen) {}

  public record LedgerEntryView(
      UUID entryId,
      String kind,
      String code,
      UUID pendingId,
      Integer lessonNo,
      String reference,
      Instant at,
      long amountFen,
      List<LedgerLineView> lines) {}

  /** An order's journal: entries in writing order and the family's balance they add up to. */
  public record OrderLedgerView(
      UUID orderId,
      List<LedgerEntryView> entries,
      long familyBalanceFen,
      long reservedFen,
      long releasedFen,
      long returnedFen,
      int openReservations) {}

  public record RiskTripView(
      UUID id,
      String institutionId,
      String district,
      String indicator,
      String grade,
      double value,
      double threshold,
      String detail,
      LocalDate businessDate,
      Instant trippedAt) {}

  public record RiskPage(List<RiskTripView> items, String next) {}
}
