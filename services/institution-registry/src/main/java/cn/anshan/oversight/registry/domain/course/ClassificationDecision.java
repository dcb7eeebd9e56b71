package cn.anshan.oversight.registry.domain.course;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.VerificationStatus;
import java.util.List;

/**
 * The outcome of a classification check: VERIFIED (non-subject, as filed), or REFUTED — the course
 * is subject-type training by the criteria named, which a non-subject course may not be (REG-03,
 * TIM-05).
 */
public record ClassificationDecision(
    VerificationStatus status, List<String> subjectTypeBy, List<RuleViolation> breaches) {

  static ClassificationDecision of(Classification assessed) {
    List<String> by = assessed.subjectTypeBy();
    if (by.isEmpty()) {
      return new ClassificationDecision(VerificationStatus.VERIFIED, by, List.of());
    }
    return new ClassificationDecision(
        VerificationStatus.REFUTED,
        by,
        List.of(
            new RuleViolation(
                "REG-03",
                "the education bureau found the course subject-type training by its "
                    + String.join(", ", by)),
            new RuleViolation(
                "TIM-05",
                "a course filed as non-subject training teaches subject content (disguised"
                    + " subject-type training)")));
  }
}
