package cn.anshan.oversight.registry.domain.course;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A teaching material filed for a course (REG-12); part of the Course aggregate. */
@Entity
@Table(name = "course_material")
public class CourseMaterial {
  @Id private String materialId;

  private String courseId;

  private String institutionId;

  private String district;

  private String title;

  @Enumerated(EnumType.STRING)
  private MaterialKind kind;

  private String publisher;

  private String isbn;

  private String reference;

  private Instant filedAt;

  private String filedBy;

  protected CourseMaterial() {}

  static CourseMaterial of(Course course, MaterialForm form, String operator, Instant now) {
    CourseMaterial m = new CourseMaterial();
    m.materialId = UUID.randomUUID().toString();
    m.courseId = course.courseId();
    m.institutionId = course.institutionId();
    m.district = course.district();
    m.title = form.title();
    m.kind = form.kind();
    m.publisher = form.publisher();
    m.isbn = form.isbn();
    m.reference = form.reference();
    m.filedAt = now;
    m.filedBy = operator;
    return m;
  }

  public String materialId() {
    return materialId;
  }

  public String courseId() {
    return courseId;
  }

  public String institutionId() {
    return institutionId;
  }

  public String title() {
    return title;
  }

  public MaterialKind kind() {
    return kind;
  }

  public String publisher() {
    return publisher;
  }

  public String isbn() {
    return isbn;
  }

  public String reference() {
    return reference;
  }

  public Instant filedAt() {
    return filedAt;
  }
}
