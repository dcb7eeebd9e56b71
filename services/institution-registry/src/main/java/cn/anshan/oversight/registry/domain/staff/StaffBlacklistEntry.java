package cn.anshan.oversight.registry.domain.staff;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

  public static StaffBlacklistEntry list(
      String entryId,
      String idHash,
      RedLine redLine,
      String detail,
      String regulator,
      String regulatorDistrict,
      Instant now) {
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
