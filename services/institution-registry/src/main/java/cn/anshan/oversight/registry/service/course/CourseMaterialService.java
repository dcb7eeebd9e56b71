package cn.anshan.oversight.registry.service.course;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.domain.course.Course;
import cn.anshan.oversight.registry.domain.course.MaterialForm;
import cn.anshan.oversight.registry.repository.course.CourseMaterialRepository;
import cn.anshan.oversight.registry.repository.course.CourseRepository;
import cn.anshan.oversight.registry.service.InstitutionGate;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * REG-12 (draft): an institution files the teaching materials of its courses with the approver; the
 * institution, the regulator of its district and auditors read them.
 */
@ApplicationScoped
public class CourseMaterialService {
  private final CourseRepository courses;
  private final CourseMaterialRepository materials;
  private final InstitutionGate gate;
  private final Outbox outbox;
  private final OversightClock clock;

  public CourseMaterialService(
      CourseRepository courses,
      CourseMaterialRepository materials,
      InstitutionGate gate,
      Outbox outbox,
      OversightClock clock) {
    this.courses = courses;
    this.materials = materials;
    this.gate = gate;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The course is locked: a filing and a scheduled session bump its version one at a time. */
  @WithTransaction
  public Uni<MaterialView> file(CommandContext command, String courseId, MaterialForm form) {
    Actor operator = command.actor();
    return courses
        .lock(courseId, course -> CourseScope.own(operator, course, courseId))
        .call(course -> gate.ownApprovedInstitution(operator))
        .chain(
            course -> {
              Course.MaterialFiled filed =
                  course.fileMaterial(form, operator.subject(), clock.now());
              return materials
                  .persist(filed.material())
                  .call(() -> outbox.append(command, filed.event()))
                  .map(MaterialView::of);
            });
  }

  @WithSession
  public Uni<List<MaterialView>> list(Actor actor, String courseId) {
    return courses
        .findById(courseId)
        .map(course -> CourseScope.visible(actor, course, courseId))
        .chain(course -> materials.ofCourse(course.courseId()))
        .map(found -> found.stream().map(MaterialView::of).toList());
  }

  @WithSession
  public Uni<MaterialView> get(Actor actor, String courseId, String materialId) {
    return courses
        .findById(courseId)
        .map(course -> CourseScope.visible(actor, course, courseId))
        .chain(course -> materials.findById(materialId))
        .map(
            material ->
                ProblemException.requireFound(
                    material, "material " + materialId, found -> found.courseId().equals(courseId)))
        .map(material -> MaterialView.of(material));
  }
}
