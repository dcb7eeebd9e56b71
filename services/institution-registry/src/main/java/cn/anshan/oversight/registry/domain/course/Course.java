package cn.anshan.oversight.registry.domain.course;

import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.VerificationStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A course an approved institution filed, with its sessions as part of the aggregate: the version
 * counts the course's events (1 = filed, then one per scheduled session or detected price
 * violation), so it is the ETag and the aggregateversion.
 */
@Entity
@Table(name = "course")
public class Course {
  public static final String AGGREGATE_TYPE = "Course";

  @Id private String courseId;

  private long version;

  /** The rule a guided-price schedule found the filed price breaking, until one allows it. */
  private String priceViolationRule;

  private String institutionId;

  private String district;
  private String name;

  @Enumerated(EnumType.STRING)
  private Category category;

  @Enumerated(EnumType.STRING)
  private Subject subject;

  @Enumerated(EnumType.STRING)
  private Mode mode;

  private int lessonMinutes;

  private int maxStudents;

  private long pricePerLessonFen;

  /** Copied from the institution at filing: TIM-04 protects compulsory-education school hours. */
  private boolean compulsoryEducation;

  private Instant filedAt;

  private String filedBy;

  @Enumerated(EnumType.STRING)
  private Classification.TrainingPurpose purpose;

  @Enumerated(EnumType.STRING)
  private Classification.TrainingContent content;

  @Enumerated(EnumType.STRING)
  private Classification.TrainingMethod method;

  @Enumerated(EnumType.STRING)
  private Classification.TrainingEvaluation evaluation;

  private String syllabusReference;

  /** REG-03 check of a non-subject course; null for subject-type courses (nothing to classify). */
  @Enumerated(EnumType.STRING)
  private VerificationStatus classification;

  /** The criteria by which the bureau found the course subject-type, comma-separated. */
  private String subjectTypeBy;

  private String classificationEvidence;

  private Instant classifiedAt;

  private String classifiedBy;

  /** REG-12: how many teaching materials are filed for this course. */
  private int materialsFiled;

  protected Course() {}

  /** Files a course whose form already passed {@link CourseRules}. */
  public static Course file(Provider provider, CourseForm form, String operator, Instant now) {
    Course course = new Course();
    course.courseId = UUID.randomUUID().toString();
    course.institutionId = provider.institutionId();
    course.district = provider.district();
    course.compulsoryEducation = provider.compulsoryEducation();
    course.name = form.name();
    course.category = form.category();
    course.subject = form.subject();
    course.mode = form.mode();
    course.lessonMinutes = form.lessonMinutes();
    course.maxStudents = form.maxStudents();
    course.pricePerLessonFen = form.pricePerLessonFen();
    course.filedAt = now;
    course.filedBy = operator;
    course.version = 1;
    Classification declared = form.classification();
    if (declared != null) {
      course.purpose = declared.purpose();
      course.content = declared.content();
      course.method = declared.method();
      course.evaluation = declared.evaluation();
    }
    course.syllabusReference = form.syllabusReference();
    if (form.category() == Category.NON_SUBJECT) {
      course.classification = VerificationStatus.UNVERIFIED;
    }
    return course;
  }

  /**
   * The education bureau records how it classifies the course on REG-03's criteria (it has the
   * final say): VERIFIED non-subject, or REFUTED — subject-type training filed as non-subject
   * (REG-03, TIM-05). A later decision replaces an earlier one. 409 for a subject-type course.
   */
  public ClassificationDecision classify(ClassificationCheck check, String by, Instant now) {
    if (category != Category.NON_SUBJECT) {
      throw ProblemException.conflict(
          "course-not-classifiable",
          "course "
              + courseId
              + " is filed as subject-type training; REG-03 classification decides about"
              + " non-subject courses");
    }
    ClassificationDecision decision = ClassificationDecision.of(check.assessed());
    classification = decision.status();
    subjectTypeBy =
        decision.subjectTypeBy().isEmpty() ? null : String.join(",", decision.subjectTypeBy());
    classificationEvidence = check.evidenceReference();
    classifiedAt = now;
    classifiedBy = by;
    version++;
    return decision;
  }

  /** Adds a session whose times already passed {@link ScheduleRules}. */
  public CourseSession schedule(
      LocalDateTime start, LocalDateTime end, String operator, Instant now) {
    version++;
    return CourseSession.of(courseId, version, start, end, operator, now);
  }

  /** REG-12: files a teaching material with the approver; the event is the record. */
  public CourseMaterial fileMaterial(MaterialForm form, String operator, Instant now) {
    materialsFiled++;
    version++;
    return CourseMaterial.of(this, form, operator, now);
  }

  public int materialsFiled() {
    return materialsFiled;
  }

  /** REL-04: one of its sessions was reported held; the event is the record. */
  public void sessionHeld() {
    version++;
  }

  /** A new price schedule put the filed price above its ceiling (PRC-03 / PRC-01). */
  public void priceViolationDetected(String rule) {
    priceViolationRule = rule;
    version++;
  }

  /** A later schedule allows the filed price again (PRC-07: sales may resume). */
  public void priceViolationCleared() {
    priceViolationRule = null;
    version++;
  }

  public boolean inPriceViolation() {
    return priceViolationRule != null;
  }

  public String courseId() {
    return courseId;
  }

  public long version() {
    return version;
  }

  public String institutionId() {
    return institutionId;
  }

  public String district() {
    return district;
  }

  public String name() {
    return name;
  }

  public Category category() {
    return category;
  }

  public Subject subject() {
    return subject;
  }

  public Mode mode() {
    return mode;
  }

  public int lessonMinutes() {
    return lessonMinutes;
  }

  public int maxStudents() {
    return maxStudents;
  }

  public long pricePerLessonFen() {
    return pricePerLessonFen;
  }

  public boolean compulsoryEducation() {
    return compulsoryEducation;
  }

  public Instant filedAt() {
    return filedAt;
  }

  /** The operator's own reading of REG-03's criteria; null when none was filed. */
  public Classification declaredClassification() {
    return purpose == null ? null : new Classification(purpose, content, method, evaluation);
  }

  public String syllabusReference() {
    return syllabusReference;
  }

  public VerificationStatus classification() {
    return classification;
  }

  public List<String> subjectTypeBy() {
    return subjectTypeBy == null ? List.of() : List.of(subjectTypeBy.split(","));
  }

  public String classificationEvidence() {
    return classificationEvidence;
  }

  public Instant classifiedAt() {
    return classifiedAt;
  }
}
