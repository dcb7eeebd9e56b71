package cn.anshan.oversight.registry.domain.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplePlannerTest {
  static final Map<RiskGrade, BigDecimal> RATES =
      Map.of(
          RiskGrade.A, new BigDecimal("0.05"),
          RiskGrade.B, new BigDecimal("0.10"),
          RiskGrade.C, new BigDecimal("0.20"),
          RiskGrade.D, new BigDecimal("0.40"));

  static List<SamplePlanner.Candidate> candidates(RiskGrade grade, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new SamplePlanner.Candidate(grade + "-" + i, grade))
        .toList();
  }

  @Test
  void ins02EachGradeIsSampledAtItsRateRoundedUp() {
    List<SamplePlanner.Candidate> all = new ArrayList<>();
    all.addAll(candidates(RiskGrade.A, 20)); // 5 % of 20 = 1
    all.addAll(candidates(RiskGrade.B, 11)); // 10 % of 11 = 1.1 -> 2
    all.addAll(candidates(RiskGrade.C, 10)); // 20 % of 10 = 2
    all.addAll(candidates(RiskGrade.D, 10)); // 40 % of 10 = 4
    List<String> chosen = SamplePlanner.draw(all, RATES, 42L);
    assertEquals(1, chosen.stream().filter(id -> id.startsWith("A-")).count());
    assertEquals(2, chosen.stream().filter(id -> id.startsWith("B-")).count());
    assertEquals(2, chosen.stream().filter(id -> id.startsWith("C-")).count());
    assertEquals(4, chosen.stream().filter(id -> id.startsWith("D-")).count());
    assertEquals(chosen.size(), new HashSet<>(chosen).size());
  }

  @Test
  void theDrawIsReproducibleFromThePublishedSeedWhateverTheInputOrder() {
    List<SamplePlanner.Candidate> all = new ArrayList<>(candidates(RiskGrade.D, 30));
    List<String> first = SamplePlanner.draw(all, RATES, 7L);
    java.util.Collections.reverse(all);
    assertEquals(first, SamplePlanner.draw(all, RATES, 7L));
    assertEquals(12, first.size());
  }

  @Test
  void emptyGradesAndZeroRatesDrawNobody() {
    assertTrue(SamplePlanner.draw(List.of(), RATES, 1L).isEmpty());
    assertTrue(
        SamplePlanner.draw(candidates(RiskGrade.A, 5), Map.of(RiskGrade.A, BigDecimal.ZERO), 1L)
            .isEmpty());
  }
}
