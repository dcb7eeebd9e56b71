package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A lesson of the order (一课一消): requested, confirmed or disputed, released. Factories return
 * pending events; the aggregate numbers each where it is appended (its {@code record}).
 */
public final class ConsumptionEvents {
  private ConsumptionEvents() {}

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

  static PendingEvent consumptionRequested(Order o, Consumption c) {
    return OrderEvents.of(
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

  static PendingEvent consumptionConfirmed(Order o, Consumption c) {
    return OrderEvents.of(
        o,
        "ConsumptionConfirmed.v1",
        new ConsumptionConfirmed(
            o.id(), c.id(), o.institutionId(), o.district(), c.lessonNo(), c.resolvedAt()));
  }

  static PendingEvent consumptionAutoConfirmed(Order o, Consumption c, int workingDays) {
    return OrderEvents.of(
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

  static PendingEvent consumptionDisputed(Order o, Consumption c) {
    return OrderEvents.of(
        o,
        "ConsumptionDisputed.v1",
        new ConsumptionDisputed(
            o.id(), c.id(), o.institutionId(), o.district(), c.lessonNo(), c.resolvedAt()));
  }

  static PendingEvent disputeResolved(Order o, Consumption c, boolean release) {
    return OrderEvents.of(
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

  static PendingEvent fundsReleased(
      Order o, Consumption c, long amount, String confirmation, UUID entryId) {
    return OrderEvents.of(
        o,
        "FundsReleased.v1",
        new FundsReleased(
            o.id(),
            c.id(),
            o.institutionId(),
            o.district(),
            c.lessonNo(),
            amount,
            o.tally().releasedFen(),
            o.tally().lessonsReleased(),
            confirmation,
            entryId,
            c.resolvedAt()));
  }
}
