package cn.anshan.oversight.escrow.domain.order;

public enum OrderStatus {
  /** Placed, contract recorded, waiting for the bank to report the payment into custody. */
  PLACED,
  /** Paid into custody; lessons are reserved and released one by one (一课一消). */
  PAID,
  /** The parent asked for a refund; the institution has to answer (REL-05). */
  REFUND_REQUESTED,
  /** Refunded: nothing of the family's money is left in custody. */
  REFUNDED,
  /** Every lesson released. */
  COMPLETED
}
