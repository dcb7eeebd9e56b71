package cn.anshan.oversight.fee.domain;

/** What a motion of a school's parent committee decides about one parent (LN-ASV-06). */
public enum MotionKind {
  /** A parent of the school stands to represent it. */
  SEAT,
  /** The other representatives remove one of them. */
  UNSEAT
}
