package cn.anshan.oversight.registry.service.course;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import cn.anshan.oversight.registry.config.RegistrySettings;
import cn.anshan.oversight.registry.config.course.ScheduleSettings;
import cn.anshan.oversight.registry.domain.course.Course;
import cn.anshan.oversight.registry.domain.course.CourseSession;
import cn.anshan.oversight.registry.domain.course.ScheduleRules;
import cn.anshan.oversight.registry.domain.course.SchoolVacations;
import cn.anshan.oversight.registry.repository.course.CourseRepository;
import cn.anshan.oversight.registry.repository.course.CourseSessionRepository;
import cn.anshan.oversight.registry.service.InstitutionGate;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Sessions of a course: the operator schedules them under the timetable rules (TIM-01 to TIM-04);
 * whoever may read the course reads them.
 */
@ApplicationScoped
public class CourseScheduling {
  private final CourseRepository courses;
  private final CourseSessionRepository sessions;
  private final InstitutionGate gate;
  private final Outbox outbox;
  private final OversightClock clock;
  private final ScheduleSettings scheduleSettings;
  private final RegistrySettings registrySettings;
  private final ScheduleRules.Calendars calendars;

  public CourseScheduling(
      CourseRepository courses,
      CourseSessionRepository sessions,
      InstitutionGate gate,
      Outbox outbox,
      OversightClock clock,
      ScheduleSettings scheduleSettings,
      RegistrySettings registrySettings,
      WorkingDayCalendar workingDays,
      SchoolVacations vacations) {
    this.courses = courses;
    this.sessions = sessions;
    this.gate = gate;
    this.outbox = outbox;
    this.clock = clock;
    this.scheduleSettings = scheduleSettings;
    this.registrySettings = registrySettings;
    this.calendars = new ScheduleRules.Calendars(workingDays, vacations);
  }

  /**
   * The operator schedules a session of their own course (TIM-01 to TIM-04). The course is locked
   * and If-Match is required, so the break rule sees every other session of the day.
   */
  @WithTransaction
  public Uni<SessionView> schedule(
      CommandContext command,
      String courseId,
      IfMatch ifMatch,
      LocalDateTime start,
      LocalDateTime end) {
    if (!end.isAfter(start)) {
      throw new ProblemException(
          Problem.ofFields(List.of(new FieldError("/endsAt", "must be after startsAt"))));
    }
    Actor operator = command.actor();
    return courses
        .lock(courseId, course -> CourseScope.own(operator, course, courseId))
        .call(() -> gate.ownApprovedInstitution(operator))
        .chain(
            course -> {
              ifMatch.require(course.version());
              return sessions
                  .onDay(courseId, start.toLocalDate())
                  .chain(sameDay -> schedule(command, course, start, end, sameDay));
            });
  }

  private Uni<SessionView> schedule(
      CommandContext command,
      Course course,
      LocalDateTime start,
      LocalDateTime end,
      List<CourseSession> sameDay) {
    Course.Scheduled scheduled =
        course.schedule(
            start,
            end,
            sameDay,
            calendars,
            scheduleSettings.limits(),
            command.actor().subject(),
            clock.now());
    return sessions
        .persist(scheduled.session())
        .call(() -> outbox.append(command, scheduled.event()))
        .map(SessionView::of);
  }

  @WithSession
  public Uni<SessionPage> sessions(Actor actor, String courseId, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, registrySettings.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    return readable(actor, courseId)
        .chain(course -> sessions.page(courseId, after.localDateTime(), after.id(), size + 1))
        .map(
            found -> {
              List<SessionView> items = found.stream().limit(size).map(SessionView::of).toList();
              String next =
                  found.size() > size
                      ? Keyset.cursor(
                          items.get(size - 1).startsAt(), items.get(size - 1).sessionId())
                      : null;
              return new SessionPage(items, next);
            });
  }

  @WithSession
  public Uni<SessionView> session(Actor actor, String courseId, String sessionId) {
    return readable(actor, courseId)
        .chain(course -> sessions.findById(sessionId))
        .map(
            session ->
                ProblemException.requireFound(
                    session, "session " + sessionId, found -> found.courseId().equals(courseId)))
        .map(session -> SessionView.of(session));
  }

  private Uni<Course> readable(Actor actor, String courseId) {
    return courses.findById(courseId).map(course -> CourseScope.visible(actor, course, courseId));
  }
}
