package cn.anshan.oversight.registry.rest.course;

import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.course.Classification;
import cn.anshan.oversight.registry.domain.course.CourseForm;
import cn.anshan.oversight.registry.domain.course.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/courses}; money in fen, the lesson length in minutes. */
public record CourseRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull Category category,
    Subject subject,
    @NotNull Mode mode,
    @Min(1) @Max(480) int lessonMinutes,
    @Min(1) @Max(10000) int maxStudents,
    @Min(0) @Max(100_000_000) long pricePerLessonFen,
    @Schema(
            description =
                "REG-03: the operator's classification on the four criteria; required for"
                    + " NON_SUBJECT courses, which are refused when any criterion is the"
                    + " subject-type one")
        @Valid
        ClassificationRequest classification,
    @Schema(description = "Where the teaching plan and materials can be checked (REG-03, REG-12)")
        @Size(min = 1, max = 200)
        String syllabusReference) {

  /** REG-03's four criteria; each first value is the subject-type one. */
  public record ClassificationRequest(
      @NotNull Classification.TrainingPurpose purpose,
      @NotNull Classification.TrainingContent content,
      @NotNull Classification.TrainingMethod method,
      @NotNull Classification.TrainingEvaluation evaluation) {

    public Classification toClassification() {
      return new Classification(purpose, content, method, evaluation);
    }
  }

  CourseForm toForm() {
    return new CourseForm(
        name.strip(),
        category,
        subject,
        mode,
        lessonMinutes,
        maxStudents,
        pricePerLessonFen,
        classification == null ? null : classification.toClassification(),
        syllabusReference == null ? null : syllabusReference.strip());
  }
}
