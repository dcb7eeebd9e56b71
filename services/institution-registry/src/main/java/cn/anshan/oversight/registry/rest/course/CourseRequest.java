package cn.anshan.oversight.registry.rest.course;

import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.course.CourseForm;
import cn.anshan.oversight.registry.domain.course.Subject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/courses}; money in fen, the lesson length in minutes. */
public record CourseRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull Category category,
    Subject subject,
    @NotNull Mode mode,
    @Min(1) @Max(480) int lessonMinutes,
    @Min(1) @Max(10000) int maxStudents,
    @Min(0) @Max(100_000_000) long pricePerLessonFen) {

  CourseForm toForm() {
    return new CourseForm(
        name.strip(), category, subject, mode, lessonMinutes, maxStudents, pricePerLessonFen);
  }
}
