package cn.anshan.oversight.registry.service.course;

import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.registry.domain.course.Course;

/**
 * Who sees a course and what hangs off it (sessions, materials): its institution's operator, the
 * regulator of its district, auditors. Anyone else is answered as if it did not exist.
 */
final class CourseScope {
  private CourseScope() {}

  static Course visible(Actor actor, Course course, String courseId) {
    if (course == null || !actor.oversees(course.institutionId(), course.district())) {
      throw ProblemException.notFound("course " + courseId);
    }
    return course;
  }

  /** The operator's own course (its institution's); anyone else's is answered as missing. */
  static Course own(Actor operator, Course course, String courseId) {
    if (course == null || !course.institutionId().equals(operator.institutionId())) {
      throw ProblemException.notFound("course " + courseId);
    }
    return course;
  }
}
