package cn.anshan.oversight.registry.domain.pricing;

import cn.anshan.oversight.registry.domain.Mode;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Stores benchmarks as lines "MODE BAND FEN", readable with plain SQL. */
@Converter
public class BenchmarksConverter implements AttributeConverter<List<Benchmark>, String> {
  @Override
  public String convertToDatabaseColumn(List<Benchmark> benchmarks) {
    return benchmarks.stream()
        .map(b -> b.mode() + " " + b.band() + " " + b.fenPerStandardHour())
        .collect(Collectors.joining("\n"));
  }

  @Override
  public List<Benchmark> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return List.of();
    }
    return Arrays.stream(column.split("\n"))
        .map(line -> line.split(" "))
        .map(p -> new Benchmark(Mode.valueOf(p[0]), p[1], Long.parseLong(p[2])))
        .toList();
  }
}
