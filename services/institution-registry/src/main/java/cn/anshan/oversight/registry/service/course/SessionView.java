package cn.anshan.oversight.registry.service.course;

import cn.anshan.oversight.registry.domain.course.CourseSession;
import java.time.Instant;
import java.time.LocalDateTime;

/** A session as the API shows it; start and end are wall-clock times in Asia/Shanghai. */
public record SessionView(
    String sessionId,
    String courseId,
    long courseVersion,
    LocalDateTime startsAt,
    LocalDateTime endsAt,
    Instant scheduledAt) {

  static SessionView of(CourseSession s) {
    return new SessionView(
        s.sessionId(), s.courseId(), s.courseVersion(), s.startsAt(), s.endsAt(), s.scheduledAt());
  }
}
