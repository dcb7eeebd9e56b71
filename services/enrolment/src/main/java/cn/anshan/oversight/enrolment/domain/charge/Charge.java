package cn.anshan.oversight.enrolment.domain.charge;

import cn.anshan.oversight.enrolment.domain.enrolment.Enrolment;
import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * What one enrolled child is charged for one period of one term (§11 row 20), at the published fee
 * of that school, term and programme type; 0 for an exempt child. A withdrawal refunds part of it.
 */
@Entity
@Table(name = "charge")
public class Charge implements Aggregate {
  public static final String AGGREGATE_TYPE = "Charge";

  @Id private UUID id;
  private long version;

  private UUID enrolmentId;

  private UUID childId;

  private UUID programmeId;

  private String schoolId;

  private String district;

  private String termId;

  private LocalDate periodStart;

  private LocalDate periodEnd;

  private long feeFenPerMonth;

  private int feeRevision;

  private String feeProposalId;

  private long amountFen;

  private String exemptCategory;

  private long refundedFen;

  private Instant issuedAt;

  private Instant refundedAt;

  protected Charge() {}

  public Charge(
      UUID enrolmentId,
      UUID childId,
      UUID programmeId,
      String schoolId,
      String district,
      String termId,
      ChargeCalculator.Period period,
      PublishedFee fee,
      long amountFen,
      String exemptCategory,
      Instant now) {
    if (amountFen < 0 || amountFen > fee.feeFenPerMonth() * period.months()) {
      throw new IllegalStateException(
          ChargeCalculator.FEE_RULE + ": a charge above the published fee is impossible");
    }
    this.id = UUID.randomUUID();
    this.enrolmentId = enrolmentId;
    this.childId = childId;
    this.programmeId = programmeId;
    this.schoolId = schoolId;
    this.district = district;
    this.termId = termId;
    this.periodStart = period.start();
    this.periodEnd = period.end();
    this.feeFenPerMonth = fee.feeFenPerMonth();
    this.feeRevision = fee.revision();
    this.feeProposalId = fee.proposalId();
    this.amountFen = amountFen;
    this.exemptCategory = exemptCategory;
    this.issuedAt = now;
  }

  /**
   * §8.3: refunds what the withdrawal of {@code enrolment} leaves unused of this charge; its
   * AsvRefundIssued, or none when nothing is left to refund.
   */
  public Optional<PendingEvent> refundOnWithdrawal(
      Enrolment enrolment, RefundGranularity granularity, Instant now) {
    LocalDate effective = enrolment.withdrawalEffective();
    long unused =
        ChargeCalculator.refund(
            amountFen - refundedFen,
            feeFenPerMonth,
            period(),
            enrolment.startDate(),
            effective,
            granularity,
            exemptCategory != null);
    if (unused <= 0) {
      return Optional.empty();
    }
    refund(unused, now);
    return Optional.of(ChargeEvents.refundIssued(this, unused, effective, granularity));
  }

  /**
   * LN-ASV-06: a granted exemption refunds what is left of this charge of its term, from the
   * decision date; the AsvRefundIssued (reason EXEMPTION), or none when nothing is left.
   */
  public Optional<PendingEvent> refundOnExemption(
      UUID exemptionId, LocalDate decidedOn, RefundGranularity granularity, Instant now) {
    long left = ChargeCalculator.exemptionRefund(amountFen, refundedFen);
    if (left <= 0) {
      return Optional.empty();
    }
    refund(left, now);
    return Optional.of(
        ChargeEvents.exemptionRefundIssued(this, left, decidedOn, granularity, exemptionId));
  }

  /** Records a refund; the total refunded never exceeds the charge. */
  void refund(long fen, Instant now) {
    if (fen <= 0 || refundedFen + fen > amountFen) {
      throw new IllegalStateException("refund " + fen + " exceeds the charge");
    }
    refundedFen += fen;
    refundedAt = now;
  }

  public ChargeCalculator.Period period() {
    return new ChargeCalculator.Period(periodStart, periodEnd);
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

  public UUID enrolmentId() {
    return enrolmentId;
  }

  public UUID childId() {
    return childId;
  }

  public UUID programmeId() {
    return programmeId;
  }

  public String schoolId() {
    return schoolId;
  }

  public String district() {
    return district;
  }

  public String termId() {
    return termId;
  }

  public LocalDate periodStart() {
    return periodStart;
  }

  public LocalDate periodEnd() {
    return periodEnd;
  }

  public long feeFenPerMonth() {
    return feeFenPerMonth;
  }

  public int feeRevision() {
    return feeRevision;
  }

  public String feeProposalId() {
    return feeProposalId;
  }

  public long amountFen() {
    return amountFen;
  }

  public String exemptCategory() {
    return exemptCategory;
  }

  public long refundedFen() {
    return refundedFen;
  }

  public Instant issuedAt() {
    return issuedAt;
  }

  public Instant refundedAt() {
    return refundedAt;
  }
}
