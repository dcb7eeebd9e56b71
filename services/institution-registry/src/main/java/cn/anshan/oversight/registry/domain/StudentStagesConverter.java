package cn.anshan.oversight.registry.domain;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a set of stages as a comma-separated column in declaration order. */
@Converter
public class StudentStagesConverter implements AttributeConverter<Set<StudentStage>, String> {
  @Override
  public String convertToDatabaseColumn(Set<StudentStage> stages) {
    return EnumSet.copyOf(stages).stream().map(Enum::name).collect(Collectors.joining(","));
  }

  @Override
  public Set<StudentStage> convertToEntityAttribute(String column) {
    Set<StudentStage> stages = EnumSet.noneOf(StudentStage.class);
    Arrays.stream(column.split(",")).map(StudentStage::valueOf).forEach(stages::add);
    return stages;
  }
}
