package cn.anshan.oversight.escrow.domain.entitlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Read model of an institution's standing, fed only by registry events (DESIGN §1): whether it may
 * take prepayments (§11 row 3: a black-listed institution cannot sell, enrol or collect).
 */
@Entity
@Table(name = "institution_standing")
public class InstitutionStanding {
  @Id
  @Column(name = "institution_id")
  private String institutionId;

  private String district;
  private String category;

  @Column(name = "list_status")
  private String listStatus;

  private boolean operational;

  @Column(name = "licence_revoked")
  private boolean licenceRevoked;

  /** The registry's aggregateversion of the last standing event applied; older ones are ignored. */
  @Column(name = "source_version")
  private long sourceVersion;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected InstitutionStanding() {}

  public InstitutionStanding(String institutionId) {
    this.institutionId = institutionId;
    this.listStatus = "NONE";
  }

  /** Applies a list event; returns false when it is older than what is known. */
  public boolean listed(
      long version,
      String district,
      String category,
      String listStatus,
      boolean operational,
      Instant at) {
    if (version <= sourceVersion) {
      return false;
    }
    this.sourceVersion = version;
    this.district = district;
    if (category != null) {
      this.category = category;
    }
    this.listStatus = listStatus;
    this.operational = operational;
    if ("WHITE".equals(listStatus)) {
      this.licenceRevoked = false;
    }
    this.updatedAt = at;
    return true;
  }

  public boolean revoked(long version, String district, Instant at) {
    if (version <= sourceVersion) {
      return false;
    }
    this.sourceVersion = version;
    if (district != null) {
      this.district = district;
    }
    this.licenceRevoked = true;
    this.operational = false;
    this.updatedAt = at;
    return true;
  }

  /**
   * §11 row 3 / LST-01: approved, licensed (valid licence and registration, i.e. operational) and
   * on the white list.
   */
  public boolean entitled() {
    return operational && !licenceRevoked && "WHITE".equals(listStatus);
  }

  public String institutionId() {
    return institutionId;
  }

  public String district() {
    return district;
  }

  public String category() {
    return category;
  }

  public String listStatus() {
    return listStatus;
  }

  public boolean operational() {
    return operational;
  }

  public boolean licenceRevoked() {
    return licenceRevoked;
  }
}
