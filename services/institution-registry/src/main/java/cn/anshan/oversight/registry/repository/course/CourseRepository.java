package cn.anshan.oversight.registry.repository.course;

import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.course.Course;
import cn.anshan.oversight.registry.domain.inspection.DeclarationChecks;
import cn.anshan.oversight.registry.repository.DeclarationCounts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

@ApplicationScoped
public class CourseRepository implements PanacheRepositoryBase<Course, String> {

  /**
   * The course, locked until the transaction ends: a scheduling decision reads the course's other
   * sessions (TIM-02 breaks), so two of them must not interleave. {@code scope} (which refuses a
   * missing or foreign course) runs before the lock, so a caller cannot make anyone wait on a
   * course that is not theirs; the row is then re-read under the lock, so a change committed in
   * between is seen.
   */
  public Uni<Course> lock(String courseId, UnaryOperator<Course> scope) {
    return findById(courseId)
        .map(scope)
        .call(
            course ->
                Panache.getSession()
                    .chain(session -> session.refresh(course, LockModeType.PESSIMISTIC_WRITE)));
  }

  /** One page of an institution's courses in id order, strictly after {@code afterId}. */
  public Uni<List<Course>> page(String institutionId, String afterId, int limit) {
    String query = "institutionId = :institution";
    Parameters params = Parameters.with("institution", institutionId);
    if (afterId != null) {
      query += " and courseId > :after";
      params.and("after", afterId);
    }
    return find(query + " order by courseId", params).page(0, limit).list();
  }

  /**
   * Per institution of the district, its non-subject courses whose REG-03 classification is
   * unchecked or refuted (INS-02 sampling); served by index {@code course_classification}.
   */
  public Uni<Map<String, DeclarationChecks>> declarationChecksIn(String district) {
    return DeclarationCounts.perInstitution(
        "Course", "classification", "e.classification is not null", district);
  }

  /** Every filed subject course, locked: a new price schedule may add an event to each (PRC-03). */
  public Uni<List<Course>> lockSubjectCourses() {
    return find("form.category = ?1 order by courseId", Category.SUBJECT)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }
}
