package cn.anshan.oversight.registry.service.course;

import cn.anshan.oversight.registry.domain.course.CourseMaterial;
import cn.anshan.oversight.registry.domain.course.MaterialKind;
import java.time.Instant;

/** A filed teaching material (REG-12) as the API shows it to the institution and its regulator. */
public record MaterialView(
    String materialId,
    String courseId,
    String title,
    MaterialKind kind,
    String publisher,
    String isbn,
    String reference,
    Instant filedAt) {

  static MaterialView of(CourseMaterial m) {
    return new MaterialView(
        m.materialId(),
        m.courseId(),
        m.title(),
        m.kind(),
        m.publisher(),
        m.isbn(),
        m.reference(),
        m.filedAt());
  }
}
