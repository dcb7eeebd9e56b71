package cn.anshan.oversight.escrow.domain.order;

public enum ConsumptionStatus {
  REQUESTED,
  CONFIRMED,
  AUTO_CONFIRMED,
  DISPUTED,
  /** The regulator upheld the dispute: the reservation went back to the family (REL-07). */
  RETURNED,
  /** Withdrawn by a refund before it was confirmed. */
  CANCELLED
}
