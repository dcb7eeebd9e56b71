package cn.anshan.oversight.registry.domain.course;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.pricing.PriceSchedule;
import cn.anshan.oversight.registry.domain.pricing.PricingPolicy;
import java.util.ArrayList;
import java.util.List;

/** What a course must meet to be filed; every broken rule is reported. */
public final class CourseRules {
  private CourseRules() {}

  public static List<RuleViolation> check(
      CourseForm form,
      Provider institution,
      ScheduleLimits limits,
      PriceSchedule schedule,
      PricingPolicy policy) {
    List<RuleViolation> violations = new ArrayList<>();
    checkCategory(form, institution, violations);
    checkMode(form, institution, violations);
    if (form.mode() == Mode.ONLINE && form.lessonMinutes() > limits.onlineMaxLessonMinutes()) {
      violations.add(
          new RuleViolation(
              "TIM-02",
              "an online class hour lasts at most %d minutes; the course files %d"
                  .formatted(limits.onlineMaxLessonMinutes(), form.lessonMinutes())));
    }
    form.guidedPriceViolation(schedule, policy).ifPresent(violations::add);
    return violations;
  }

  /**
   * TIM-05: a non-subject institution may not teach subject content, so it files neither a SUBJECT
   * course nor a course naming a REG-01 subject. REG-06: a subject-type licence does not cover
   * non-subject training without its own approval. REG-01: a subject course names its subject.
   */
  private static void checkCategory(
      CourseForm form, Provider institution, List<RuleViolation> out) {
    if (institution.category() == Category.NON_SUBJECT && form.category() == Category.SUBJECT) {
      out.add(
          new RuleViolation(
              "TIM-05", "a non-subject institution may not file subject-type training"));
    }
    if (institution.category() == Category.SUBJECT && form.category() == Category.NON_SUBJECT) {
      out.add(
          new RuleViolation(
              "REG-06",
              "a subject-type licence does not allow non-subject training without approval"));
    }
    if (form.category() == Category.NON_SUBJECT && form.subject() != null) {
      out.add(
          new RuleViolation(
              "TIM-05",
              "a non-subject course may not cover the subject %s".formatted(form.subject())));
    }
    if (form.category() == Category.SUBJECT && form.subject() == null) {
      out.add(new RuleViolation("REG-01", "a subject-type course names its subject"));
    }
    if (form.category() == Category.NON_SUBJECT) {
      checkClassification(form.classification(), out);
    }
  }

  /**
   * REG-03: a non-subject course is classified on the four criteria when it is filed, and is
   * non-subject only if none of them points to subject-type training.
   */
  private static void checkClassification(Classification declared, List<RuleViolation> out) {
    if (declared == null) {
      out.add(
          new RuleViolation(
              "REG-03",
              "a non-subject course is filed with its classification on the four criteria"
                  + " (purpose, content, method, evaluation)"));
    } else if (declared.isSubjectType()) {
      out.add(
          new RuleViolation(
              "REG-03",
              "by its own classification the course is subject-type training (by %s); it cannot be filed as non-subject"
                  .formatted(String.join(", ", declared.subjectTypeBy()))));
    }
  }

  /** REG-06: a licence for online training cannot be used offline, and vice versa. */
  private static void checkMode(CourseForm form, Provider institution, List<RuleViolation> out) {
    if (form.mode() != institution.mode()) {
      out.add(
          new RuleViolation(
              "REG-06",
              "the institution is licensed for %s training; the course is %s"
                  .formatted(institution.mode(), form.mode())));
    }
  }
}
