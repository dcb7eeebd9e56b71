package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a proposal's history, kept for good (issue 6: "history is kept"). */
@Entity
@Table(name = "fee_history")
public class FeeHistoryEntry {
  @Id private UUID id;

  private UUID proposalId;

  private long proposalVersion;

  private String event;

  @Enumerated(EnumType.STRING)
  private FeeStatus statusAfter;

  private String actor;

  private String actorRole;

  private Instant at;

  private String note;

  protected FeeHistoryEntry() {}

  public FeeHistoryEntry(
      FeeProposal proposal, String event, String actor, String actorRole, Instant at, String note) {
    this.id = UUID.randomUUID();
    this.proposalId = proposal.id();
    this.proposalVersion = proposal.version();
    this.event = event;
    this.statusAfter = proposal.status();
    this.actor = actor;
    this.actorRole = actorRole;
    this.at = at;
    this.note = note;
  }

  public UUID proposalId() {
    return proposalId;
  }

  public long proposalVersion() {
    return proposalVersion;
  }

  public String event() {
    return event;
  }

  public FeeStatus statusAfter() {
    return statusAfter;
  }

  public String actor() {
    return actor;
  }

  public String actorRole() {
    return actorRole;
  }

  public Instant at() {
    return at;
  }

  public String note() {
    return note;
  }
}
