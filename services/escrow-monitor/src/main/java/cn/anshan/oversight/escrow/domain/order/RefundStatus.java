package cn.anshan.oversight.escrow.domain.order;

public enum RefundStatus {
  REQUESTED,
  /** The institution disputed the request; the supervising regulator decides. */
  ESCALATED,
  PAID,
  /** The regulator rejected an escalated refund; the order goes on. */
  REJECTED
}
