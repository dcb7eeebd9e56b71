package cn.anshan.oversight.registry.domain.course;

import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One scheduled lesson of a course. Start and end are wall-clock times in Asia/Shanghai, because
 * every time rule (TIM-01 to TIM-04) is about local dates and clock times.
 */
@Entity
@Table(name = "course_session")
public class CourseSession {
  /** The rule a held-session report answers to (attendance evidence before a release). */
  public static final String HELD_RULE = "REL-04";

  @Id private String sessionId;

  private String courseId;

  /** The course version whose event scheduled this session. */
  private long courseVersion;

  private LocalDateTime startsAt;

  private LocalDateTime endsAt;

  private Instant scheduledAt;

  private String scheduledBy;

  private Instant heldAt;

  private String heldReportedBy;

  /** REL-04: the attending children's ids, space-separated, as the institution reported them. */
  private String attendance;

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

  /**
   * REL-04: the institution reports the session held with the children who attended; once only, and
   * not before it started (local time).
   */
  void held(List<UUID> attending, String operator, LocalDateTime nowLocal, Instant now) {
    requireReportable(nowLocal);
    this.heldAt = now;
    this.heldReportedBy = operator;
    this.attendance = String.join(" ", attending.stream().map(UUID::toString).toList());
  }

  /** REL-04: a session is reported held once, and not before it started (local time). */
  private void requireReportable(LocalDateTime nowLocal) {
    if (heldAt != null) {
      throw ProblemException.conflict(
          "session-already-held", "session " + sessionId + " was reported held at " + heldAt);
    }
    if (startsAt.isAfter(nowLocal)) {
      throw ProblemException.rule(
          HELD_RULE,
          "session "
              + sessionId
              + " starts at "
              + startsAt
              + " (Asia/Shanghai): a session cannot be reported held before it started");
    }
  }

  public boolean isHeld() {
    return heldAt != null;
  }

  public Instant heldAt() {
    return heldAt;
  }

  public List<UUID> attending() {
    return attendance == null || attendance.isBlank()
        ? List.of()
        : Arrays.stream(attendance.split(" ")).map(UUID::fromString).toList();
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
