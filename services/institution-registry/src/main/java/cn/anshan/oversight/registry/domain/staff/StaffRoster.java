package cn.anshan.oversight.registry.domain.staff;

import java.math.BigDecimal;

/** The active staff of one institution as STF-04 counts them. */
public record StaffRoster(long total, long fullTimeTeaching) {

  public StaffRoster {
    if (total < 0 || fullTimeTeaching < 0 || fullTimeTeaching > total) {
      throw new IllegalArgumentException("impossible roster: " + fullTimeTeaching + " of " + total);
    }
  }

  public StaffRoster joining(boolean fullTimeTeaching) {
    return new StaffRoster(total + 1, this.fullTimeTeaching + (fullTimeTeaching ? 1 : 0));
  }

  public StaffRoster leaving(boolean fullTimeTeaching) {
    return new StaffRoster(total - 1, this.fullTimeTeaching - (fullTimeTeaching ? 1 : 0));
  }

  /** Exact (no rounding): fullTimeTeaching ÷ total ≥ min. An empty staff has nobody to count. */
  public boolean meetsFullTimeRatio(BigDecimal min) {
    return total == 0
        || BigDecimal.valueOf(fullTimeTeaching).compareTo(min.multiply(BigDecimal.valueOf(total)))
            >= 0;
  }
}
