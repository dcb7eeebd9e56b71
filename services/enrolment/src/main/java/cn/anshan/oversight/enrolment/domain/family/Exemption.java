package cn.anshan.oversight.enrolment.domain.family;

import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A fee exemption (LN-ASV-03 hardship, LN-ASV-06 disabled and extreme-poverty children, §8.3): the
 * guardian claims a category with a reference to the evidence; the school admin of the child's
 * school checks it and grants or rejects. A granted exemption makes every charge of the child 0.
 */
@Entity
@Table(name = "exemption")
public class Exemption implements Aggregate {
  public static final String AGGREGATE_TYPE = "Exemption";

  @Id private UUID id;
  private long version;

  private UUID childId;

  private String guardianSub;

  private String schoolId;

  private String category;

  private String evidenceRef;

  @Enumerated(EnumType.STRING)
  private ExemptionStatus status;

  private Instant claimedAt;

  private String decidedBy;

  private Instant decidedAt;

  private String district;

  protected Exemption() {}

  private Exemption(Child child, String category, String evidenceRef, Instant now) {
    this.id = UUID.randomUUID();
    this.childId = child.id();
    this.guardianSub = child.guardianSub();
    this.schoolId = child.schoolId();
    this.category = category;
    this.evidenceRef = evidenceRef;
    this.status = ExemptionStatus.CLAIMED;
    this.claimedAt = now;
  }

  /**
   * LN-ASV-06: a guardian claims an exemption for their child (the caller has checked the category
   * against the configured ones, before loading the child); the claim with its event.
   */
  public static Decision<Exemption> claim(
      Child child, String category, String evidenceRef, Instant now) {
    Exemption exemption = new Exemption(child, category, evidenceRef, now);
    return Decision.of(exemption, FamilyEvents.exemptionClaimed(exemption));
  }

  /**
   * The school admin verified the evidence (or did not), once; returns ExemptionGranted or
   * ExemptionRejected.
   */
  public PendingEvent decide(boolean grant, String admin, String district, Instant now) {
    if (status != ExemptionStatus.CLAIMED) {
      throw ProblemException.conflict("exemption-decided", "the exemption is already " + status);
    }
    this.status = grant ? ExemptionStatus.GRANTED : ExemptionStatus.REJECTED;
    this.decidedBy = admin;
    this.district = district;
    this.decidedAt = now;
    return FamilyEvents.exemptionDecided(this, grant);
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

  public UUID childId() {
    return childId;
  }

  public String guardianSub() {
    return guardianSub;
  }

  public String schoolId() {
    return schoolId;
  }

  public String category() {
    return category;
  }

  public String evidenceRef() {
    return evidenceRef;
  }

  public ExemptionStatus status() {
    return status;
  }

  public Instant claimedAt() {
    return claimedAt;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String district() {
    return district;
  }
}
