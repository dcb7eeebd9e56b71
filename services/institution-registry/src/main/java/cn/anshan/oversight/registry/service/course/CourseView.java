package cn.anshan.oversight.registry.service.course;

import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.course.Course;
import cn.anshan.oversight.registry.domain.course.Subject;
import java.time.Instant;

/**
 * A course as the API shows it, to staff and to parents alike: the published facts (PRC-07:
 * content, duration and price are public) and no staff data. {@code guidedCeilingFen} is the
 * subject-type ceiling under the schedule in force, null when none applies.
 */
public record CourseView(
    String courseId,
    long version,
    String institutionId,
    String district,
    String name,
    Category category,
    Subject subject,
    Mode mode,
    int lessonMinutes,
    int maxStudents,
    String classSizeBand,
    long pricePerLessonFen,
    Long guidedCeilingFen,
    boolean compulsoryEducation,
    Instant filedAt) {

  static CourseView of(Course c, String band, Long ceilingFen) {
    return new CourseView(
        c.courseId(),
        c.version(),
        c.institutionId(),
        c.district(),
        c.name(),
        c.category(),
        c.subject(),
        c.mode(),
        c.lessonMinutes(),
        c.maxStudents(),
        band,
        c.pricePerLessonFen(),
        ceilingFen,
        c.compulsoryEducation(),
        c.filedAt());
  }
}
