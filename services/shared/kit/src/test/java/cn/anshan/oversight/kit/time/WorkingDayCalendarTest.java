package cn.anshan.oversight.kit.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {
  final WorkingDayCalendar calendar =
      CalendarProducer.load(List.of(2025, 2026), new ObjectMapper());

  @Test
  void statutoryHolidayIsNotAWorkingDayEvenOnAWeekday() {
    LocalDate nationalDay = LocalDate.of(2026, 10, 1); // a Thursday
    assertTrue(calendar.isStatutoryHoliday(nationalDay));
    assertFalse(calendar.isWorkingDay(nationalDay));
  }

  @Test
  void makeUpWorkingDayOnASaturdayIsAWorkingDay() {
    LocalDate saturday = LocalDate.of(2026, 2, 14);
    assertTrue(calendar.isWorkingDay(saturday));
    assertFalse(calendar.isRestDay(saturday));
  }

  @Test
  void ordinaryWeekendIsARestDay() {
    assertTrue(calendar.isRestDay(LocalDate.of(2026, 3, 7)));
  }

  @Test
  void countingWorkingDaysSkipsTheSpringFestival() {
    // Fri 13 Feb 2026 + 1 working day = Sat 14 Feb (make-up day); + 2 = Tue 24 Feb after the
    // holiday.
    assertEquals(LocalDate.of(2026, 2, 14), calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 1));
    assertEquals(LocalDate.of(2026, 2, 24), calendar.plusWorkingDays(LocalDate.of(2026, 2, 13), 2));
    assertEquals(
        2, calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 24)));
  }

  @Test
  void windowsRunIntoTheProvisional2027Calendar() {
    WorkingDayCalendar withNextYear =
        CalendarProducer.load(List.of(2026, 2027), new ObjectMapper());
    // Mon 21 Dec 2026 + 15 working days (REL-02): Fri 1 Jan 2027 is New Year's Day, so the
    // window ends on Tue 12 Jan instead of Mon 11 Jan
    assertEquals(
        LocalDate.of(2027, 1, 12), withNextYear.plusWorkingDays(LocalDate.of(2026, 12, 21), 15));
    assertTrue(withNextYear.isProvisional(2027));
    assertFalse(withNextYear.isProvisional(2026));
    // the lunar new year of 2027 falls on 6 or 7 February: both are holidays either way
    assertTrue(withNextYear.isStatutoryHoliday(LocalDate.of(2027, 2, 8)));
    assertFalse(withNextYear.isWorkingDay(LocalDate.of(2027, 2, 10)));
  }

  @Test
  void aYearWithoutDataFailsInsteadOfGuessing() {
    assertThrows(
        IllegalStateException.class, () -> calendar.isWorkingDay(LocalDate.of(2031, 5, 1)));
  }
}
