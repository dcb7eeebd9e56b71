package cn.anshan.oversight.registry.domain.staff;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.StudentStage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * STF-05's configured minimum share of full-time teaching staff per offline class: for school-age
 * students and, higher, for pre-school children.
 */
public record ClassStaffing(BigDecimal schoolAgeRatioMin, BigDecimal preSchoolRatioMin) {

  /**
   * STF-05: an offline class of {@code maxStudents} needs full-time teaching staff of at least the
   * share for the institution's youngest students ({@code stages}); the institution's full-time
   * teachers ({@code roster}) are the ones it can assign. Online classes need none.
   */
  public List<RuleViolation> check(
      Mode mode, int maxStudents, Set<StudentStage> stages, StaffRoster roster) {
    if (mode != Mode.OFFLINE) {
      return List.of();
    }
    BigDecimal ratio =
        stages.contains(StudentStage.PRESCHOOL) ? preSchoolRatioMin : schoolAgeRatioMin;
    return StaffRules.checkClass((int) roster.fullTimeTeaching(), maxStudents, ratio);
  }
}
