package cn.anshan.oversight.registry.service.course;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.registry.domain.course.Course;
import cn.anshan.oversight.registry.domain.course.CourseSession;
import cn.anshan.oversight.registry.repository.course.CourseRepository;
import cn.anshan.oversight.registry.repository.course.CourseSessionRepository;
import cn.anshan.oversight.registry.service.InstitutionGate;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * REL-04 evidence for 一课一消: the institution reports a scheduled session as held, with the children
 * who attended (enrolment's references, no names). Escrow releases a lesson's money only against
 * such a report (SessionHeld).
 */
@ApplicationScoped
public class SessionReports {
  /** REL-04: a lesson is consumed one at a time, for a session that took place. */
  private final CourseRepository courses;

  private final CourseSessionRepository sessions;
  private final InstitutionGate gate;
  private final Outbox outbox;
  private final OversightClock clock;

  public SessionReports(
      CourseRepository courses,
      CourseSessionRepository sessions,
      InstitutionGate gate,
      Outbox outbox,
      OversightClock clock) {
    this.courses = courses;
    this.sessions = sessions;
    this.gate = gate;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The session as reported, and the course's version after the report (its ETag). */
  public record Held(SessionView session, long courseVersion) {}

  /** The operator reports one of its course's sessions held; once, and not before it started. */
  @WithTransaction
  public Uni<Held> reportHeld(
      CommandContext command, String courseId, String sessionId, List<UUID> attending) {
    Actor operator = command.actor();
    return courses
        .lock(courseId, course -> CourseScope.own(operator, course, courseId))
        .call(() -> gate.ownApprovedInstitution(operator))
        .chain(
            course ->
                sessions
                    .findById(sessionId)
                    .map(session -> reportable(course, session, sessionId))
                    .chain(session -> held(command, course, session, attending)));
  }

  private CourseSession reportable(Course course, CourseSession session, String sessionId) {
    if (session == null || !session.courseId().equals(course.courseId())) {
      throw ProblemException.notFound("session " + sessionId + " of course " + course.courseId());
    }
    return session;
  }

  private Uni<Held> held(
      CommandContext command, Course course, CourseSession session, List<UUID> attending) {
    return outbox
        .append(
            command,
            course.sessionHeld(
                session,
                attending.stream().distinct().toList(),
                command.actor().subject(),
                nowLocal(),
                clock.now()))
        .replaceWith(new Held(SessionView.of(session), course.version()));
  }

  private LocalDateTime nowLocal() {
    return LocalDateTime.ofInstant(clock.now(), OversightClock.BUSINESS_ZONE);
  }
}
