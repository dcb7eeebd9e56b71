package cn.anshan.oversight.registry.domain.premises;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stores classrooms as lines "ID AREA MAX NAME", readable with plain SQL. The name comes last so it
 * may contain spaces; requests refuse tabs and line breaks in it.
 */
@Converter
public class ClassroomsConverter implements AttributeConverter<List<Classroom>, String> {
  @Override
  public String convertToDatabaseColumn(List<Classroom> classrooms) {
    return classrooms.stream()
        .map(
            c ->
                c.classroomId()
                    + " "
                    + c.areaSqm().toPlainString()
                    + " "
                    + c.maxStudents()
                    + " "
                    + c.name())
        .collect(Collectors.joining("\n"));
  }

  @Override
  public List<Classroom> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    return Arrays.stream(column.split("\n"))
        .map(line -> line.split(" ", 4))
        .map(
            p ->
                new Classroom(
                    UUID.fromString(p[0]), p[3], new BigDecimal(p[1]), Integer.parseInt(p[2])))
        .toList();
  }
}
