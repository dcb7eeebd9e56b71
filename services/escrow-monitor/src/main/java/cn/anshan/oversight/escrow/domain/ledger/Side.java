package cn.anshan.oversight.escrow.domain.ledger;

public enum Side {
  DEBIT,
  CREDIT
}
