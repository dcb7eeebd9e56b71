package cn.anshan.oversight.escrow.domain.order;

public enum ConsumptionStatus {
  REQUESTED,
  CONFIRMED,
  AUTO_CONFIRMED,
  DISPUTED,
  /** Withdrawn by a refund before it was confirmed. */
  CANCELLED
}
