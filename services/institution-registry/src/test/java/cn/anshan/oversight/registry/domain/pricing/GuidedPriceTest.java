package cn.anshan.oversight.registry.domain.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuidedPriceTest {
  static final PricingPolicy POLICY =
      new PricingPolicy(new BigDecimal("0.10"), 30, 45, new ClassSizeBands(List.of(9, 35)));

  /** Offline 10-35 at 25 yuan and online 1-9 at 16 yuan per standard class hour. */
  static PriceSchedule schedule() {
    PriceSchedule schedule = PriceSchedule.start("anshan");
    List<RuleViolation> refused =
        schedule.tryAdopt(
            List.of(
                new Benchmark(Mode.OFFLINE, "10-35", 2500),
                new Benchmark(Mode.ONLINE, "1-9", 1600)),
            POLICY.bands(),
            "officer",
            Instant.parse("2026-03-01T00:00:00Z"));
    assertEquals(List.of(), refused);
    return schedule;
  }

  static Optional<RuleViolation> subject(Mode mode, int students, int minutes, long fen) {
    return GuidedPrice.check(Category.SUBJECT, mode, students, minutes, fen, schedule(), POLICY);
  }

  @Test
  void prc04DefaultBandsAreBelowTenTenToThirtyFiveAndAboveThirtyFive() {
    ClassSizeBands bands = POLICY.bands();
    assertEquals(List.of("1-9", "10-35", "36+"), bands.names());
    assertEquals("1-9", bands.bandOf(9));
    assertEquals("10-35", bands.bandOf(10));
    assertEquals("10-35", bands.bandOf(35));
    assertEquals("36+", bands.bandOf(36));
  }

  @Test
  void prc04BandEdgesAreConfigurable() {
    ClassSizeBands shenzhen = new ClassSizeBands(List.of(10, 20, 30));
    assertEquals(List.of("1-10", "11-20", "21-30", "31+"), shenzhen.names());
    assertEquals("11-20", shenzhen.bandOf(11));
  }

  @Test
  void prc03TenPercentAboveTheBenchmarkExactlyIsAllowed() {
    // 2500 × 1.10 = 2750 fen for a standard 45-minute offline class hour.
    assertEquals(Optional.empty(), subject(Mode.OFFLINE, 20, 45, 2750));
  }

  @Test
  void prc03OneFenAboveTheCeilingIsRefused() {
    Optional<RuleViolation> refused = subject(Mode.OFFLINE, 20, 45, 2751);
    assertEquals("PRC-03", refused.orElseThrow().rule());
    assertTrue(refused.get().detail().contains("2750"), refused.get().detail());
  }

  @Test
  void prc03HasNoLowerBound() {
    assertEquals(Optional.empty(), subject(Mode.OFFLINE, 20, 45, 0));
  }

  @Test
  void prc05SixtyMinuteOfflineLessonsArePricedProRata() {
    // 2500 × 1.10 × 60 / 45 = 3666.67: whole fen up to 3666 are within, 3667 is above.
    assertEquals(3666, POLICY.ceilingFen(2500, Mode.OFFLINE, 60));
    assertEquals(Optional.empty(), subject(Mode.OFFLINE, 20, 60, 3666));
    assertEquals("PRC-03", subject(Mode.OFFLINE, 20, 60, 3667).orElseThrow().rule());
  }

  @Test
  void prc05OnlineStandardClassHourIsThirtyMinutes() {
    // 1600 × 1.10 = 1760 for 30 minutes; 20 minutes pro rata = 1173.33.
    assertEquals(Optional.empty(), subject(Mode.ONLINE, 5, 30, 1760));
    assertEquals("PRC-03", subject(Mode.ONLINE, 5, 30, 1761).orElseThrow().rule());
    assertEquals(1173, POLICY.ceilingFen(1600, Mode.ONLINE, 20));
  }

  @Test
  void prc01SubjectCourseWithoutABenchmarkForItsBandIsRefused() {
    assertEquals("PRC-01", subject(Mode.OFFLINE, 40, 45, 100).orElseThrow().rule());
    assertEquals(
        "PRC-01",
        GuidedPrice.check(Category.SUBJECT, Mode.OFFLINE, 20, 45, 100, null, POLICY)
            .orElseThrow()
            .rule());
  }

  @Test
  void nonSubjectPricesAreNotGuided() {
    assertEquals(
        Optional.empty(),
        GuidedPrice.check(Category.NON_SUBJECT, Mode.OFFLINE, 40, 45, 999_999, null, POLICY));
  }

  @Test
  void prc04AdoptionRefusesUnknownBandsAndDuplicatesAndChangesNothing() {
    PriceSchedule schedule = schedule();
    List<RuleViolation> refused =
        schedule.tryAdopt(
            List.of(
                new Benchmark(Mode.OFFLINE, "10-40", 2000),
                new Benchmark(Mode.ONLINE, "1-9", 1000),
                new Benchmark(Mode.ONLINE, "1-9", 1200)),
            POLICY.bands(),
            "officer",
            Instant.parse("2026-03-02T00:00:00Z"));
    assertEquals(List.of("PRC-04", "PRC-04"), refused.stream().map(RuleViolation::rule).toList());
    assertEquals(1, schedule.version());
    assertEquals(2500, schedule.benchmarkFen(Mode.OFFLINE, "10-35").getAsLong());
  }

  @Test
  void benchmarksSurviveTheColumnFormat() {
    BenchmarksConverter converter = new BenchmarksConverter();
    List<Benchmark> benchmarks = schedule().benchmarks();
    assertEquals(
        benchmarks,
        converter.convertToEntityAttribute(converter.convertToDatabaseColumn(benchmarks)));
  }
}
