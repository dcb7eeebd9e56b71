package cn.anshan.oversight.registry.domain.pricing;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The government-guided price check of a subject-type course (PRC-01, PRC-03, PRC-04, PRC-05):
 * {@code price ≤ benchmark[mode][band] × (1 + floatUpMax) × lessonMinutes / standardMinutes}. There
 * is no lower bound. Non-subject prices are market prices and are not checked.
 */
public final class GuidedPrice {
  private GuidedPrice() {}

  /** The most a lesson may cost, or empty when no benchmark applies. */
  public static OptionalLong ceilingFen(
      Mode mode, int maxStudents, int lessonMinutes, PriceSchedule schedule, PricingPolicy policy) {
    if (schedule == null) {
      return OptionalLong.empty();
    }
    OptionalLong benchmark = schedule.benchmarkFen(mode, policy.bands().bandOf(maxStudents));
    return benchmark.isPresent()
        ? OptionalLong.of(policy.ceilingFen(benchmark.getAsLong(), mode, lessonMinutes))
        : OptionalLong.empty();
  }

  public static Optional<RuleViolation> check(
      Category category,
      Mode mode,
      int maxStudents,
      int lessonMinutes,
      long pricePerLessonFen,
      PriceSchedule schedule,
      PricingPolicy policy) {
    if (category != Category.SUBJECT) {
      return Optional.empty();
    }
    String band = policy.bands().bandOf(maxStudents);
    OptionalLong ceiling = ceilingFen(mode, maxStudents, lessonMinutes, schedule, policy);
    if (ceiling.isEmpty()) {
      return Optional.of(
          new RuleViolation(
              "PRC-01",
              ("subject-type fees are government-guided, and no benchmark is adopted for %s"
                      + " classes of %s students (PRC-10: none published yet)")
                  .formatted(mode, band)));
    }
    if (pricePerLessonFen > ceiling.getAsLong()) {
      return Optional.of(
          new RuleViolation(
              "PRC-03",
              "%d fen per %d-minute lesson exceeds the guided ceiling of %d fen (benchmark for %s"
                      .formatted(pricePerLessonFen, lessonMinutes, ceiling.getAsLong(), mode)
                  + " %s plus at most %s%%, pro rata to %d standard minutes)"
                      .formatted(
                          band,
                          policy
                              .floatUpMax()
                              .movePointRight(2)
                              .stripTrailingZeros()
                              .toPlainString(),
                          policy.standardMinutes(mode))));
    }
    return Optional.empty();
  }
}
