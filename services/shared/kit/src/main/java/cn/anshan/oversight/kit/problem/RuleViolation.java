package cn.anshan.oversight.kit.problem;

import java.util.Objects;

/** One broken business rule, named by its DOMAIN.md ID (e.g. {@code REG-04}). */
public record RuleViolation(String rule, String detail) {
  public RuleViolation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return rule + ": " + detail;
  }
}
