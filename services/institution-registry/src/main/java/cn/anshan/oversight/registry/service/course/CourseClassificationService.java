package cn.anshan.oversight.registry.service.course;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.config.pricing.PricingSettings;
import cn.anshan.oversight.registry.domain.course.ClassificationCheck;
import cn.anshan.oversight.registry.domain.course.Course;
import cn.anshan.oversight.registry.repository.course.CourseRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The education bureau classifies a non-subject course on REG-03's four criteria (issue 18 item 3):
 * it has the final say, so the regulator of the course's district records the decision; anyone else
 * is answered 404.
 */
@ApplicationScoped
public class CourseClassificationService {
  private final CourseRepository courses;
  private final Outbox outbox;
  private final OversightClock clock;
  private final PricingSettings pricing;

  public CourseClassificationService(
      CourseRepository courses, Outbox outbox, OversightClock clock, PricingSettings pricing) {
    this.courses = courses;
    this.outbox = outbox;
    this.clock = clock;
    this.pricing = pricing;
  }

  /**
   * The course is locked once the regulator's scope is checked, so a decision and a scheduled
   * session are recorded one after another.
   */
  @WithTransaction
  public Uni<CourseView> classify(
      CommandContext command, String courseId, IfMatch ifMatch, ClassificationCheck check) {
    return courses
        .lock(courseId, course -> supervised(command.actor(), course, courseId))
        .invoke(course -> ifMatch.require(course.version()))
        .call(
            course ->
                outbox.append(
                    command, course.classify(check, command.actor().subject(), clock.now())))
        .map(this::view);
  }

  /** Only non-subject courses are classified, and their prices have no guided ceiling. */
  private CourseView view(Course course) {
    return CourseView.of(course, pricing.policy().bands().bandOf(course.maxStudents()), null);
  }

  private static Course supervised(Actor regulator, Course course, String courseId) {
    if (course == null || !regulator.inDistrict(course.district())) {
      throw ProblemException.notFound("course " + courseId);
    }
    return course;
  }
}
