package cn.anshan.oversight.fee.domain;

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
public class ParentCommittee {
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

  /** Gives an event about this aggregate its next version, where the command appends it. */
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
