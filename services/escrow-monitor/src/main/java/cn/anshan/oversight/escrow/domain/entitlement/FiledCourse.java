package cn.anshan.oversight.escrow.domain.entitlement;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Read model of a course filed with the registry (CourseFiled): only filed courses may be sold, at
 * the filed price (PRE-04, LN-PRE-05: nothing outside the displayed items may be charged).
 */
@Entity
@Table(name = "filed_course")
public class FiledCourse {
  @Id private UUID courseId;

  private String institutionId;

  private String district;

  @Enumerated(EnumType.STRING)
  private Category category;

  private String mode;

  /** CON-04: the course name and class-size band the contract states. */
  private String name;

  private String classSizeBand;

  private int lessonMinutes;

  private long pricePerLessonFen;

  private int maxStudents;

  private Instant filedAt;

  private String salesStoppedRule;

  private String salesStoppedDetail;

  private Instant salesStoppedAt;

  protected FiledCourse() {}

  public FiledCourse(
      UUID courseId,
      String institutionId,
      String district,
      Category category,
      String mode,
      int lessonMinutes,
      long pricePerLessonFen,
      int maxStudents,
      String name,
      String classSizeBand,
      Instant filedAt) {
    this.courseId = courseId;
    this.institutionId = institutionId;
    this.district = district;
    this.category = category;
    this.mode = mode;
    this.lessonMinutes = lessonMinutes;
    this.pricePerLessonFen = pricePerLessonFen;
    this.maxStudents = maxStudents;
    this.name = name;
    this.classSizeBand = classSizeBand;
    this.filedAt = filedAt;
  }

  /**
   * PRC-07: the registry found the filed price no longer allowed (its rule, PRC-03 or PRC-01); the
   * course is not sold from now on. The first finding stays the record.
   */
  public void salesStopped(String rule, String detail, Instant at) {
    if (salesStoppedRule == null) {
      salesStoppedRule = rule;
      salesStoppedDetail = detail;
      salesStoppedAt = at;
    }
  }

  /** PRC-07: the registry's schedule allows the filed price again; the course is sold again. */
  public void salesResumed() {
    salesStoppedRule = null;
    salesStoppedDetail = null;
    salesStoppedAt = null;
  }

  public boolean onSale() {
    return salesStoppedRule == null;
  }

  public String salesStoppedRule() {
    return salesStoppedRule;
  }

  public String salesStoppedDetail() {
    return salesStoppedDetail;
  }

  public String name() {
    return name;
  }

  public String classSizeBand() {
    return classSizeBand;
  }

  public UUID courseId() {
    return courseId;
  }

  public String institutionId() {
    return institutionId;
  }

  public String district() {
    return district;
  }

  public Category category() {
    return category;
  }

  public String mode() {
    return mode;
  }

  public int lessonMinutes() {
    return lessonMinutes;
  }

  public long pricePerLessonFen() {
    return pricePerLessonFen;
  }
}
