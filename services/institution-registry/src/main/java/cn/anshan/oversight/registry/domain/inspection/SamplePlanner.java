package cn.anshan.oversight.registry.domain.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Chooses the institutions of a random-sample inspection (INS-02): per risk grade, the configured
 * share of that grade, rounded up so every non-empty grade with a positive rate is visited. The
 * draw is reproducible from the published seed, so anyone can check it was random (双随机一公开).
 */
public final class SamplePlanner {
  private SamplePlanner() {}

  public record Candidate(String institutionId, RiskGrade grade) {}

  public static List<String> draw(
      List<Candidate> candidates, Map<RiskGrade, BigDecimal> rates, long seed) {
    Map<RiskGrade, List<String>> byGrade = new EnumMap<>(RiskGrade.class);
    for (Candidate c :
        candidates.stream()
            .sorted((a, b) -> a.institutionId().compareTo(b.institutionId()))
            .toList()) {
      byGrade.computeIfAbsent(c.grade(), g -> new ArrayList<>()).add(c.institutionId());
    }
    Random random = new Random(seed);
    List<String> chosen = new ArrayList<>();
    for (RiskGrade grade : RiskGrade.values()) {
      List<String> pool = new ArrayList<>(byGrade.getOrDefault(grade, List.of()));
      BigDecimal rate = rates.getOrDefault(grade, BigDecimal.ZERO);
      int take =
          rate.multiply(BigDecimal.valueOf(pool.size()))
              .setScale(0, RoundingMode.CEILING)
              .intValue();
      Collections.shuffle(pool, random);
      chosen.addAll(pool.subList(0, Math.min(take, pool.size())));
    }
    return chosen;
  }
}
