package cn.anshan.oversight.registry.service.course;

import cn.anshan.oversight.registry.domain.course.CourseSession;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A session as the API shows it; start and end are wall-clock times in Asia/Shanghai. {@code
 * heldAt} and the attending children (enrolment's references) once the institution reported it held
 * (REL-04).
 */
public record SessionView(
    String sessionId,
    String courseId,
    long courseVersion,
    LocalDateTime startsAt,
    LocalDateTime endsAt,
    Instant scheduledAt,
    Instant heldAt,
    List<UUID> attendingChildIds) {

  static SessionView of(CourseSession s) {
    return new SessionView(
        s.sessionId(),
        s.courseId(),
        s.courseVersion(),
        s.startsAt(),
        s.endsAt(),
        s.scheduledAt(),
        s.heldAt(),
        s.attending());
  }
}
