package cn.anshan.oversight.enrolment.domain.provider;

import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.LocalDate;
import java.util.Optional;

/** ASV-06 / §11 row 18: who may serve in a programme, and who must leave. Plain Java. */
public final class ProviderRules {
  public static final String RULE = "ASV-06";

  private ProviderRules() {}

  /**
   * Why {@code standing} may not be admitted on {@code today}: empty when the registry's events say
   * the institution is white-listed, operational and holds a licence valid today.
   */
  public static Optional<String> ineligibility(ProviderStanding standing, LocalDate today) {
    if (standing == null) {
      return Optional.of("the registry has published no standing for this institution");
    }
    if (!"WHITE".equals(standing.listStatus()) || !standing.operational()) {
      return Optional.of("the institution is on list " + standing.listStatus() + ", not WHITE");
    }
    if (!standing.licensed()
        || standing.licenceValidTo() == null
        || standing.licenceValidTo().isBefore(today)) {
      return Optional.of("the institution holds no valid licence");
    }
    return Optional.empty();
  }

  /** ASV-06: refused naming the institution and the first reason, unless it may be admitted. */
  public static void requireAdmissible(
      ProviderStanding standing,
      long barredStaff,
      FiledCourse course,
      ProviderOffer offer,
      LocalDate today) {
    refusal(standing, barredStaff, course, offer, today)
        .ifPresent(
            why -> {
              throw ProblemException.rule(
                  RULE, "institution " + offer.institutionId() + " may not be admitted: " + why);
            });
  }

  /**
   * Why the offer may not be admitted on {@code today}: the institution's standing as above, then
   * its personnel (none of its filed staff on the staff blacklist, STF-06), then the course: one
   * the registry filed for this institution, not classified subject-type by the education bureau
   * (REG-03), and a fee per lesson no higher than its filed price (the school brings a provider in
   * at no more than the public price).
   */
  public static Optional<String> refusal(
      ProviderStanding standing,
      long barredStaff,
      FiledCourse course,
      ProviderOffer offer,
      LocalDate today) {
    Optional<String> ineligible = ineligibility(standing, today);
    if (ineligible.isPresent()) {
      return ineligible;
    }
    if (barredStaff > 0) {
      return Optional.of(
          "%d of the institution's filed staff %s on the staff blacklist (STF-06)"
              .formatted(barredStaff, barredStaff == 1 ? "is" : "are"));
    }
    if (course == null || !course.institutionId().equals(offer.institutionId())) {
      return Optional.of(
          "the registry has filed no course " + offer.courseId() + " of this institution");
    }
    if (course.classifiedSubjectType()) {
      return Optional.of(
          "the education bureau classified course "
              + offer.courseId()
              + " as subject-type training filed as non-subject (REG-03, TIM-05)");
    }
    if (offer.feeFenPerLesson() > course.pricePerLessonFen()) {
      return Optional.of(
          "the fee of "
              + offer.feeFenPerLesson()
              + " fen per lesson is above the course's filed price of "
              + course.pricePerLessonFen()
              + " fen");
    }
    return Optional.empty();
  }

  /** ASV-06 periodic evaluation: a score below the pass mark ends the admission. */
  public static boolean passes(int score, int passMark) {
    return score >= passMark;
  }
}
