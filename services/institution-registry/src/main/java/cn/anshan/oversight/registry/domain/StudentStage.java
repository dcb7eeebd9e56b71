package cn.anshan.oversight.registry.domain;

/** Who an institution teaches; primary and junior secondary are compulsory education. */
public enum StudentStage {
  PRESCHOOL,
  PRIMARY,
  JUNIOR_SECONDARY,
  SENIOR_SECONDARY;

  public boolean isCompulsory() {
    return this == PRIMARY || this == JUNIOR_SECONDARY;
  }
}
