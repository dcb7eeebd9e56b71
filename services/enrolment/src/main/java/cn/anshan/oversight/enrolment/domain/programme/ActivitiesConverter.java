package cn.anshan.oversight.enrolment.domain.programme;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Stores activities as lines "KIND PROVIDER NAME" ({@code -} for no provider), readable with plain
 * SQL. The name comes last so it may contain spaces; requests refuse line breaks in it.
 */
@Converter
public class ActivitiesConverter implements AttributeConverter<List<Activity>, String> {
  @Override
  public String convertToDatabaseColumn(List<Activity> activities) {
    return activities.stream()
        .map(
            a ->
                a.kind().name()
                    + " "
                    + (a.providerId() == null ? "-" : a.providerId())
                    + " "
                    + a.name())
        .collect(Collectors.joining("\n"));
  }

  @Override
  public List<Activity> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    return Arrays.stream(column.split("\n"))
        .map(line -> line.split(" ", 3))
        .map(p -> new Activity(p[2], ActivityKind.valueOf(p[0]), "-".equals(p[1]) ? null : p[1]))
        .toList();
  }
}
