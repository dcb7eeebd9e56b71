package cn.anshan.oversight.fee.domain;

import cn.anshan.oversight.fee.domain.CommitteeChoice.Tally;
import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.PendingEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A school's parent committee (LN-ASV-01, LN-ASV-06) as an event aggregate: the school convenes it
 * (which fixes the district its events carry); who represents it is recorded in {@link
 * ParentRepresentative} and chosen by the committee itself ({@link CommitteeChoice}); this row
 * numbers the events about it.
 */
@Entity
@Table(name = "parent_committee")
public class ParentCommittee implements Aggregate {
  public static final String AGGREGATE_TYPE = "ParentCommittee";

  @Id private String schoolId;

  private String district;
  private long version;
  private Instant convenedAt;

  protected ParentCommittee() {}

  public ParentCommittee(String schoolId, String district, Instant convenedAt) {
    this.schoolId = schoolId;
    this.district = district;
    this.convenedAt = convenedAt;
  }

  /** The school convened its committee (once). */
  public PendingEvent convened() {
    return ParentCommitteeEvents.convened(this);
  }

  /** A parent of the school stands for a seat; {@code candidacy} is the motion it opens. */
  public PendingEvent candidacyDeclared(CommitteeMotion candidacy) {
    return ParentCommitteeEvents.candidacyDeclared(this, candidacy);
  }

  /** A parent endorsed a motion; {@code tally} counts it with the endorsements before. */
  public PendingEvent motionEndorsed(CommitteeMotion motion, Tally tally, Instant at) {
    return ParentCommitteeEvents.motionEndorsed(this, motion, tally, at);
  }

  /** The committee seated a representative. */
  public PendingEvent registered(String representative, SeatingBasis basis, Instant at) {
    return ParentCommitteeEvents.registered(this, representative, basis, at);
  }

  /** A representative left the committee (resigned or removed by its majority). */
  public PendingEvent removed(String representative, RemovalReason reason, Instant at) {
    return ParentCommitteeEvents.removed(this, representative, reason, at);
  }

  /** A representative's own vote on a fee proposal of the school (LN-ASV-06 家长自愿). */
  public PendingEvent voteCast(FeeProposal proposal, ConsultationVote vote) {
    return ParentCommitteeEvents.voteCast(this, proposal, vote);
  }

  /** Gives an event about this aggregate its next version, where the command appends it. */
  @Override
  public DomainEvent record(PendingEvent event) {
    return event.numbered(AGGREGATE_TYPE, schoolId, ++version);
  }

  public String schoolId() {
    return schoolId;
  }

  public String district() {
    return district;
  }

  public long version() {
    return version;
  }

  public Instant convenedAt() {
    return convenedAt;
  }
}
