package cn.anshan.oversight.registry.domain.course;

import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.StudentStage;

/**
 * The facts of an approved institution that its courses depend on: category and mode of its licence
 * (REG-06, TIM-05) and whether it teaches compulsory-education students (TIM-04).
 */
public record Provider(
    String institutionId,
    String district,
    Category category,
    Mode mode,
    boolean compulsoryEducation) {

  public static Provider of(Institution institution) {
    return new Provider(
        institution.institutionId(),
        institution.district(),
        institution.category(),
        institution.mode(),
        institution.form().studentStages().stream().anyMatch(StudentStage::isCompulsory));
  }
}
