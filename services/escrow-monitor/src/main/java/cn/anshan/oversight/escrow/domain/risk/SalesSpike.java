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

  /**
   * The baseline's average window in words: the weekly default keeps the wording trips always had
   * ("a weekly average of 90000 fen over the 4 weeks before").
   */
  String describeAverage(long averageFen) {
    if (windowDays == 7) {
      return "a weekly average of "
          + averageFen
          + " fen over the "
          + baselineWindows
          + " weeks before";
    }
    return "an average of "
        + averageFen
        + " fen per "
        + windowDays
        + " days over the "
        + windowDays * baselineWindows
        + " days before";
  }

  /** How many days back the baseline starts, counted from now. */
  public int lookBackDays() {
    return windowDays * (1 + baselineWindows);
  }
}
