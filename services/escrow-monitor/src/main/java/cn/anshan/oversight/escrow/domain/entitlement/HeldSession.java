package cn.anshan.oversight.escrow.domain.entitlement;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * Read model of a course session the registry scheduled (SessionScheduled) and, once the
 * institution reported it, held (SessionHeld): the evidence a lesson's money is released against
 * (REL-04). Who attended is kept beside it ({@code session_attendance}).
 */
@Entity
@Table(name = "course_session")
public class HeldSession {
  @Id private UUID sessionId;

  private UUID courseId;

  private String institutionId;

  private Instant startsAt;

  private Instant endsAt;

  /** Wall-clock times in Asia/Shanghai, as the parent reads them. */
  private LocalDateTime localStart;

  private LocalDateTime localEnd;

  private Instant heldAt;

  protected HeldSession() {}

  public HeldSession(
      UUID sessionId,
      UUID courseId,
      String institutionId,
      Instant startsAt,
      Instant endsAt,
      LocalDateTime localStart,
      LocalDateTime localEnd) {
    this.sessionId = sessionId;
    this.courseId = courseId;
    this.institutionId = institutionId;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.localStart = localStart;
    this.localEnd = localEnd;
  }

  /** SessionHeld: the first report is the record. */
  public void held(Instant at) {
    if (heldAt == null) {
      heldAt = at;
    }
  }

  public boolean isHeld() {
    return heldAt != null;
  }

  public boolean isOver(Instant now) {
    return !endsAt.isAfter(now);
  }

  public UUID sessionId() {
    return sessionId;
  }

  public UUID courseId() {
    return courseId;
  }

  public LocalDateTime localStart() {
    return localStart;
  }

  public LocalDateTime localEnd() {
    return localEnd;
  }
}
