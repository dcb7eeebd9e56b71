package cn.anshan.oversight.registry.domain.course;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.pricing.GuidedPrice;
import cn.anshan.oversight.registry.domain.pricing.PriceSchedule;
import cn.anshan.oversight.registry.domain.pricing.PricingPolicy;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Optional;

/**
 * What an operator files about a course. {@code classification} is the operator's own reading of
 * REG-03's four criteria, required for non-subject courses; {@code syllabusReference} points to the
 * teaching plan the education bureau may check it against.
 */
@Embeddable
public record CourseForm(
    String name,
    @Enumerated(EnumType.STRING) Category category,
    @Enumerated(EnumType.STRING) Subject subject,
    @Enumerated(EnumType.STRING) Mode mode,
    int lessonMinutes,
    int maxStudents,
    long pricePerLessonFen,
    @Embedded Classification classification,
    String syllabusReference) {

  /**
   * PRC-01 / PRC-03: the filed price against {@code schedule}'s guided ceiling, if it breaks it.
   */
  Optional<RuleViolation> guidedPriceViolation(PriceSchedule schedule, PricingPolicy policy) {
    return GuidedPrice.check(
        category, mode, maxStudents, lessonMinutes, pricePerLessonFen, schedule, policy);
  }
}
