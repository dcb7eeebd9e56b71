package cn.anshan.oversight.registry.domain.pricing;

import java.util.ArrayList;
import java.util.List;

/**
 * PRC-04 class-size bands, defined by the largest class size of every band but the last (default 9
 * and 35: "1-9", "10-35", "36+"). Localities may redefine them (Shenzhen uses four), so the edges
 * are configuration and a band is named by its range.
 */
public final class ClassSizeBands {
  private final List<Integer> upperBounds;
  private final List<String> names;

  public ClassSizeBands(List<Integer> upperBounds) {
    List<String> labels = new ArrayList<>();
    int from = 1;
    for (int upper : upperBounds) {
      if (upper < from) {
        throw new IllegalArgumentException(
            "class-size band edges must be positive and increasing: " + upperBounds);
      }
      labels.add(from + "-" + upper);
      from = upper + 1;
    }
    labels.add(from + "+");
    this.upperBounds = List.copyOf(upperBounds);
    this.names = List.copyOf(labels);
  }

  /** The band a class of {@code maxStudents} (at least 1) belongs to. */
  public String bandOf(int maxStudents) {
    for (int i = 0; i < upperBounds.size(); i++) {
      if (maxStudents <= upperBounds.get(i)) {
        return names.get(i);
      }
    }
    return names.get(names.size() - 1);
  }

  public List<String> names() {
    return names;
  }

  public boolean isBand(String name) {
    return names.contains(name);
  }
}
