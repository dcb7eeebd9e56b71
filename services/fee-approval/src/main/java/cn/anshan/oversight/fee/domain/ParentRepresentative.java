package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A parent seated on the school's parent committee (LN-ASV-01, LN-ASV-06) by the committee's own
 * choice ({@link CommitteeChoice}): only such a parent may vote on and record the committee's
 * resolution or a hearing for the school's fee proposals. Known by the Keycloak subject only.
 */
@Entity
@Table(name = "parent_representative")
@IdClass(ParentRepresentative.Key.class)
public class ParentRepresentative {
  @Id private String schoolId;

  @Id private String subject;

  private String district;

  private String registeredBy;

  private Instant registeredAt;

  @Enumerated(EnumType.STRING)
  private SeatingBasis seatedBy;

  protected ParentRepresentative() {}

  /**
   * @param registeredBy the parent whose endorsement carried the candidacy
   */
  public ParentRepresentative(
      String schoolId,
      String subject,
      String district,
      SeatingBasis seatedBy,
      String registeredBy,
      Instant now) {
    this.schoolId = schoolId;
    this.subject = subject;
    this.district = district;
    this.seatedBy = seatedBy;
    this.registeredBy = registeredBy;
    this.registeredAt = now;
  }

  public String schoolId() {
    return schoolId;
  }

  public String subject() {
    return subject;
  }

  public String district() {
    return district;
  }

  public String registeredBy() {
    return registeredBy;
  }

  public Instant registeredAt() {
    return registeredAt;
  }

  public SeatingBasis seatedBy() {
    return seatedBy;
  }

  /** Composite id. */
  public static class Key implements Serializable {
    private String schoolId;
    private String subject;

    public Key() {}

    public Key(String schoolId, String subject) {
      this.schoolId = schoolId;
      this.subject = subject;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(schoolId, k.schoolId)
          && Objects.equals(subject, k.subject);
    }

    @Override
    public int hashCode() {
      return Objects.hash(schoolId, subject);
    }
  }
}
