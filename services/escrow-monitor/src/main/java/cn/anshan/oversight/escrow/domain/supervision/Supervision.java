package cn.anshan.oversight.escrow.domain.supervision;

import cn.anshan.oversight.escrow.domain.entitlement.InstitutionStanding;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionRules.AccountOpening;
import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An institution's prepayment supervision (PRE-09…13, LN-PRE-02/03, §11 row 9): exactly one
 * dedicated account (custody or risk reserve) opened under a custody agreement filed with the
 * supervising department. The account number is unique across institutions (LN-PRE-02).
 */
@Entity
@Table(name = "supervision")
public class Supervision implements Aggregate {
  public static final String AGGREGATE_TYPE = "Supervision";

  @Id private String institutionId;

  private long version;
  private String district;

  @Enumerated(EnumType.STRING)
  private SupervisionMode mode;

  private String bankName;

  private String bankId;

  private String accountNo;

  private String agreementNo;

  private String agreementFiledWith;

  private String openedBy;

  private Instant openedAt;

  private long reserveFen;

  protected Supervision() {}

  private Supervision(
      String institutionId,
      String district,
      SupervisionMode mode,
      String bankId,
      String bankName,
      String accountNo,
      String agreementNo,
      String agreementFiledWith,
      String openedBy,
      Instant openedAt) {
    this.institutionId = institutionId;
    this.district = district;
    this.mode = mode;
    this.bankId = bankId;
    this.bankName = bankName;
    this.accountNo = accountNo;
    this.agreementNo = agreementNo;
    this.agreementFiledWith = agreementFiledWith;
    this.openedBy = openedBy;
    this.openedAt = openedAt;
  }

  /**
   * PRE-10 / LN-PRE-02: the operator records the filed agreement and the institution's one account,
   * refused unless {@code opening} allows it; the supervision with its CustodyAgreementFiled and
   * EscrowAccountOpened events ({@code riskReserveMinFen}: the reserve the mode requires, PRE-13).
   */
  public static Decision<Supervision> open(
      String institutionId,
      AccountOpening opening,
      CustodyAgreement agreement,
      String openedBy,
      Instant now,
      long riskReserveMinFen) {
    InstitutionStanding standing = opening.requireOpenable(institutionId, agreement.accountNo());
    Supervision s =
        new Supervision(
            institutionId,
            standing.district(),
            agreement.mode(),
            agreement.bankId(),
            agreement.bankName(),
            agreement.accountNo(),
            agreement.agreementNo(),
            agreement.agreementFiledWith(),
            openedBy,
            now);
    return Decision.of(
        s,
        SupervisionEvents.agreementFiled(s),
        SupervisionEvents.accountOpened(s, riskReserveMinFen));
  }

  /**
   * PRE-12: the reserve grows by a deposit confirmed by the bank under {@code bankRef}, posted as
   * journal entry {@code entryId}; the ReserveDeposited event.
   */
  public PendingEvent reserveDeposited(
      long amountFen, String bankRef, long minFen, UUID entryId, Instant at) {
    reserveFen = Math.addExact(reserveFen, amountFen);
    return SupervisionEvents.reserveDeposited(this, bankRef, amountFen, minFen, entryId, at);
  }

  /** PRE-13: in risk-reserve mode the reserve must reach the configured minimum. */
  public boolean reserveBelow(long minimumFen) {
    return mode == SupervisionMode.RISK_RESERVE && reserveFen < minimumFen;
  }

  /** Gives an event about this aggregate its next version, where the command appends it. */
  @Override
  public DomainEvent record(PendingEvent event) {
    return event.numbered(AGGREGATE_TYPE, institutionId, ++version);
  }

  public String institutionId() {
    return institutionId;
  }

  public long version() {
    return version;
  }

  public String district() {
    return district;
  }

  public SupervisionMode mode() {
    return mode;
  }

  public CustodyBank bank() {
    return new CustodyBank(bankId, mode);
  }

  public String bankName() {
    return bankName;
  }

  public String accountNo() {
    return accountNo;
  }

  public String agreementNo() {
    return agreementNo;
  }

  public String agreementFiledWith() {
    return agreementFiledWith;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public long reserveFen() {
    return reserveFen;
  }
}
