package cn.anshan.oversight.registry.domain.course;

import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;

/** What an operator files about a course. */
public record CourseForm(
    String name,
    Category category,
    Subject subject,
    Mode mode,
    int lessonMinutes,
    int maxStudents,
    long pricePerLessonFen) {}
