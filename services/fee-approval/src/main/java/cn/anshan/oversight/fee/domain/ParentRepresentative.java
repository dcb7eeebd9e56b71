package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A parent registered by the school admin as a representative of the school's parent committee
 * (LN-ASV-01, LN-ASV-06): only such a parent may record the committee's resolution or a hearing for
 * the school's fee proposals. The parent is known by the Keycloak subject only.
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

  protected ParentRepresentative() {}

  public ParentRepresentative(
      String schoolId, String subject, String district, String registeredBy, Instant now) {
    this.schoolId = schoolId;
    this.subject = subject;
    this.district = district;
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
