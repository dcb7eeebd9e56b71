package cn.anshan.oversight.registry.service.course;

import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.VerificationStatus;
import cn.anshan.oversight.registry.domain.course.Classification;
import cn.anshan.oversight.registry.domain.course.Course;
import cn.anshan.oversight.registry.domain.course.Subject;
import java.time.Instant;
import java.util.List;

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
    ClassificationView classification,
    Instant filedAt) {

  /**
   * REG-03: how the operator classified a non-subject course, and where the education bureau's
   * check stands (UNVERIFIED until it decides; REFUTED names the criteria by which the course is
   * subject-type). Null for subject-type courses.
   */
  public record ClassificationView(
      Classification declared,
      String syllabusReference,
      VerificationStatus status,
      List<String> subjectTypeBy,
      Instant classifiedAt) {}

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
        c.classification() == null
            ? null
            : new ClassificationView(
                c.form().classification(),
                c.form().syllabusReference(),
                c.classification(),
                c.subjectTypeBy(),
                c.classifiedAt()),
        c.filedAt());
  }
}
