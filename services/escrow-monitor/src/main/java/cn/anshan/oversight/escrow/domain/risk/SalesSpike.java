package cn.anshan.oversight.escrow.domain.risk;

/**
 * Row 13 (b), a proposed indicator whose numbers are configuration: the sales of the last {@code
 * windowDays} are compared with the average window of the {@code baselineWindows} windows before
 * them; more than {@code factor} times that average trips, unless the sales are below {@code
 * minimumFen} (a new or small institution).
 */
public record SalesSpike(int windowDays, int baselineWindows, double factor, long minimumFen) {

  public SalesSpike {
    if (windowDays < 1 || baselineWindows < 1) {
      throw new IllegalArgumentException("a sales spike needs a window and a baseline of windows");
    }
  }

  /** How many days back the baseline starts, counted from now. */
  public int lookBackDays() {
    return windowDays * (1 + baselineWindows);
  }
}
