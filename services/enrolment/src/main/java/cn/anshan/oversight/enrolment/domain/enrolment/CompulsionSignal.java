package cn.anshan.oversight.enrolment.domain.enrolment;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A school account tried to enrol a child itself (ASV-04 (2) no compulsion, §11 row 17 alert): the
 * attempt is refused and kept here, and reported as an event for the regulator and audit.
 */
@Entity
@Table(name = "compulsion_signal")
public class CompulsionSignal {
  public static final String AGGREGATE_TYPE = "CompulsionSignal";
  public static final String DETAIL =
      "only a child's guardian may apply for after-school service; a school account may not enrol"
          + " a child (no compulsion, ASV-04; voluntary sign-up, ASV-05)";

  @Id private UUID id;

  private String schoolId;

  private String district;

  private String attemptedBy;

  private String childId;

  private String programmeId;

  private Instant attemptedAt;

  protected CompulsionSignal() {}

  public CompulsionSignal(
      String schoolId,
      String district,
      String attemptedBy,
      String childId,
      String programmeId,
      Instant now) {
    this.id = UUID.randomUUID();
    this.schoolId = schoolId;
    this.district = district;
    this.attemptedBy = attemptedBy;
    this.childId = childId;
    this.programmeId = programmeId;
    this.attemptedAt = now;
  }

  /** The signal's one event (version 1: a signal never changes), for the regulator and audit. */
  public DomainEvent signalled() {
    return EnrolmentEvents.compulsionSignalled(this, DETAIL);
  }

  /** ASV-04 (2): what the school account is answered once its attempt is recorded. */
  public static ProblemException refusal() {
    return ProblemException.rule(403, Enrolment.NO_COMPULSION, DETAIL);
  }

  public UUID id() {
    return id;
  }

  public String schoolId() {
    return schoolId;
  }

  public String district() {
    return district;
  }

  public String childId() {
    return childId;
  }

  public String programmeId() {
    return programmeId;
  }

  public Instant attemptedAt() {
    return attemptedAt;
  }
}
