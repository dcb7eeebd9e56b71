package cn.anshan.oversight.escrow.domain.entitlement;

import cn.anshan.oversight.kit.problem.RuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
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

  private String classifiedSubjectTypeDetail;

  private Instant classifiedSubjectTypeAt;

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

  /**
   * REG-03 / TIM-05 (issue 18 item 3): the education bureau found the course, filed as non-subject,
   * to be subject-type training; it is not sold while that decision stands.
   */
  public void classifiedSubjectType(String detail, Instant at) {
    classifiedSubjectTypeDetail = detail;
    classifiedSubjectTypeAt = at;
  }

  /** A later decision found it non-subject after all: the classification no longer stops sales. */
  public void classifiedNonSubject() {
    classifiedSubjectTypeDetail = null;
    classifiedSubjectTypeAt = null;
  }

  /**
   * The rule that stops sales: disguised subject-type training first (no price makes it sellable),
   * then a price the registry no longer allows (PRC-07).
   */
  public Optional<RuleViolation> whyNotOnSale() {
    if (classifiedSubjectTypeDetail != null) {
      return Optional.of(
          new RuleViolation(
              "TIM-05",
              "the education bureau classified the course as subject-type training filed as"
                  + " non-subject (REG-03): "
                  + classifiedSubjectTypeDetail));
    }
    if (salesStoppedRule != null) {
      return Optional.of(
          new RuleViolation(
              salesStoppedRule,
              "the registry found its filed price no longer allowed (PRC-07: only the published"
                  + " price may be charged): "
                  + salesStoppedDetail));
    }
    return Optional.empty();
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
