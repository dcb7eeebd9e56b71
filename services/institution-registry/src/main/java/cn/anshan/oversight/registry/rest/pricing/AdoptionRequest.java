package cn.anshan.oversight.registry.rest.pricing;

import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.pricing.Benchmark;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of an adoption: the benchmark prices (fen per student per standard class hour, PRC-05) per
 * mode and class-size band (PRC-04), e.g. band {@code 10-35}.
 */
public record AdoptionRequest(@NotEmpty @Size(max = 50) List<@Valid @NotNull Price> benchmarks) {

  public record Price(
      @NotNull Mode mode,
      @NotBlank @Size(max = 20) String band,
      @Min(1) @Max(100_000_000) long fenPerStandardHour) {}

  List<Benchmark> toBenchmarks() {
    return benchmarks.stream()
        .map(p -> new Benchmark(p.mode(), p.band().strip(), p.fenPerStandardHour()))
        .toList();
  }
}
