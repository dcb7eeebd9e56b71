package cn.anshan.oversight.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import org.junit.jupiter.api.function.Executable;

/** What a domain object answers when it refuses a change: the problem, its status checked. */
public final class Refusals {
  private Refusals() {}

  public static Problem refused(int status, Executable change) {
    ProblemException refused = assertThrows(ProblemException.class, change);
    assertEquals(status, refused.problem().status(), refused.getMessage());
    return refused.problem();
  }

  /**
   * The last segment of the problem type: {@code licence-in-force}, {@code rules/REG-06}'s {@code
   * REG-06}.
   */
  public static String slug(Problem problem) {
    return problem.type().substring(problem.type().lastIndexOf('/') + 1);
  }
}
