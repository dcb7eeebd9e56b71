package cn.anshan.oversight.enrolment.config;

import cn.anshan.oversight.enrolment.domain.charge.RefundGranularity;
import cn.anshan.oversight.enrolment.domain.programme.AsvLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tunable after-school rules (DOMAIN.md §10 {@code asv.*}); never literals in code. */
@ConfigMapping(prefix = "oversight.enrolment")
public interface EnrolmentSettings {
  Asv asv();

  Provider provider();

  /** How often the evaluation watch runs (read by {@code EnrolmentWatch}'s schedule). */
  @WithDefault("1h")
  String watchInterval();

  /** Delay of the first watch run after start. */
  @WithDefault("10s")
  String watchDelay();

  /** Largest page a list returns. */
  @WithDefault("100")
  int maxPageSize();

  interface Asv {
    /**
     * LN-ASV-01: a programme takes enrolments only once the school's parent committee agreed its
     * content. CONFIRMED (news), so on; a city that has not set up committees yet may turn it off.
     */
    @WithDefault("true")
    boolean contentAgreementRequired();

    /** ASV-02 {@code asv.daysPerWeek}: school days a week with after-school service. */
    @WithDefault("5")
    int daysPerWeek();

    /** ASV-02 {@code asv.minHoursPerDay}: minimum length of the daily service. */
    @WithDefault("2")
    int minHoursPerDay();

    /**
     * ASV-01 {@code asv.endNotBefore}: the local normal off-work time; the service may not end
     * earlier. Anshan's value is UNCONFIRMED (DOMAIN.md §12 item 1).
     */
    @WithDefault("17:00")
    LocalTime endNotBefore();

    /**
     * LN-ASV-02 {@code asv.latestEnd[grade]}: latest end by grade (keys 1..9). Grades without an
     * entry have no maximum; application.properties sets the 2019 Liaoning values.
     */
    Map<String, LocalTime> latestEnd();

    /**
     * LN-ASV-05 sanity ceiling: the highest per-level cap under which fee-approval may approve a
     * fee (senior high grade 12 and boarding, 470 yuan). The fee standard is owned by fee-approval,
     * which applies the per-level caps (200 / 280 / 470, LN-ASV-03/05); enrolment charges the
     * published fee as approved and only refuses a published fee above this ceiling, which no
     * approved fee can reach (a corrupt or forged event). Never set it below the highest level cap.
     */
    @WithDefault("470")
    int feeCeilingYuanPerMonth();

    /** §8.3 {@code asv.refundGranularity}: DAY, HALF_MONTH or MONTH. */
    @WithDefault("DAY")
    RefundGranularity refundGranularity();

    /** LN-ASV-06, §8.3 {@code asv.exemptCategories}: categories charged zero. */
    @WithDefault("DISABLED,EXTREME_POVERTY")
    List<String> exemptCategories();

    default AsvLimits limits() {
      Map<Integer, LocalTime> byGrade = new TreeMap<>();
      latestEnd().forEach((grade, time) -> byGrade.put(Integer.valueOf(grade.trim()), time));
      return new AsvLimits(daysPerWeek(), minHoursPerDay(), endNotBefore(), byGrade);
    }
  }

  interface Provider {
    /** ASV-06: score (0-100) a provider must reach in a periodic evaluation to stay admitted. */
    @WithDefault("60")
    int evaluationPassMark();

    /**
     * ASV-06 "evaluated regularly": days from admission (or the last evaluation) until the next
     * evaluation is due; the official interval is UNCONFIRMED, 90 days is one per quarter.
     */
    @WithDefault("90")
    int evaluationIntervalDays();

    /** Overdue evaluations the watch reports per run. */
    @WithDefault("200")
    int watchBatchSize();
  }
}
