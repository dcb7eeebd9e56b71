package cn.anshan.oversight.enrolment.domain.provider;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A course an institution filed with the registry (CourseFiled), with its filed price: the most a
 * provider may charge a school per lesson of it (ASV-06).
 */
@Entity
@Table(name = "filed_course")
public class FiledCourse {
  @Id private UUID courseId;

  private String institutionId;

  private long pricePerLessonFen;

  private String name;

  private Instant filedAt;

  /** REG-03: the education bureau found this course, filed as non-subject, subject-type. */
  private boolean classifiedSubjectType;

  protected FiledCourse() {}

  public FiledCourse(
      UUID courseId, String institutionId, long pricePerLessonFen, String name, Instant filedAt) {
    this.courseId = courseId;
    this.institutionId = institutionId;
    this.pricePerLessonFen = pricePerLessonFen;
    this.name = name;
    this.filedAt = filedAt;
  }

  /** CourseClassified: REFUTED marks it subject-type training; a later VERIFIED lifts that. */
  public void classified(boolean subjectType) {
    classifiedSubjectType = subjectType;
  }

  public boolean classifiedSubjectType() {
    return classifiedSubjectType;
  }

  public UUID courseId() {
    return courseId;
  }

  public String institutionId() {
    return institutionId;
  }

  public long pricePerLessonFen() {
    return pricePerLessonFen;
  }
}
