package cn.anshan.oversight.escrow.domain.supervision;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An institution's prepayment supervision (PRE-09…13, LN-PRE-02/03, §11 row 9): exactly one
 * dedicated account (custody or risk reserve) opened under a custody agreement filed with the
 * supervising department. The account number is unique across institutions (LN-PRE-02).
 */
@Entity
@Table(name = "supervision")
public class Supervision {
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

  public Supervision(
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

  /** PRE-12: the reserve grows by a deposit confirmed by the bank. */
  public void reserveDeposited(long amountFen) {
    reserveFen = Math.addExact(reserveFen, amountFen);
  }

  /** PRE-13: in risk-reserve mode the reserve must reach the configured minimum. */
  public boolean reserveBelow(long minimumFen) {
    return mode == SupervisionMode.RISK_RESERVE && reserveFen < minimumFen;
  }

  /** Gives an event about this aggregate its next version, where the command appends it. */
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
