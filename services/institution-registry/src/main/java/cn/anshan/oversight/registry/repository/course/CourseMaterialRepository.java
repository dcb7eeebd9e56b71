package cn.anshan.oversight.registry.repository.course;

import cn.anshan.oversight.registry.domain.course.CourseMaterial;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class CourseMaterialRepository implements PanacheRepositoryBase<CourseMaterial, String> {

  /** A course's materials in filing order (index course_material_by_course). */
  public Uni<List<CourseMaterial>> ofCourse(String courseId) {
    return list("courseId = ?1 order by filedAt, materialId", courseId);
  }
}
