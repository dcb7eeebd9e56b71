package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The parent consultation recorded in the current round (LN-ASV-06 家长自愿): how and when it was held
 * and the result counted from the representatives' own votes. A proposal has none until it is
 * recorded, and none again once an amendment voids it.
 */
@Embeddable
public record ConsultationRecord(
    @Enumerated(EnumType.STRING) @Column(name = "consultation_method") ConsultationMethod method,
    @Column(name = "consultation_held_on") LocalDate heldOn,
    @Enumerated(EnumType.STRING) @Column(name = "consultation_outcome") ConsultationOutcome outcome,
    int votesFor,
    int votesAgainst,
    int votesAbstained,
    @Column(name = "consultation_recorded_by") String recordedBy,
    @Column(name = "consultation_recorded_at") Instant recordedAt) {

  public boolean agreed() {
    return outcome == ConsultationOutcome.AGREED;
  }

  /** How it was held and how the votes fell, for the proposal's history: "HEARING AGREED 9:2". */
  String summary() {
    return method + " " + outcome + " " + votesFor + ":" + votesAgainst;
  }
}
