package cn.anshan.oversight.registry.domain.course;

import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;

/**
 * What an operator files about a course. {@code classification} is the operator's own reading of
 * REG-03's four criteria, required for non-subject courses; {@code syllabusReference} points to the
 * teaching plan the education bureau may check it against.
 */
public record CourseForm(
    String name,
    Category category,
    Subject subject,
    Mode mode,
    int lessonMinutes,
    int maxStudents,
    long pricePerLessonFen,
    Classification classification,
    String syllabusReference) {}
