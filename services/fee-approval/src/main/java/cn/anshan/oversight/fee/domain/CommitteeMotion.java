package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An open motion of a school's parent committee about one parent (LN-ASV-06 家长自愿): a parent's
 * candidacy, or the removal of a representative. It is decided by endorsements ({@link
 * CommitteeChoice}) and deleted once carried; its history is in the committee's events.
 */
@Entity
@Table(name = "committee_motion")
public class CommitteeMotion {
  @Id private UUID id;

  private String schoolId;

  private String subject;

  @Enumerated(EnumType.STRING)
  private MotionKind kind;

  private String openedBy;

  private Instant openedAt;

  protected CommitteeMotion() {}

  public CommitteeMotion(
      String schoolId, String subject, MotionKind kind, String openedBy, Instant openedAt) {
    this.id = UUID.randomUUID();
    this.schoolId = schoolId;
    this.subject = subject;
    this.kind = kind;
    this.openedBy = openedBy;
    this.openedAt = openedAt;
  }

  public UUID id() {
    return id;
  }

  public String schoolId() {
    return schoolId;
  }

  /** The parent the motion is about: the candidate, or the representative to be removed. */
  public String subject() {
    return subject;
  }

  public MotionKind kind() {
    return kind;
  }

  public Instant openedAt() {
    return openedAt;
  }
}
