package cn.anshan.oversight.escrow.domain.order;

/** Who confirmed a lesson before it was released (REL-02, REL-07). */
public enum Confirmation {
  PARENT,
  AUTO,
  REGULATOR
}
