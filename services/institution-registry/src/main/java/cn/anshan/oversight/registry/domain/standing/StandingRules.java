package cn.anshan.oversight.registry.domain.standing;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Checks on the documents an institution files or is issued. */
public final class StandingRules {
  private StandingRules() {}

  /**
   * REG-06: a subject-type institution registers as a 民非; REG-07: a non-subject one needs a
   * business licence, a 民非 or a public-institution certificate.
   */
  public static List<RuleViolation> registration(
      Category category, RegistrationType type, LocalDate validTo, LocalDate today) {
    List<RuleViolation> violations = new ArrayList<>();
    if (category == Category.SUBJECT && type != RegistrationType.MINFEI_CERTIFICATE) {
      violations.add(
          new RuleViolation(
              "REG-06",
              "a subject-type institution must be registered as a 民非 (MINFEI_CERTIFICATE)"));
    }
    if (validTo != null && validTo.isBefore(today)) {
      violations.add(new RuleViolation("REG-06", "the registration expired on " + validTo));
    }
    return violations;
  }

  public static List<RuleViolation> licencePeriod(
      LocalDate validFrom, LocalDate validTo, LocalDate today) {
    List<RuleViolation> violations = new ArrayList<>();
    if (!validTo.isAfter(validFrom)) {
      violations.add(new RuleViolation("REG-06", "the licence must end after it starts"));
    }
    if (validTo.isBefore(today)) {
      violations.add(new RuleViolation("REG-06", "the licence would already be expired"));
    }
    return violations;
  }
}
