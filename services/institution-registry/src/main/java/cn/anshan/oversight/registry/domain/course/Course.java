package cn.anshan.oversight.registry.domain.course;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.VerificationStatus;
import cn.anshan.oversight.registry.domain.pricing.GuidedPrice;
import cn.anshan.oversight.registry.domain.pricing.PriceSchedule;
import cn.anshan.oversight.registry.domain.pricing.PricingPolicy;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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

  @Embedded private CourseForm form;

  /** Copied from the institution at filing: TIM-04 protects compulsory-education school hours. */
  private boolean compulsoryEducation;

  private Instant filedAt;

  private String filedBy;

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

  /** A filed course, the class-size band and guided ceiling it was filed under, and its event. */
  public record Filed(Course course, String band, Long ceilingFen, DomainEvent event) {}

  /**
   * REG-02…05, PRC-01…03, STF-05: the operator files a course of {@code provider}; the form is
   * checked against the provider, the schedule limits and the locality's price schedule, with
   * {@code staffing} (the class's STF-05 findings) — every broken rule refuses it. The course with
   * its CourseFiled event (version 1).
   */
  public static Filed file(
      Provider provider,
      CourseForm form,
      List<RuleViolation> staffing,
      ScheduleLimits limits,
      PriceSchedule schedule,
      PricingPolicy policy,
      String operator,
      Instant now) {
    List<RuleViolation> violations = new ArrayList<>(staffing);
    violations.addAll(CourseRules.check(form, provider, limits, schedule, policy));
    ProblemException.requireNone(violations);
    Course course = filed(provider, form, operator, now);
    String band = policy.bands().bandOf(course.maxStudents());
    Long ceiling = course.guidedCeilingFen(schedule, policy);
    return new Filed(course, band, ceiling, CourseEvents.filed(course, band, ceiling));
  }

  /** The ceiling of a subject course; non-subject prices are not government-guided. */
  public Long guidedCeilingFen(PriceSchedule schedule, PricingPolicy policy) {
    if (form.category() != Category.SUBJECT) {
      return null;
    }
    return ceilingFen(schedule, policy);
  }

  /** The guided ceiling of the course's mode and band under {@code schedule}, if it has one. */
  private Long ceilingFen(PriceSchedule schedule, PricingPolicy policy) {
    OptionalLong ceiling =
        GuidedPrice.ceilingFen(
            form.mode(), form.maxStudents(), form.lessonMinutes(), schedule, policy);
    return ceiling.isPresent() ? ceiling.getAsLong() : null;
  }

  /** Files a course whose form already passed {@link CourseRules} (tests build courses so). */
  static Course filed(Provider provider, CourseForm form, String operator, Instant now) {
    Course course = new Course();
    course.courseId = UUID.randomUUID().toString();
    course.institutionId = provider.institutionId();
    course.district = provider.district();
    course.compulsoryEducation = provider.compulsoryEducation();
    course.form = form;
    course.filedAt = now;
    course.filedBy = operator;
    course.version = 1;
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
  public DomainEvent classify(ClassificationCheck check, String by, Instant now) {
    if (form.category() != Category.NON_SUBJECT) {
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
    return CourseEvents.classified(this, check.assessed(), decision);
  }

  /** A scheduled session with its SessionScheduled event. */
  public record Scheduled(CourseSession session, DomainEvent event) {}

  /**
   * TIM-01…05, REG-12: the operator schedules a session of the course, refused with every rule its
   * times break against the sessions already on that day ({@code sameDay}).
   */
  public Scheduled schedule(
      LocalDateTime start,
      LocalDateTime end,
      List<CourseSession> sameDay,
      ScheduleRules.Calendars calendars,
      ScheduleLimits limits,
      String operator,
      Instant now) {
    List<RuleViolation> violations =
        ScheduleRules.check(this, start, end, sameDay, calendars, limits);
    ProblemException.requireNone(violations);
    CourseSession session = schedule(start, end, operator, now);
    return new Scheduled(session, CourseEvents.scheduled(this, session));
  }

  /** Adds a session whose times already passed {@link ScheduleRules} (tests add sessions so). */
  CourseSession schedule(LocalDateTime start, LocalDateTime end, String operator, Instant now) {
    version++;
    return CourseSession.of(courseId, version, start, end, operator, now);
  }

  /** A filed teaching material with its CourseMaterialFiled event. */
  public record MaterialFiled(CourseMaterial material, DomainEvent event) {}

  /** REG-12: files a teaching material with the approver; the event is the record. */
  public MaterialFiled fileMaterial(MaterialForm form, String operator, Instant now) {
    materialsFiled++;
    version++;
    CourseMaterial material = CourseMaterial.of(this, form, operator, now);
    return new MaterialFiled(material, CourseEvents.materialFiled(this, material));
  }

  public int materialsFiled() {
    return materialsFiled;
  }

  /**
   * REL-04: the operator reports {@code session} held with who attended, once and not before it
   * started ({@code nowLocal}); the SessionHeld event is the record.
   */
  public DomainEvent sessionHeld(
      CourseSession session,
      List<UUID> attending,
      String operator,
      LocalDateTime nowLocal,
      Instant now) {
    session.held(attending, operator, nowLocal, now);
    version++;
    return CourseEvents.held(this, session);
  }

  /** What a newly adopted price schedule means for the course, and the event if it changed. */
  public record PriceCheck(boolean aboveCeiling, Optional<DomainEvent> event) {}

  /**
   * PRC-01 / PRC-03 / PRC-07: the filed price against a newly adopted {@code schedule}: above its
   * ceiling is a violation (PriceViolationDetected), a violation the schedule no longer sees is
   * cleared (PriceViolationCleared: sales may resume).
   */
  public PriceCheck recheckPrice(PriceSchedule schedule, PricingPolicy policy, Instant now) {
    Optional<RuleViolation> violation = form.guidedPriceViolation(schedule, policy);
    Long ceilingFen = ceilingFen(schedule, policy);
    if (violation.isPresent()) {
      priceViolationRule = violation.get().rule();
      version++;
      return new PriceCheck(
          true,
          Optional.of(
              CourseEvents.priceViolation(
                  this,
                  violation.get(),
                  ceilingFen,
                  schedule.locality(),
                  schedule.version(),
                  now)));
    }
    if (!inPriceViolation()) {
      return new PriceCheck(false, Optional.empty());
    }
    priceViolationRule = null;
    version++;
    return new PriceCheck(
        false,
        Optional.of(
            CourseEvents.priceViolationCleared(
                this, ceilingFen, schedule.locality(), schedule.version(), now)));
  }

  private boolean inPriceViolation() {
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

  /** What the operator filed, with its own reading of REG-03's criteria. */
  public CourseForm form() {
    return form;
  }

  public String name() {
    return form.name();
  }

  public Category category() {
    return form.category();
  }

  public Subject subject() {
    return form.subject();
  }

  public Mode mode() {
    return form.mode();
  }

  public int lessonMinutes() {
    return form.lessonMinutes();
  }

  public int maxStudents() {
    return form.maxStudents();
  }

  public long pricePerLessonFen() {
    return form.pricePerLessonFen();
  }

  public boolean compulsoryEducation() {
    return compulsoryEducation;
  }

  public Instant filedAt() {
    return filedAt;
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
