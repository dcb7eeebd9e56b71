package cn.anshan.oversight.enrolment.domain.programme;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One representative's agreement to a programme's current content (LN-ASV-01). */
@Entity
@Table(name = "content_endorsement")
@IdClass(ContentEndorsement.Key.class)
public class ContentEndorsement {
  @Id private UUID programmeId;

  @Id private String representative;

  private Instant endorsedAt;

  protected ContentEndorsement() {}

  public ContentEndorsement(UUID programmeId, String representative, Instant endorsedAt) {
    this.programmeId = programmeId;
    this.representative = representative;
    this.endorsedAt = endorsedAt;
  }

  public String representative() {
    return representative;
  }

  /** Composite id. */
  public static class Key implements Serializable {
    private UUID programmeId;
    private String representative;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(programmeId, k.programmeId)
          && Objects.equals(representative, k.representative);
    }

    @Override
    public int hashCode() {
      return Objects.hash(programmeId, representative);
    }
  }
}
