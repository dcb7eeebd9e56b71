package cn.anshan.oversight.registry.domain.pricing;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Mode;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The benchmark prices a locality's pricing department adopted (PRC-01, PRC-02). Each adoption
 * replaces the whole set, because the government publishes its price table as one document; the
 * version counts adoptions and is the ETag and aggregateversion.
 */
@Entity
@Table(name = "price_schedule")
public class PriceSchedule {
  public static final String AGGREGATE_TYPE = "PriceSchedule";

  @Id private String locality;

  private long version;

  @Convert(converter = BenchmarksConverter.class)
  private List<Benchmark> benchmarks = List.of();

  private Instant adoptedAt;

  private String adoptedBy;

  protected PriceSchedule() {}

  /**
   * PRC-02: each benchmark belongs to the schedule of the authority that sets it ({@code
   * authorityOf}: the configured locality per mode).
   */
  public static void requireWithinAuthority(
      String locality, List<Benchmark> benchmarks, Function<Mode, String> authorityOf) {
    List<RuleViolation> misplaced = outsideAuthority(locality, benchmarks, authorityOf);
    ProblemException.requireNone(misplaced);
  }

  private static List<RuleViolation> outsideAuthority(
      String locality, List<Benchmark> benchmarks, Function<Mode, String> authorityOf) {
    return benchmarks.stream()
        .map(Benchmark::mode)
        .distinct()
        .filter(mode -> !authorityOf.apply(mode).equals(locality))
        .map(
            mode ->
                new RuleViolation(
                    "PRC-02",
                    "%s benchmarks are set by %s, not in the schedule of %s"
                        .formatted(mode, authorityOf.apply(mode), locality)))
        .toList();
  }

  public static PriceSchedule start(String locality) {
    PriceSchedule schedule = new PriceSchedule();
    schedule.locality = locality;
    return schedule;
  }

  /**
   * PRC-04: the pricing officer adopts {@code adopted} as the locality's benchmarks under {@code
   * policy}, refused with every broken rule; its PriceScheduleAdopted event (the new version).
   */
  public DomainEvent adopt(
      List<Benchmark> adopted, PricingPolicy policy, String officer, Instant now) {
    List<RuleViolation> violations = tryAdopt(adopted, policy.bands(), officer, now);
    ProblemException.requireNone(violations);
    return PricingEvents.adopted(this, policy);
  }

  /**
   * Adopts {@code adopted} as the locality's benchmarks. PRC-04: every band must be one of the
   * configured bands, and each mode and band has one benchmark. Bands may be left out: PRC-10 has
   * no figure for them yet, and subject courses in a missing band are refused (PRC-01).
   */
  List<RuleViolation> tryAdopt(
      List<Benchmark> adopted, ClassSizeBands bands, String officer, Instant now) {
    List<RuleViolation> violations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Benchmark b : adopted) {
      if (!bands.isBand(b.band())) {
        violations.add(
            new RuleViolation(
                "PRC-04",
                "band %s is not a configured class-size band; the bands are %s"
                    .formatted(b.band(), bands.names())));
      } else if (!seen.add(b.mode() + " " + b.band())) {
        violations.add(
            new RuleViolation(
                "PRC-04", "two benchmarks for %s classes of %s".formatted(b.mode(), b.band())));
      }
    }
    if (!violations.isEmpty()) {
      return violations;
    }
    benchmarks = List.copyOf(adopted);
    adoptedAt = now;
    adoptedBy = officer;
    version++;
    return List.of();
  }

  public OptionalLong benchmarkFen(Mode mode, String band) {
    return benchmarks.stream()
        .filter(b -> b.mode() == mode && b.band().equals(band))
        .mapToLong(Benchmark::fenPerStandardHour)
        .findFirst();
  }

  public String locality() {
    return locality;
  }

  public long version() {
    return version;
  }

  public List<Benchmark> benchmarks() {
    return benchmarks;
  }

  public Instant adoptedAt() {
    return adoptedAt;
  }

  public String adoptedBy() {
    return adoptedBy;
  }
}
