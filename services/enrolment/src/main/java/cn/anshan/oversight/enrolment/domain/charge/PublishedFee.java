package cn.anshan.oversight.enrolment.domain.charge;

import cn.anshan.oversight.enrolment.domain.programme.ProgrammeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Read model of fee-approval's FeePublished events: the fee a school may charge for one term and
 * programme type (LN-ASV-06, §11 row 19). A higher revision supersedes a lower one.
 */
@Entity
@Table(name = "published_fee")
public class PublishedFee {
  @Id private String id;

  private String schoolId;

  private String district;

  private String termId;

  @Enumerated(EnumType.STRING)
  private ProgrammeType programmeType;

  private String proposalId;

  private String basis;

  private long feeFenPerMonth;

  private int revision;

  private LocalDate validFrom;

  private LocalDate validTo;

  private Instant publishedAt;

  private UUID eventId;

  protected PublishedFee() {}

  public PublishedFee(String schoolId, String termId, ProgrammeType programmeType) {
    this.id = key(schoolId, termId, programmeType);
    this.schoolId = schoolId;
    this.termId = termId;
    this.programmeType = programmeType;
    this.revision = Integer.MIN_VALUE;
  }

  public static String key(String schoolId, String termId, ProgrammeType type) {
    return schoolId + "|" + termId + "|" + type;
  }

  /** Applies a publication unless it is older than the one known; returns whether it applied. */
  public boolean publish(
      int revision,
      String district,
      String proposalId,
      String basis,
      long feeFenPerMonth,
      LocalDate validFrom,
      LocalDate validTo,
      Instant publishedAt,
      UUID eventId) {
    if (revision < this.revision) {
      return false;
    }
    this.revision = revision;
    this.district = district;
    this.proposalId = proposalId;
    this.basis = basis;
    this.feeFenPerMonth = feeFenPerMonth;
    this.validFrom = validFrom;
    this.validTo = validTo;
    this.publishedAt = publishedAt;
    this.eventId = eventId;
    return true;
  }

  /** Whether the fee is in force on some day of [start, end] (null bounds are open). */
  public boolean covers(LocalDate start, LocalDate end) {
    return (validFrom == null || !validFrom.isAfter(end))
        && (validTo == null || !validTo.isBefore(start));
  }

  public String schoolId() {
    return schoolId;
  }

  public String termId() {
    return termId;
  }

  public ProgrammeType programmeType() {
    return programmeType;
  }

  public String proposalId() {
    return proposalId;
  }

  public long feeFenPerMonth() {
    return feeFenPerMonth;
  }

  public int revision() {
    return revision;
  }

  public LocalDate validFrom() {
    return validFrom;
  }

  public LocalDate validTo() {
    return validTo;
  }
}
