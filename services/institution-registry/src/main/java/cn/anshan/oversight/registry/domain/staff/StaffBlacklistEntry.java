package cn.anshan.oversight.registry.domain.staff;

import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A person on the city-wide staff blacklist (STF-06), known only by the keyed hash of their
 * national ID number. One entry per person.
 */
@Entity
@Table(name = "staff_blacklist_entry")
public class StaffBlacklistEntry {
  public static final String AGGREGATE_TYPE = "StaffBlacklistEntry";

  @Id private String entryId;

  private long version;

  private String idHash;

  @Enumerated(EnumType.STRING)
  private RedLine redLine;

  private String detail;

  private Instant listedAt;

  private String listedBy;

  private String listedByDistrict;

  protected StaffBlacklistEntry() {}

  /**
   * STF-06: a regulator lists a person who crossed a red line; a person listed already ({@code
   * existing}) is a conflict.
   */
  public static StaffBlacklistEntry list(
      StaffBlacklistEntry existing,
      String entryId,
      String idHash,
      RedLine redLine,
      String detail,
      String regulator,
      String regulatorDistrict,
      Instant now) {
    if (existing != null) {
      throw ProblemException.conflict(
          "already-blacklisted",
          "this person is already on the staff blacklist as entry " + existing.entryId());
    }
    StaffBlacklistEntry entry = new StaffBlacklistEntry();
    entry.entryId = entryId;
    entry.idHash = idHash;
    entry.redLine = redLine;
    entry.detail = detail;
    entry.listedBy = regulator;
    entry.listedByDistrict = regulatorDistrict;
    entry.listedAt = now;
    entry.version = 1;
    return entry;
  }

  /**
   * The StaffBlacklisted event, naming where the person is filed right now ({@code filed}), so that
   * district's regulator can act.
   */
  public DomainEvent listed(List<StaffMember> filed) {
    return StaffEvents.blacklisted(this, filed);
  }

  public String entryId() {
    return entryId;
  }

  public long version() {
    return version;
  }

  public String idHash() {
    return idHash;
  }

  public RedLine redLine() {
    return redLine;
  }

  public String detail() {
    return detail;
  }

  public Instant listedAt() {
    return listedAt;
  }

  public String listedBy() {
    return listedBy;
  }

  public String listedByDistrict() {
    return listedByDistrict;
  }
}
