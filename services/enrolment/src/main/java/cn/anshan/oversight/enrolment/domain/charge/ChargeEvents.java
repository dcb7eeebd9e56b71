package cn.anshan.oversight.enrolment.domain.charge;

import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A charge of an enrolment and its refunds (§8.3). The charge's transitions build theirs here and
 * return them; the aggregate numbers each where the command appends it (its {@code record}).
 */
public final class ChargeEvents {
  private ChargeEvents() {}

  public record ChargeIssued(
      UUID chargeId,
      UUID enrolmentId,
      UUID childId,
      UUID programmeId,
      String schoolId,
      String district,
      String termId,
      LocalDate periodStart,
      LocalDate periodEnd,
      long feeFenPerMonth,
      int feeRevision,
      String feeProposalId,
      long amountFen,
      boolean exempt,
      Instant issuedAt) {}

  public record RefundIssued(
      UUID chargeId,
      UUID enrolmentId,
      UUID childId,
      UUID programmeId,
      String schoolId,
      String district,
      String termId,
      long amountFen,
      long refundFen,
      long refundedTotalFen,
      LocalDate effectiveDate,
      RefundGranularity granularity,
      Instant refundedAt,
      RefundReason reason,
      UUID exemptionId) {}

  static PendingEvent chargeIssued(Charge c) {
    return new PendingEvent(
        Charge.AGGREGATE_TYPE,
        c.id().toString(),
        "AsvChargeIssued.v2",
        c.district(),
        new ChargeIssued(
            c.id(),
            c.enrolmentId(),
            c.childId(),
            c.programmeId(),
            c.schoolId(),
            c.district(),
            c.termId(),
            c.periodStart(),
            c.periodEnd(),
            c.feeFenPerMonth(),
            c.feeRevision(),
            c.feeProposalId(),
            c.amountFen(),
            c.exemptCategory() != null,
            c.issuedAt()));
  }

  /** §8.3: the unused part of a charge after a withdrawal effective on {@code effectiveDate}. */
  static PendingEvent refundIssued(
      Charge c, long refundFen, LocalDate effectiveDate, RefundGranularity granularity) {
    return refundIssued(c, refundFen, effectiveDate, granularity, RefundReason.WITHDRAWAL, null);
  }

  /** LN-ASV-06: what was charged in the term of a granted exemption, from its decision date. */
  static PendingEvent exemptionRefundIssued(
      Charge c,
      long refundFen,
      LocalDate decidedOn,
      RefundGranularity granularity,
      UUID exemptionId) {
    return refundIssued(c, refundFen, decidedOn, granularity, RefundReason.EXEMPTION, exemptionId);
  }

  private static PendingEvent refundIssued(
      Charge c,
      long refundFen,
      LocalDate effectiveDate,
      RefundGranularity granularity,
      RefundReason reason,
      UUID exemptionId) {
    return new PendingEvent(
        Charge.AGGREGATE_TYPE,
        c.id().toString(),
        "AsvRefundIssued.v1",
        c.district(),
        new RefundIssued(
            c.id(),
            c.enrolmentId(),
            c.childId(),
            c.programmeId(),
            c.schoolId(),
            c.district(),
            c.termId(),
            c.amountFen(),
            refundFen,
            c.refundedFen(),
            effectiveDate,
            granularity,
            c.refundedAt(),
            reason,
            exemptionId));
  }
}
