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
import java.util.UUID;

/**
 * One parent representative's own vote in one consultation round of a proposal (LN-ASV-06 家长自愿):
 * the representatives vote themselves, so no one of them (and not the school) can type in the
 * committee's result.
 */
@Entity
@Table(name = "consultation_vote")
@IdClass(ConsultationVote.Key.class)
public class ConsultationVote {
  @Id private UUID proposalId;

  @Id private int consultationRound;

  @Id private String representative;

  @Enumerated(EnumType.STRING)
  private Vote vote;

  private Instant castAt;

  protected ConsultationVote() {}

  public ConsultationVote(
      UUID proposalId, int round, String representative, Vote vote, Instant castAt) {
    this.proposalId = proposalId;
    this.consultationRound = round;
    this.representative = representative;
    this.vote = vote;
    this.castAt = castAt;
  }

  public Vote vote() {
    return vote;
  }

  public String representative() {
    return representative;
  }

  public int round() {
    return consultationRound;
  }

  public Instant castAt() {
    return castAt;
  }

  /** Composite id: a representative votes once per round. */
  public static class Key implements Serializable {
    private UUID proposalId;
    private int consultationRound;
    private String representative;

    public Key() {}

    public Key(UUID proposalId, int round, String representative) {
      this.proposalId = proposalId;
      this.consultationRound = round;
      this.representative = representative;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && consultationRound == k.consultationRound
          && Objects.equals(proposalId, k.proposalId)
          && Objects.equals(representative, k.representative);
    }

    @Override
    public int hashCode() {
      return Objects.hash(proposalId, consultationRound, representative);
    }
  }
}
