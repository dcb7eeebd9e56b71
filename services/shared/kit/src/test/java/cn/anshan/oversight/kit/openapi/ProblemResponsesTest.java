package cn.anshan.oversight.kit.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.kit.problem.RuleViolation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an error response's description becomes the rule violations of its examples. */
class ProblemResponsesTest {

  @Test
  void eachRuleIdGetsTheClauseThatNamesIt() {
    assertEquals(
        List.of(
            new RuleViolation("REL-04", "the session was already asked for"),
            new RuleViolation("LST-01", "the institution may not collect now")),
        ProblemResponses.violations(
            "No paid lesson left; REL-04: the session was already asked for; or LST-01: the"
                + " institution may not collect now"));
  }

  @Test
  void localRulesAndRepeatedIdsAreNamedOnce() {
    assertEquals(
        List.of(
            new RuleViolation("LN-PRE-04", "more than 60 class hours (LN-PRE-04 again)"),
            new RuleViolation("PRE-20", "over 5,000 yuan")),
        ProblemResponses.violations(
            "LN-PRE-04: more than 60 class hours (LN-PRE-04 again); PRE-20: over 5,000 yuan"));
  }

  @Test
  void aRuleInsideAClauseKeepsTheWholeClause() {
    assertEquals(
        List.of(new RuleViolation("REG-08", "outside the regulator's district (REG-08)")),
        ProblemResponses.violations("outside the regulator's district (REG-08)"));
  }

  @Test
  void noRuleIdNoViolation() {
    assertEquals(List.of(), ProblemResponses.violations("Already decided; PDF-1 is not a rule"));
  }
}
