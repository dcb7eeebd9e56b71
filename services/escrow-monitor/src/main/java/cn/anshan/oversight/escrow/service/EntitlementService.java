package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.domain.entitlement.FiledCourse;
import cn.anshan.oversight.escrow.domain.entitlement.HeldSession;
import cn.anshan.oversight.escrow.domain.entitlement.InstitutionStanding;
import cn.anshan.oversight.escrow.repository.CourseRepository;
import cn.anshan.oversight.escrow.repository.SessionRepository;
import cn.anshan.oversight.escrow.repository.StandingRepository;
import cn.anshan.oversight.kit.db.LearnedFacts;
import cn.anshan.oversight.kit.events.IncomingEvent;
import cn.anshan.oversight.kit.time.OversightClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the read models escrow needs from registry events (DESIGN §1): institution entitlement (§11
 * row 3) and filed courses with their prices (row 6). Runs inside the Inbox transaction.
 */
@ApplicationScoped
public class EntitlementService {
  private final StandingRepository standings;
  private final CourseRepository courses;
  private final SessionRepository sessions;
  private final OversightClock clock;

  public EntitlementService(
      StandingRepository standings,
      CourseRepository courses,
      SessionRepository sessions,
      OversightClock clock) {
    this.standings = standings;
    this.courses = courses;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** What a standing event changed. */
  public record Change(
      String institutionId, boolean wasEntitled, boolean entitled, boolean lostStanding) {}

  /** A registry event applied to an institution's standing. */
  @FunctionalInterface
  public interface StandingUpdate {
    /** Applies the event; true when it took the institution's standing away (REL-09). */
    boolean applyTo(InstitutionStanding standing);
  }

  /**
   * A list, licence or registration event (§11 row 3): applies it to the institution's standing,
   * remembers the event that took the standing away, and answers what changed.
   */
  public Uni<Change> standingChanged(
      IncomingEvent event, String institutionId, StandingUpdate update) {
    return standingOf(institutionId)
        .chain(
            standing -> {
              boolean was = standing.entitled();
              boolean lost = update.applyTo(standing);
              if (lost) {
                standing.lostStanding(event.id(), event.correlationId());
              }
              return standings
                  .persist(standing)
                  .map(s -> new Change(institutionId, was, s.entitled(), lost));
            });
  }

  /** SessionScheduled: a session of a course, the evidence a lesson is later consumed against. */
  public Uni<Void> sessionScheduled(HeldSession scheduled) {
    return known(scheduled).replaceWithVoid();
  }

  /**
   * SessionHeld (REL-04): the institution reported the session held, with who attended (the session
   * is created from this event when its SessionScheduled never reached escrow).
   */
  public Uni<Void> sessionHeld(HeldSession reported, Instant heldAt, List<UUID> attending) {
    return known(reported)
        .invoke(session -> session.held(heldAt))
        .call(session -> sessions.attended(session.sessionId(), attending))
        .replaceWithVoid();
  }

  private Uni<HeldSession> known(HeldSession fromEvent) {
    return sessions
        .findById(fromEvent.sessionId())
        .chain(known -> known != null ? Uni.createFrom().item(known) : sessions.persist(fromEvent));
  }

  /** CourseFiled: a course the institution may sell, at its filed price; learnt once. */
  public Uni<Void> courseFiled(FiledCourse filed) {
    return LearnedFacts.learnOnce(courses, filed.courseId(), filed);
  }

  /**
   * PRC-07 (issue 17 item 4): the registry's PriceViolationDetected stops sales of the course; a
   * course escrow never heard of is nothing to stop.
   */
  public Uni<Void> priceViolation(UUID courseId, String rule, String detail) {
    return courses
        .findById(courseId)
        .invoke(
            course -> {
              if (course != null) {
                course.salesStopped(rule, detail, clock.now());
              }
            })
        .replaceWithVoid();
  }

  /** PRC-07: PriceViolationCleared resumes sales of the course. */
  public Uni<Void> priceViolationCleared(UUID courseId) {
    return courses
        .findById(courseId)
        .invoke(
            course -> {
              if (course != null) {
                course.salesResumed();
              }
            })
        .replaceWithVoid();
  }

  /**
   * REG-03 / TIM-05 (issue 18 item 3): the bureau's classification of a course filed as non-subject
   * stops its sales when it found subject-type training, and lifts that stop when a later decision
   * did not; a course escrow never heard of is nothing to stop.
   */
  public Uni<Void> courseClassified(UUID courseId, boolean subjectType, String finding) {
    return courses
        .findById(courseId)
        .invoke(
            course -> {
              if (course == null) {
                return;
              }
              if (subjectType) {
                course.classifiedSubjectType(finding, clock.now());
              } else {
                course.classifiedNonSubject();
              }
            })
        .replaceWithVoid();
  }

  private Uni<InstitutionStanding> standingOf(String institutionId) {
    return standings
        .findById(institutionId)
        .map(s -> s == null ? new InstitutionStanding(institutionId) : s);
  }
}
