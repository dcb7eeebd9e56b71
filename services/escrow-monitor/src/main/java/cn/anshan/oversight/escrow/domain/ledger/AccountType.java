package cn.anshan.oversight.escrow.domain.ledger;

/**
 * Kinds of ledger account. Each has a normal side: a debit-normal account may never be credited
 * beyond its debits, a credit-normal account never debited beyond its credits (TigerBeetle's {@code
 * credits_must_not_exceed_debits} / {@code debits_must_not_exceed_credits}), pending amounts
 * included, so no account ever goes negative.
 */
public enum AccountType {
  /** Money physically held in the institution's custody account at the bank (PRE-05, PRE-10). */
  CUSTODY_CASH(Side.DEBIT),
  /** What custody owes one family for one order: paid and not yet released or refunded. */
  FAMILY_ESCROW(Side.CREDIT),
  /** Released to the institution for confirmed lessons, until paid out of custody (REL-02). */
  INSTITUTION_PAYABLE(Side.CREDIT),
  /** Money in the institution's risk-reserve account (PRE-12, LN-PRE-03). */
  RESERVE_CASH(Side.DEBIT),
  /** The reserve held as a guarantee; never usable as collateral (LN-PRE-03). */
  RESERVE_HELD(Side.CREDIT);

  private final Side normal;

  AccountType(Side normal) {
    this.normal = normal;
  }

  public Side normal() {
    return normal;
  }

  public String idFor(Object owner) {
    return name() + ":" + owner;
  }
}
