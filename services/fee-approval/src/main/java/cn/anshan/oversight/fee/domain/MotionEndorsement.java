package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One parent's endorsement of an open {@link CommitteeMotion}; once per parent and motion. */
@Entity
@Table(name = "motion_endorsement")
@IdClass(MotionEndorsement.Key.class)
public class MotionEndorsement {
  @Id private UUID motionId;

  @Id private String endorser;

  private Instant endorsedAt;

  protected MotionEndorsement() {}

  public MotionEndorsement(UUID motionId, String endorser, Instant endorsedAt) {
    this.motionId = motionId;
    this.endorser = endorser;
    this.endorsedAt = endorsedAt;
  }

  public UUID motionId() {
    return motionId;
  }

  public String endorser() {
    return endorser;
  }

  /** Composite id. */
  public static class Key implements Serializable {
    private UUID motionId;
    private String endorser;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(motionId, k.motionId)
          && Objects.equals(endorser, k.endorser);
    }

    @Override
    public int hashCode() {
      return Objects.hash(motionId, endorser);
    }
  }
}
