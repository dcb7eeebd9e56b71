package cn.anshan.oversight.registry.domain.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One scheduled lesson of a course. Start and end are wall-clock times in Asia/Shanghai, because
 * every time rule (TIM-01 to TIM-04) is about local dates and clock times.
 */
@Entity
@Table(name = "course_session")
public class CourseSession {
  @Id
  @Column(name = "session_id")
  private String sessionId;

  @Column(name = "course_id")
  private String courseId;

  /** The course version whose event scheduled this session. */
  @Column(name = "course_version")
  private long courseVersion;

  @Column(name = "starts_at")
  private LocalDateTime startsAt;

  @Column(name = "ends_at")
  private LocalDateTime endsAt;

  @Column(name = "scheduled_at")
  private Instant scheduledAt;

  @Column(name = "scheduled_by")
  private String scheduledBy;

  protected CourseSession() {}

  static CourseSession of(
      String courseId,
      long courseVersion,
      LocalDateTime start,
      LocalDateTime end,
      String operator,
      Instant now) {
    CourseSession session = new CourseSession();
    session.sessionId = UUID.randomUUID().toString();
    session.courseId = courseId;
    session.courseVersion = courseVersion;
    session.startsAt = start;
    session.endsAt = end;
    session.scheduledAt = now;
    session.scheduledBy = operator;
    return session;
  }

  public String sessionId() {
    return sessionId;
  }

  public String courseId() {
    return courseId;
  }

  public long courseVersion() {
    return courseVersion;
  }

  public LocalDateTime startsAt() {
    return startsAt;
  }

  public LocalDateTime endsAt() {
    return endsAt;
  }

  public Instant scheduledAt() {
    return scheduledAt;
  }
}
