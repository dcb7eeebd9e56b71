package cn.anshan.oversight.registry.domain.course;

import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

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
    String syllabusReference) {}
