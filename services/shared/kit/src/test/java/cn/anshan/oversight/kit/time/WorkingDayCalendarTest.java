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
  void aYearWithoutDataFailsInsteadOfGuessing() {
    assertThrows(
        IllegalStateException.class, () -> calendar.isWorkingDay(LocalDate.of(2031, 5, 1)));
  }
}
