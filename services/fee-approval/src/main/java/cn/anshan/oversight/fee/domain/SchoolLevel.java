package cn.anshan.oversight.fee.domain;

/** School level, which selects the fee cap (LN-ASV-03; per-level caps of LN-ASV-05). */
public enum SchoolLevel {
  PRIMARY,
  JUNIOR,
  /** Senior high day school, grades 10–11. */
  SENIOR_DAY,
  /** Senior high grade 12. */
  SENIOR_GRADUATING,
  BOARDING;

  public boolean senior() {
    return this == SENIOR_DAY || this == SENIOR_GRADUATING || this == BOARDING;
  }
}
