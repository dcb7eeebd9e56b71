package cn.anshan.oversight.registry.domain.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.course.Classification.TrainingContent;
import cn.anshan.oversight.registry.domain.course.Classification.TrainingEvaluation;
import cn.anshan.oversight.registry.domain.course.Classification.TrainingMethod;
import cn.anshan.oversight.registry.domain.course.Classification.TrainingPurpose;
import cn.anshan.oversight.registry.domain.pricing.Benchmark;
import cn.anshan.oversight.registry.domain.pricing.ClassSizeBands;
import cn.anshan.oversight.registry.domain.pricing.PriceSchedule;
import cn.anshan.oversight.registry.domain.pricing.PricingPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourseRulesTest {
  static final ScheduleLimits LIMITS =
      new ScheduleLimits(
          LocalTime.of(20, 30),
          LocalTime.of(21, 0),
          30,
          10,
          LocalTime.of(8, 0),
          LocalTime.of(16, 30),
          false);
  static final PricingPolicy POLICY =
      new PricingPolicy(new BigDecimal("0.10"), 30, 45, new ClassSizeBands(List.of(9, 35)));
  static final Provider SUBJECT_OFFLINE =
      new Provider("inst-s", "tiedong", Category.SUBJECT, Mode.OFFLINE, true);
  static final Provider ART_OFFLINE =
      new Provider("inst-a", "tiedong", Category.NON_SUBJECT, Mode.OFFLINE, true);
  static final Provider ART_ONLINE =
      new Provider("inst-o", "tiedong", Category.NON_SUBJECT, Mode.ONLINE, true);

  static PriceSchedule schedule() {
    PriceSchedule schedule = PriceSchedule.start("anshan");
    schedule.adopt(
        List.of(new Benchmark(Mode.OFFLINE, "10-35", 2500)),
        POLICY,
        "officer",
        Instant.parse("2026-03-01T00:00:00Z"));
    return schedule;
  }

  static final Classification NON_SUBJECT =
      new Classification(
          TrainingPurpose.INTEREST_AND_ABILITY,
          TrainingContent.NON_SUBJECT_CONTENT,
          TrainingMethod.EXPERIENCE_AND_PRACTICE,
          TrainingEvaluation.PROCESS_AND_SHOWCASE);

  static CourseForm maths(long fen) {
    return new CourseForm(
        "Grade 8 maths",
        Category.SUBJECT,
        Subject.MATHEMATICS,
        Mode.OFFLINE,
        45,
        20,
        fen,
        null,
        null);
  }

  static CourseForm drawing(Mode mode, int minutes) {
    return new CourseForm(
        "Drawing", Category.NON_SUBJECT, null, mode, minutes, 12, 9000, NON_SUBJECT, null);
  }

  static List<String> rules(CourseForm form, Provider provider) {
    return CourseRules.check(form, provider, LIMITS, schedule(), POLICY).stream()
        .map(RuleViolation::rule)
        .toList();
  }

  @Test
  void subjectInstitutionFilesASubjectCourseWithinTheGuidedPrice() {
    assertEquals(List.of(), rules(maths(2750), SUBJECT_OFFLINE));
  }

  @Test
  void prc03SubjectCourseAboveTheCeilingIsRefusedAtFiling() {
    assertEquals(List.of("PRC-03"), rules(maths(2751), SUBJECT_OFFLINE));
  }

  @Test
  void prc01SubjectCourseInABandWithoutBenchmarkIsRefused() {
    CourseForm bigClass =
        new CourseForm(
            "Maths lecture",
            Category.SUBJECT,
            Subject.MATHEMATICS,
            Mode.OFFLINE,
            45,
            40,
            100,
            null,
            null);
    assertEquals(List.of("PRC-01"), rules(bigClass, SUBJECT_OFFLINE));
  }

  @Test
  void tim05NonSubjectInstitutionMayNotFileSubjectContent() {
    assertEquals(List.of("TIM-05"), rules(maths(2000), ART_OFFLINE));
    CourseForm disguised =
        new CourseForm(
            "Fun English",
            Category.NON_SUBJECT,
            Subject.ENGLISH,
            Mode.OFFLINE,
            45,
            12,
            5000,
            NON_SUBJECT,
            null);
    assertEquals(List.of("TIM-05"), rules(disguised, ART_OFFLINE));
    assertEquals(List.of(), rules(drawing(Mode.OFFLINE, 90), ART_OFFLINE));
  }

  @Test
  void reg06SubjectLicenceDoesNotCoverNonSubjectTraining() {
    assertEquals(List.of("REG-06"), rules(drawing(Mode.OFFLINE, 45), SUBJECT_OFFLINE));
  }

  @Test
  void reg06CourseModeMustMatchTheLicence() {
    assertEquals(List.of("REG-06"), rules(drawing(Mode.ONLINE, 30), ART_OFFLINE));
    assertEquals(List.of("REG-06"), rules(drawing(Mode.OFFLINE, 30), ART_ONLINE));
  }

  @Test
  void reg03ANonSubjectCourseIsFiledWithItsClassification() {
    CourseForm unclassified =
        new CourseForm(
            "Drawing", Category.NON_SUBJECT, null, Mode.OFFLINE, 90, 12, 9000, null, null);
    assertEquals(List.of("REG-03"), rules(unclassified, ART_OFFLINE));
  }

  @Test
  void reg03AnyOneSubjectTypeCriterionMakesTheCourseSubjectType() {
    Classification drilled =
        new Classification(
            TrainingPurpose.INTEREST_AND_ABILITY,
            TrainingContent.NON_SUBJECT_CONTENT,
            TrainingMethod.LECTURE_AND_DRILL,
            TrainingEvaluation.PROCESS_AND_SHOWCASE);
    assertEquals(List.of("method"), drilled.subjectTypeBy());
    CourseForm form =
        new CourseForm(
            "Drawing drills",
            Category.NON_SUBJECT,
            null,
            Mode.OFFLINE,
            90,
            12,
            9000,
            drilled,
            null);
    List<RuleViolation> refused = CourseRules.check(form, ART_OFFLINE, LIMITS, schedule(), POLICY);
    assertEquals(List.of("REG-03"), refused.stream().map(RuleViolation::rule).toList());
    assertTrue(refused.get(0).detail().contains("by method"), refused.get(0).detail());
    Classification exam =
        new Classification(
            TrainingPurpose.SUBJECT_GRADES,
            TrainingContent.SUBJECT_CURRICULUM,
            TrainingMethod.EXPERIENCE_AND_PRACTICE,
            TrainingEvaluation.SCORES_AND_EXAMS);
    assertEquals(List.of("purpose", "content", "evaluation"), exam.subjectTypeBy());
    assertFalse(NON_SUBJECT.isSubjectType());
  }

  @Test
  void reg01SubjectCourseNamesItsSubject() {
    CourseForm noSubject =
        new CourseForm(
            "Homework help", Category.SUBJECT, null, Mode.OFFLINE, 45, 20, 2000, null, null);
    assertEquals(List.of("REG-01"), rules(noSubject, SUBJECT_OFFLINE));
  }

  @Test
  void tim02OnlineLessonOfThirtyMinutesIsAllowedThirtyOneRefused() {
    assertEquals(List.of(), rules(drawing(Mode.ONLINE, 30), ART_ONLINE));
    assertEquals(List.of("TIM-02"), rules(drawing(Mode.ONLINE, 31), ART_ONLINE));
  }
}
