package cn.anshan.oversight.enrolment.domain.programme;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Stores grades as a comma list, e.g. 1,2,3. */
@Converter
public class GradesConverter implements AttributeConverter<List<Integer>, String> {
  @Override
  public String convertToDatabaseColumn(List<Integer> grades) {
    return grades.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
  }

  @Override
  public List<Integer> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    return Arrays.stream(column.split(",")).map(Integer::valueOf).toList();
  }
}
