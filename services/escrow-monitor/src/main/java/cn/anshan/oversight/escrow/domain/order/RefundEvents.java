package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A refund of the order: requested, accepted or escalated, decided, paid. Factories return pending
 * events; the aggregate numbers each where it is appended (its {@code record}).
 */
public final class RefundEvents {
  private RefundEvents() {}

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

  public record RefundDisputeDecided(
      UUID orderId,
      UUID refundId,
      String institutionId,
      String district,
      String outcome,
      Instant decidedAt) {}

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

  static PendingEvent refundRequested(
      Order o, Refund r, CoolingOff coolingOff, long unconsumedFen) {
    return OrderEvents.of(
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

  static PendingEvent refundAccepted(Order o, Refund r, Acceptance acceptedBy, Instant at) {
    return OrderEvents.of(
        o,
        "RefundAccepted.v1",
        new RefundAccepted(o.id(), r.id(), o.institutionId(), o.district(), acceptedBy.name(), at));
  }

  static PendingEvent refundAutoAccepted(Order o, Refund r, int workingDays, Instant at) {
    return OrderEvents.of(
        o,
        "RefundAutoAccepted.v1",
        new RefundAutoAccepted(
            o.id(), r.id(), o.institutionId(), o.district(), r.autoAcceptOn(), workingDays, at));
  }

  static PendingEvent refundEscalated(Order o, Refund r, Instant at) {
    return OrderEvents.of(
        o,
        "RefundDisputeEscalated.v1",
        new RefundDisputeEscalated(o.id(), r.id(), o.institutionId(), o.district(), at));
  }

  static PendingEvent refundDecided(Order o, Refund r, boolean refund, Instant at) {
    return OrderEvents.of(
        o,
        "RefundDisputeDecided.v1",
        new RefundDisputeDecided(
            o.id(), r.id(), o.institutionId(), o.district(), refund ? "REFUND" : "REJECT", at));
  }

  static PendingEvent refundPaid(Order o, Refund r, String ruleId, int lessonsReturned) {
    return OrderEvents.of(
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
            o.firstPayment() == null ? null : o.firstPayment().paymentRoute(),
            r.paidAt()));
  }
}
