package cn.anshan.oversight.enrolment.domain.programme;

import java.time.LocalTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The configured "5+2" numbers (DOMAIN.md §10): days a week and hours a day (ASV-02), the local
 * off-work time the service may not end before (ASV-01), and optional latest ends per grade
 * (LN-ASV-02).
 */
public record AsvLimits(
    int daysPerWeek,
    int minHoursPerDay,
    LocalTime endNotBefore,
    Map<Integer, LocalTime> latestEnd) {

  public AsvLimits {
    latestEnd = Map.copyOf(latestEnd);
  }

  /** LN-ASV-02: the earliest of the configured latest ends of {@code grades}, if any is set. */
  public Optional<LocalTime> latestEndFor(Collection<Integer> grades) {
    return grades.stream().map(latestEnd::get).filter(t -> t != null).min(LocalTime::compareTo);
  }
}
