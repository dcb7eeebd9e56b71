package cn.anshan.oversight.kit.metrics;

import cn.anshan.oversight.kit.problem.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * Every problem+json answer counted by status and by the DOMAIN.md rule it names (issue 20 item 1):
 * "refusals by rule ID". Rule IDs and statuses are finite, so the series are bounded; a problem
 * that names no rule counts under {@code rule="none"}.
 */
public final class RefusalMeters {
  private RefusalMeters() {}

  /** Called by the kit's problem mappers, which are not beans: the global registry. */
  public static void count(Problem problem) {
    if (problem.rules() == null || problem.rules().isEmpty()) {
      counter(problem.status(), "none").increment();
      return;
    }
    problem.rules().forEach(rule -> counter(problem.status(), rule).increment());
  }

  private static Counter counter(int status, String rule) {
    return Counter.builder("oversight.refusals")
        .description("problem+json answers, by HTTP status and the rule they name")
        .tag("status", Integer.toString(status))
        .tag("rule", rule)
        .register(Metrics.globalRegistry);
  }
}
