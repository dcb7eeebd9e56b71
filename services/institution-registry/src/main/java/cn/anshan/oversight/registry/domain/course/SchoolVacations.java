package cn.anshan.oversight.registry.domain.course;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Winter and summer vacations of the local schools per year (TIM-01, TIM-04). They are set by the
 * city each year, so they are data; a year without data is never guessed.
 */
public final class SchoolVacations {
  private final Map<Integer, List<Vacation>> years;

  public record Vacation(String name, LocalDate from, LocalDate to) {
    boolean contains(LocalDate date) {
      return !date.isBefore(from) && !date.isAfter(to);
    }
  }

  public SchoolVacations(Map<Integer, List<Vacation>> years) {
    this.years = Map.copyOf(years);
  }

  public boolean covers(int year) {
    return years.containsKey(year);
  }

  public Optional<Vacation> vacationOn(LocalDate date) {
    return years.getOrDefault(date.getYear(), List.of()).stream()
        .filter(v -> v.contains(date))
        .findFirst();
  }
}
