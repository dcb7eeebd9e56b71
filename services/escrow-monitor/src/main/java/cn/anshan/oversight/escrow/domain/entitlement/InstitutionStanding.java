package cn.anshan.oversight.escrow.domain.entitlement;

import cn.anshan.oversight.escrow.domain.contract.InstitutionParticulars;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Read model of an institution's standing, fed only by registry events (DESIGN §1): whether it may
 * take prepayments (§11 row 3: a black-listed institution cannot sell, enrol or collect).
 */
@Entity
@Table(name = "institution_standing")
public class InstitutionStanding {
  @Id private String institutionId;

  private String district;
  private String category;

  private String listStatus;

  private boolean operational;

  private boolean licenceRevoked;

  /** The registry's aggregateversion of the last standing event applied; older ones are ignored. */
  private long sourceVersion;

  private Instant updatedAt;

  // CON-02 particulars: the last the registry published, for contracts signed from now on
  private String name;
  private String mode;

  private String licenceNo;

  private LocalDate licenceValidTo;

  private String registrationType;

  private String creditCode;

  private LocalDate registrationValidTo;

  /** REL-09: the registry event that took the standing away, the cause of the exit refunds. */
  private UUID lostStandingEvent;

  private String lostStandingCorrelation;

  /** The registry's aggregateversion of the last registration applied. */
  private long registrationVersion;

  protected InstitutionStanding() {}

  public InstitutionStanding(String institutionId) {
    this.institutionId = institutionId;
    this.listStatus = "NONE";
  }

  /**
   * The name, mode and licence a list event carries (InstitutionWhitelisted does), if it is not
   * older than what is known; absent fields keep what is known.
   */
  public void licensed(
      long version, String name, String mode, String licenceNo, LocalDate validTo) {
    if (version < sourceVersion) {
      return;
    }
    if (name != null) {
      this.name = name;
    }
    if (mode != null) {
      this.mode = mode;
    }
    if (licenceNo != null) {
      this.licenceNo = licenceNo;
      this.licenceValidTo = validTo;
    }
  }

  /** RegistrationFiled (REG-05 / REG-06): the legal registration, unless older than known. */
  public void registered(long version, String type, String creditCode, LocalDate validTo) {
    if (version <= registrationVersion) {
      return;
    }
    this.registrationVersion = version;
    this.registrationType = type;
    this.creditCode = creditCode;
    this.registrationValidTo = validTo;
  }

  /** REL-09: records the event that took the standing away (black list, licence revoked). */
  public void lostStanding(UUID eventId, String correlationId) {
    this.lostStandingEvent = eventId;
    this.lostStandingCorrelation = correlationId;
  }

  /** REL-09: black-listed or licence revoked; its open orders are being refunded. */
  public boolean lostStanding() {
    return "BLACK".equals(listStatus) || licenceRevoked;
  }

  public InstitutionParticulars particulars() {
    return new InstitutionParticulars(
        name, mode, licenceNo, licenceValidTo, registrationType, creditCode, registrationValidTo);
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
