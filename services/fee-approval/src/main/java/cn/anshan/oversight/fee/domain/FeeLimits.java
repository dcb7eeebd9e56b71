package cn.anshan.oversight.fee.domain;

import java.util.Map;
import java.util.Set;

/**
 * The configured numbers the fee rules check against (DOMAIN.md §10 {@code
 * asv.feeCapYuanPerMonth}).
 *
 * @param capFen LN-ASV-03: the general cap in fen per student per month (default 200 yuan)
 * @param levelCapsFen LN-ASV-05: caps of their own for some school levels (fall back to capFen)
 * @param saturdaySeniorCapFen LN-ASV-05: Saturday service at senior level
 * @param catalogue ASV-04: the approved fee items, as programme type + basis pairs
 */
public record FeeLimits(
    long capFen,
    Map<SchoolLevel, Long> levelCapsFen,
    long saturdaySeniorCapFen,
    Set<FeeItem> catalogue) {

  /** One approved fee item of the catalogue (ASV-04: no new fee items). */
  public record FeeItem(ProgrammeType programmeType, FeeBasis basis) {
    public static FeeItem parse(String text) {
      String[] parts = text.trim().split("/");
      if (parts.length != 2) {
        throw new IllegalArgumentException("fee item must be PROGRAMME_TYPE/BASIS: " + text);
      }
      return new FeeItem(ProgrammeType.valueOf(parts[0]), FeeBasis.valueOf(parts[1]));
    }
  }

  /** The cap for a school level and programme type (LN-ASV-03, LN-ASV-05). */
  public long capFor(SchoolLevel level, ProgrammeType programmeType) {
    if (programmeType == ProgrammeType.SATURDAY && level.senior()) {
      return saturdaySeniorCapFen;
    }
    return levelCapsFen.getOrDefault(level, capFen);
  }
}
