package cn.anshan.oversight.escrow.domain.contract;

/**
 * CON-05: how the guardian declares to pay. {@link #TRAINING_LOAN} exists so that a contract
 * declaring one is refused by name (PRE-06), not silently mapped to something else.
 */
public enum PaymentMethod {
  BANK_TRANSFER,
  CARD,
  WECHAT_PAY,
  ALIPAY,
  CASH,
  TRAINING_LOAN
}
