package cn.anshan.oversight.kit.problem;

import java.util.List;
import java.util.function.Predicate;

/** Thrown by use cases to end a request with a problem+json response; nothing is committed. */
public class ProblemException extends RuntimeException {
  private final Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException rules(List<RuleViolation> violations) {
    return new ProblemException(Problem.ofRules(violations));
  }

  /** Refuses with every broken rule at once (422) unless {@code violations} is empty. */
  public static void requireNone(List<RuleViolation> violations) {
    if (!violations.isEmpty()) {
      throw rules(violations);
    }
  }

  public static ProblemException rule(String rule, String detail) {
    return rules(List.of(new RuleViolation(rule, detail)));
  }

  /**
   * A broken rule answered with another status than 422: 403 when the rule is about who may act
   * (REG-08), 409 when it is about the object's state.
   */
  public static ProblemException rule(int status, String rule, String detail) {
    return new ProblemException(Problem.ofRules(status, List.of(new RuleViolation(rule, detail))));
  }

  /** 404 is also the answer for objects the caller may not see, so existence is not leaked. */
  public static ProblemException notFound(String what) {
    return new ProblemException(Problem.of(404, "not-found", "Not found", what + " not found"));
  }

  /** {@code value}, or a 404 naming {@code what} when there is none. */
  public static <T> T requireFound(T value, String what) {
    if (value == null) {
      throw notFound(what);
    }
    return value;
  }

  /**
   * {@code value} if the caller may see it, else a 404 naming {@code what}: what the caller may not
   * see is answered exactly as what does not exist, so a 404 reveals nothing about other families,
   * schools or institutions.
   */
  public static <T> T requireFound(T value, String what, Predicate<T> visible) {
    if (value == null || !visible.test(value)) {
      throw notFound(what);
    }
    return value;
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
  }

  public static ProblemException conflict(String slug, String detail) {
    return new ProblemException(Problem.of(409, slug, "Conflict", detail));
  }
}
