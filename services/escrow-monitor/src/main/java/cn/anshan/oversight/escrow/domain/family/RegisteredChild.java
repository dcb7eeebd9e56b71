package cn.anshan.oversight.escrow.domain.family;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Read model of a child a guardian linked in enrolment (PLT-08, ChildRegistered): the reference an
 * order names instead of the child's name or ID number, and whose guardian may name it.
 */
@Entity
@Table(name = "registered_child")
public class RegisteredChild {
  @Id private UUID childId;

  /** The {@code sub} of the guardian who registered the child. */
  private String guardian;

  private String schoolId;

  private int grade;

  private Instant registeredAt;

  protected RegisteredChild() {}

  public RegisteredChild(
      UUID childId, String guardian, String schoolId, int grade, Instant registeredAt) {
    this.childId = childId;
    this.guardian = guardian;
    this.schoolId = schoolId;
    this.grade = grade;
    this.registeredAt = registeredAt;
  }

  public boolean guardedBy(String subject) {
    return guardian.equals(subject);
  }

  public UUID childId() {
    return childId;
  }

  public String schoolId() {
    return schoolId;
  }

  public int grade() {
    return grade;
  }
}
