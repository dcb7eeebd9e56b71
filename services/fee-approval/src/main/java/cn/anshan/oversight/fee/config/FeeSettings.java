package cn.anshan.oversight.fee.config;

import cn.anshan.oversight.fee.domain.FeeLimits;
import cn.anshan.oversight.fee.domain.SchoolLevel;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tunable after-school fee rules (DOMAIN.md §10, §8.2). */
@ConfigMapping(prefix = "oversight.fee")
public interface FeeSettings {
  /**
   * LN-ASV-03 {@code asv.feeCapYuanPerMonth}: yuan per student per month, for every school level
   * without a cap of its own. Medium confidence (from 2019); Anshan's amount is UNCONFIRMED.
   */
  @WithDefault("200")
  long capYuanPerMonth();

  /** LN-ASV-05 per-level caps in yuan (attribution UNCONFIRMED, so configuration). */
  LevelCaps levelCapYuanPerMonth();

  /**
   * ASV-04 "no new fee items": the approved catalogue as PROGRAMME_TYPE/BASIS pairs. The default
   * admits a service charge for every programme type and collection on behalf for weekday service
   * (outside providers' fees).
   */
  @WithDefault(
      "AFTER_SCHOOL/SERVICE_CHARGE,AFTER_SCHOOL/COLLECT_ON_BEHALF,SATURDAY/SERVICE_CHARGE,"
          + "HOLIDAY/SERVICE_CHARGE,SUMMER/SERVICE_CHARGE")
  List<String> catalogue();

  /** Longest term a proposal may name, in days (a semester is about 5 months). */
  @WithDefault("184")
  int maxTermDays();

  /**
   * LN-ASV-06 家长自愿: a consultation is counted once more than this share (percent) of the school's
   * parent representatives have voted. The rule names no number (UNCONFIRMED): half is this
   * platform's reading, so a city sets its own.
   */
  @WithDefault("50")
  int consultationQuorumPercent();

  /**
   * LN-ASV-06 家长自愿: how many other parents of the school endorse a candidate to found a parent
   * committee that has no members yet; afterwards the sitting representatives choose by majority.
   * The rule names no number (UNCONFIRMED), so a city sets its own.
   */
  @WithDefault("1")
  @Min(1)
  int committeeFoundingEndorsements();

  /** Largest page a list returns. */
  @WithDefault("100")
  int maxPageSize();

  interface LevelCaps {
    /** Primary school: falls back to the general cap when unset. */
    Optional<Long> primary();

    /** Junior high: falls back to the general cap when unset. */
    Optional<Long> junior();

    /** LN-ASV-05: senior high day school, grades 10–11. */
    @WithDefault("280")
    Optional<Long> seniorDay();

    /** LN-ASV-05: senior high grade 12. */
    @WithDefault("470")
    Optional<Long> seniorGraduating();

    /** LN-ASV-05: boarding schools. */
    @WithDefault("470")
    Optional<Long> boarding();

    /** LN-ASV-05: Saturday service at senior level. */
    @WithDefault("200")
    long saturdaySenior();
  }

  default FeeLimits limits() {
    Map<SchoolLevel, Long> levels = new EnumMap<>(SchoolLevel.class);
    LevelCaps caps = levelCapYuanPerMonth();
    caps.primary().ifPresent(v -> levels.put(SchoolLevel.PRIMARY, v * 100));
    caps.junior().ifPresent(v -> levels.put(SchoolLevel.JUNIOR, v * 100));
    caps.seniorDay().ifPresent(v -> levels.put(SchoolLevel.SENIOR_DAY, v * 100));
    caps.seniorGraduating().ifPresent(v -> levels.put(SchoolLevel.SENIOR_GRADUATING, v * 100));
    caps.boarding().ifPresent(v -> levels.put(SchoolLevel.BOARDING, v * 100));
    Set<FeeLimits.FeeItem> items = new LinkedHashSet<>();
    catalogue().forEach(text -> items.add(FeeLimits.FeeItem.parse(text)));
    return new FeeLimits(
        capYuanPerMonth() * 100,
        Map.copyOf(levels),
        caps.saturdaySenior() * 100,
        Set.copyOf(items));
  }
}
