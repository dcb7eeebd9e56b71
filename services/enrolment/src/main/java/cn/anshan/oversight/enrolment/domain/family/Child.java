package cn.anshan.oversight.enrolment.domain.family;

import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A child registered by a guardian (ASV-05): only the generated id, the school, the grade and the
 * guardian's subject are kept; no name and no ID number ever reach this service.
 */
@Entity
@Table(name = "child")
public class Child implements Aggregate {
  public static final String AGGREGATE_TYPE = "Child";

  @Id private UUID id;
  private long version;

  private String guardianSub;

  private String schoolId;

  private int grade;

  private Instant registeredAt;

  protected Child() {}

  public Child(String guardianSub, String schoolId, int grade, Instant now) {
    this.id = UUID.randomUUID();
    this.guardianSub = guardianSub;
    this.schoolId = schoolId;
    this.grade = grade;
    this.registeredAt = now;
  }

  /** A guardian registers their child at a school and grade; the child with its event. */
  public static Decision<Child> register(
      String guardianSub, String schoolId, int grade, Instant now) {
    Child child = new Child(guardianSub, schoolId, grade, now);
    return Decision.of(child, FamilyEvents.childRegistered(child));
  }

  public boolean guardedBy(String subject) {
    return guardianSub.equals(subject);
  }

  /** Gives an event about this aggregate its next version, where the command appends it. */
  @Override
  public DomainEvent record(PendingEvent event) {
    return event.numbered(AGGREGATE_TYPE, id.toString(), ++version);
  }

  public UUID id() {
    return id;
  }

  public long version() {
    return version;
  }

  public String guardianSub() {
    return guardianSub;
  }

  public String schoolId() {
    return schoolId;
  }

  public int grade() {
    return grade;
  }

  public Instant registeredAt() {
    return registeredAt;
  }
}
