package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A child a guardian registered at a school in enrolment (ChildRegistered), by reference only: it
 * makes the guardian a parent of that school, who may represent its parent committee (LN-ASV-06).
 */
@Entity
@Table(name = "registered_child")
public class RegisteredChild {
  @Id private UUID childId;

  private String guardian;

  private String schoolId;

  private Instant registeredAt;

  protected RegisteredChild() {}

  public RegisteredChild(UUID childId, String guardian, String schoolId, Instant registeredAt) {
    this.childId = childId;
    this.guardian = guardian;
    this.schoolId = schoolId;
    this.registeredAt = registeredAt;
  }

  public UUID childId() {
    return childId;
  }
}
