package cn.anshan.oversight.enrolment.domain.provider;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A staff member of an institution as the registry's staff events describe them: black-listed
 * (STF-06) while filed there, and/or gone. The institution employs a barred person while the first
 * is known and the second is not; either may arrive first (see migration V4).
 */
@Entity
@Table(name = "barred_staff_filing")
public class BarredStaffFiling {
  @Id private String staffId;

  private String institutionId;

  private Instant listedAt;

  private Instant leftAt;

  protected BarredStaffFiling() {}

  public BarredStaffFiling(String staffId, String institutionId) {
    this.staffId = staffId;
    this.institutionId = institutionId;
  }

  /** StaffBlacklisted named this filing; the first listing stays the record. */
  public void listed(Instant at) {
    if (listedAt == null) {
      listedAt = at;
    }
  }

  /** StaffLeft: the person no longer works for the institution. */
  public void left(Instant at) {
    if (leftAt == null) {
      leftAt = at;
    }
  }

  /** The institution employs this black-listed person now. */
  public boolean current() {
    return listedAt != null && leftAt == null;
  }

  public String institutionId() {
    return institutionId;
  }

  public String staffId() {
    return staffId;
  }
}
