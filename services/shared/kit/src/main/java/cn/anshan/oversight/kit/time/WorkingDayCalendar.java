package cn.anshan.oversight.kit.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * China's working-day calendar as data: statutory holidays and make-up working days (调休) per year,
 * published yearly by the State Council. Plain Java, used by every rule that counts working days
 * (REG-05, REL-02, REL-05) or forbids holidays (TIM-01). Asking about a year without data fails
 * instead of guessing.
 */
public final class WorkingDayCalendar {
  private final Map<Integer, Year> years;

  /**
   * One year's data; {@code provisional} when it holds the statutory holidays only, before the
   * State Council published that year's arrangement.
   */
  public record Year(
      int year, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays, boolean provisional) {}

  public WorkingDayCalendar(Map<Integer, Year> years) {
    this.years = Map.copyOf(years);
  }

  public boolean isWorkingDay(LocalDate date) {
    Year year = year(date);
    if (year.holidays().contains(date)) {
      return false;
    }
    if (year.makeUpWorkingDays().contains(date)) {
      return true;
    }
    return !isWeekend(date);
  }

  public boolean isStatutoryHoliday(LocalDate date) {
    return year(date).holidays().contains(date);
  }

  /** Rest days in the TIM-01 sense: weekends that are not make-up working days, and holidays. */
  public boolean isRestDay(LocalDate date) {
    return !isWorkingDay(date);
  }

  /** The date {@code workingDays} working days after {@code start} (start itself not counted). */
  public LocalDate plusWorkingDays(LocalDate start, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("workingDays must be >= 0");
    }
    LocalDate date = start;
    int counted = 0;
    while (counted < workingDays) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  /** Working days in the half-open interval (from, to]. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  public boolean covers(int year) {
    return years.containsKey(year);
  }

  /** True when the year's data is provisional (statutory holidays only). */
  public boolean isProvisional(int year) {
    Year y = years.get(year);
    return y != null && y.provisional();
  }

  private Year year(LocalDate date) {
    Year year = years.get(date.getYear());
    if (year == null) {
      throw new IllegalStateException(
          "no working-day calendar for "
              + date.getYear()
              + "; add calendar/cn-"
              + date.getYear()
              + ".json");
    }
    return year;
  }

  private static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
