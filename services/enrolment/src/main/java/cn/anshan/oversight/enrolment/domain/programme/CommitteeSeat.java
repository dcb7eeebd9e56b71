package cn.anshan.oversight.enrolment.domain.programme;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A parent seated on a school's parent committee, learnt from fee-approval's
 * ParentRepresentativeRegistered / ParentRepresentativeRemoved (LN-ASV-01): who may agree the
 * school's programme content. Known by the Keycloak subject only.
 */
@Entity
@Table(name = "committee_seat")
@IdClass(CommitteeSeat.Key.class)
public class CommitteeSeat {
  @Id private String schoolId;

  @Id private String representative;

  private Instant seatedAt;

  protected CommitteeSeat() {}

  public CommitteeSeat(String schoolId, String representative, Instant seatedAt) {
    this.schoolId = schoolId;
    this.representative = representative;
    this.seatedAt = seatedAt;
  }

  public String representative() {
    return representative;
  }

  /** Composite id. */
  public static class Key implements Serializable {
    private String schoolId;
    private String representative;

    public Key() {}

    public Key(String schoolId, String representative) {
      this.schoolId = schoolId;
      this.representative = representative;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(schoolId, k.schoolId)
          && Objects.equals(representative, k.representative);
    }

    @Override
    public int hashCode() {
      return Objects.hash(schoolId, representative);
    }
  }
}
