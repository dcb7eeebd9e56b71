package cn.anshan.oversight.escrow.domain.order;

public enum RefundCause {
  /** The parent withdrew (CON-06 cooling-off or CON-07 unconsumed value). */
  PARENT,
  /** The institution lost its standing or closed (REL-09, CON-08): full refund of the balance. */
  INSTITUTION
}
