package cn.anshan.oversight.enrolment.domain.programme;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores days of the week as a comma list, e.g. MONDAY,TUESDAY. */
@Converter
public class DaysConverter implements AttributeConverter<Set<DayOfWeek>, String> {
  @Override
  public String convertToDatabaseColumn(Set<DayOfWeek> days) {
    return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
  }

  @Override
  public Set<DayOfWeek> convertToEntityAttribute(String column) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    if (column != null && !column.isBlank()) {
      Arrays.stream(column.split(",")).map(DayOfWeek::valueOf).forEach(days::add);
    }
    return days;
  }
}
