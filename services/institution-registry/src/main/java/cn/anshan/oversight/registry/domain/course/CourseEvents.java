package cn.anshan.oversight.registry.domain.course;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.VerificationStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Payloads of the Course aggregate's events on {@code oversight.registry.events}; schemas in {@code
 * contracts/events/registry/}. Ids and facts only, no personal data.
 */
public final class CourseEvents {
  private CourseEvents() {}

  public record CourseFiled(
      String courseId,
      String institutionId,
      String district,
      String name,
      Category category,
      Subject subject,
      Mode mode,
      int lessonMinutes,
      int maxStudents,
      String classSizeBand,
      long pricePerLessonFen,
      Long guidedCeilingFen,
      boolean compulsoryEducation,
      Classification classification,
      Instant filedAt) {}

  /** REG-03: the education bureau's classification of a non-subject course (issue 18 item 3). */
  public record CourseClassified(
      String courseId,
      String institutionId,
      String district,
      Classification declared,
      Classification assessed,
      VerificationStatus outcome,
      List<String> subjectTypeBy,
      List<Breach> breaches,
      String evidenceReference,
      Instant classifiedAt) {}

  public record Breach(String rule, String detail) {}

  /** REG-12: a teaching material filed with the approver; title and kind, never its content. */
  public record MaterialFiled(
      String courseId,
      String materialId,
      String institutionId,
      String district,
      String title,
      MaterialKind kind,
      String publisher,
      String isbn,
      Instant filedAt) {}

  public record SessionScheduled(
      String courseId,
      String sessionId,
      String institutionId,
      String district,
      Category category,
      Mode mode,
      Instant startsAt,
      Instant endsAt,
      LocalDateTime localStart,
      LocalDateTime localEnd,
      String zone,
      Instant scheduledAt) {}

  /** REL-04: a scheduled session was held; who attended, by enrolment's child reference only. */
  public record SessionHeld(
      String courseId,
      String sessionId,
      String institutionId,
      String district,
      Instant startsAt,
      Instant endsAt,
      LocalDateTime localStart,
      LocalDateTime localEnd,
      String zone,
      List<UUID> attendingChildIds,
      Instant heldAt) {}

  public record PriceViolationDetected(
      String courseId,
      String institutionId,
      String district,
      String ruleId,
      String detail,
      long pricePerLessonFen,
      Long guidedCeilingFen,
      String locality,
      long scheduleVersion,
      Instant detectedAt) {}

  static DomainEvent filed(Course c, String band, Long ceilingFen) {
    return event(
        c,
        "CourseFiled.v1",
        new CourseFiled(
            c.courseId(),
            c.institutionId(),
            c.district(),
            c.name(),
            c.category(),
            c.subject(),
            c.mode(),
            c.lessonMinutes(),
            c.maxStudents(),
            band,
            c.pricePerLessonFen(),
            ceilingFen,
            c.compulsoryEducation(),
            c.form().classification(),
            c.filedAt()));
  }

  static DomainEvent materialFiled(Course c, CourseMaterial m) {
    return event(
        c,
        "MaterialFiled.v1",
        new MaterialFiled(
            c.courseId(),
            m.materialId(),
            c.institutionId(),
            c.district(),
            m.title(),
            m.kind(),
            m.publisher(),
            m.isbn(),
            m.filedAt()));
  }

  static DomainEvent classified(
      Course c, Classification assessed, ClassificationDecision decision) {
    return event(
        c,
        "CourseClassified.v1",
        new CourseClassified(
            c.courseId(),
            c.institutionId(),
            c.district(),
            c.form().classification(),
            assessed,
            decision.status(),
            decision.subjectTypeBy(),
            decision.breaches().stream().map(b -> new Breach(b.rule(), b.detail())).toList(),
            c.classificationEvidence(),
            c.classifiedAt()));
  }

  static DomainEvent scheduled(Course c, CourseSession s) {
    return event(
        c,
        "SessionScheduled.v1",
        new SessionScheduled(
            c.courseId(),
            s.sessionId(),
            c.institutionId(),
            c.district(),
            c.category(),
            c.mode(),
            s.startsAt().atZone(OversightClock.BUSINESS_ZONE).toInstant(),
            s.endsAt().atZone(OversightClock.BUSINESS_ZONE).toInstant(),
            s.startsAt(),
            s.endsAt(),
            OversightClock.BUSINESS_ZONE.getId(),
            s.scheduledAt()));
  }

  static DomainEvent held(Course c, CourseSession s) {
    return event(
        c,
        "SessionHeld.v1",
        new SessionHeld(
            c.courseId(),
            s.sessionId(),
            c.institutionId(),
            c.district(),
            s.startsAt().atZone(OversightClock.BUSINESS_ZONE).toInstant(),
            s.endsAt().atZone(OversightClock.BUSINESS_ZONE).toInstant(),
            s.startsAt(),
            s.endsAt(),
            OversightClock.BUSINESS_ZONE.getId(),
            s.attending(),
            s.heldAt()));
  }

  /** PRC-07: the price a schedule had found above its ceiling is allowed again. */
  public record PriceViolationCleared(
      String courseId,
      String institutionId,
      String district,
      long pricePerLessonFen,
      Long guidedCeilingFen,
      String locality,
      long scheduleVersion,
      Instant clearedAt) {}

  static DomainEvent priceViolationCleared(
      Course c, Long ceilingFen, String locality, long scheduleVersion, Instant now) {
    return event(
        c,
        "PriceViolationCleared.v1",
        new PriceViolationCleared(
            c.courseId(),
            c.institutionId(),
            c.district(),
            c.pricePerLessonFen(),
            ceilingFen,
            locality,
            scheduleVersion,
            now));
  }

  static DomainEvent priceViolation(
      Course c,
      RuleViolation violation,
      Long ceilingFen,
      String locality,
      long scheduleVersion,
      Instant now) {
    return event(
        c,
        "PriceViolationDetected.v1",
        new PriceViolationDetected(
            c.courseId(),
            c.institutionId(),
            c.district(),
            violation.rule(),
            violation.detail(),
            c.pricePerLessonFen(),
            ceilingFen,
            locality,
            scheduleVersion,
            now));
  }

  private static DomainEvent event(Course c, String name, Object data) {
    return new DomainEvent(
        Course.AGGREGATE_TYPE, c.courseId(), c.version(), name, c.district(), data);
  }
}
