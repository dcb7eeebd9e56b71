package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.domain.charge.Charge;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A charge in fen, with what was refunded of it. */
public record ChargeView(
    UUID chargeId,
    long version,
    UUID enrolmentId,
    UUID childId,
    UUID programmeId,
    String termId,
    LocalDate periodStart,
    LocalDate periodEnd,
    long feeFenPerMonth,
    int feeRevision,
    long amountFen,
    String exemptCategory,
    long refundedFen,
    Instant issuedAt,
    Instant refundedAt) {
  public static ChargeView of(Charge c) {
    return new ChargeView(
        c.id(),
        c.version(),
        c.enrolmentId(),
        c.childId(),
        c.programmeId(),
        c.termId(),
        c.periodStart(),
        c.periodEnd(),
        c.feeFenPerMonth(),
        c.feeRevision(),
        c.amountFen(),
        c.exemptCategory(),
        c.refundedFen(),
        c.issuedAt(),
        c.refundedAt());
  }
}
