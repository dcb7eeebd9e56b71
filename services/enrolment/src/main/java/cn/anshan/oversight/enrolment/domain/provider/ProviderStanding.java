package cn.anshan.oversight.enrolment.domain.provider;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Read model of a registry institution's standing, fed only by registry events (DESIGN §1): list
 * status, whether it is operational, and its licence. Events older than the one applied (by the
 * registry's aggregate version) are ignored.
 */
@Entity
@Table(name = "provider_standing")
public class ProviderStanding {
  @Id private String institutionId;

  private String district;

  private String listStatus;

  private boolean operational;

  private boolean licensed;

  private LocalDate licenceValidTo;

  private long sourceVersion;

  private Instant updatedAt;

  protected ProviderStanding() {}

  public ProviderStanding(String institutionId) {
    this.institutionId = institutionId;
    this.listStatus = "NONE";
  }

  /** A list event carrying the whole standing; false when older than what is known. */
  public boolean listed(
      long version,
      String district,
      String listStatus,
      boolean operational,
      String licenceNo,
      LocalDate licenceValidTo,
      Instant now) {
    if (version <= sourceVersion) {
      return false;
    }
    this.sourceVersion = version;
    this.district = district;
    this.listStatus = listStatus;
    this.operational = operational;
    this.licensed = licenceNo != null && licenceValidTo != null;
    this.licenceValidTo = licenceValidTo;
    this.updatedAt = now;
    return true;
  }

  /** LicenceRevoked or LicenceExpired: the licence lapsed; false when older than what is known. */
  public boolean licenceLapsed(long version, String district, Instant now) {
    if (version <= sourceVersion) {
      return false;
    }
    this.sourceVersion = version;
    this.district = district;
    this.licensed = false;
    this.operational = false;
    this.updatedAt = now;
    return true;
  }

  public String institutionId() {
    return institutionId;
  }

  public String district() {
    return district;
  }

  public String listStatus() {
    return listStatus;
  }

  public boolean operational() {
    return operational;
  }

  public boolean licensed() {
    return licensed;
  }

  public LocalDate licenceValidTo() {
    return licenceValidTo;
  }
}
