package cn.anshan.oversight.fee.messaging;

import cn.anshan.oversight.fee.domain.ConsultationVote;
import cn.anshan.oversight.fee.domain.FeeProposal;
import cn.anshan.oversight.fee.domain.ParentCommittee;
import cn.anshan.oversight.fee.domain.ProgrammeType;
import cn.anshan.oversight.fee.domain.Vote;
import cn.anshan.oversight.kit.events.DomainEvent;
import java.time.Instant;

/**
 * Events of aggregate {@code ParentCommittee} (key = school id): which parents (by Keycloak subject
 * only) may vote on and record consultations for the school (LN-ASV-06), so audit can check that a
 * ParentConsultationHeld came from a registered representative, and each representative's own vote.
 */
public final class ParentCommitteeEvents {
  private ParentCommitteeEvents() {}

  public record ParentRepresentativeRegistered(
      String schoolId, String district, String representative, Instant registeredAt) {}

  public record ParentRepresentativeRemoved(
      String schoolId, String district, String representative, Instant removedAt) {}

  /** One representative's vote; who voted is the envelope's actor, not repeated in the data. */
  public record ConsultationVoteCast(
      String schoolId,
      String district,
      String proposalId,
      String termId,
      ProgrammeType programmeType,
      int revision,
      int round,
      Vote vote,
      Instant castAt) {}

  public static DomainEvent voteCast(ParentCommittee c, FeeProposal p, ConsultationVote vote) {
    return event(
        c,
        "ConsultationVoteCast.v1",
        new ConsultationVoteCast(
            c.schoolId(),
            c.district(),
            p.id().toString(),
            p.term().termId(),
            p.programmeType(),
            p.revision(),
            vote.round(),
            vote.vote(),
            vote.castAt()));
  }

  public static DomainEvent registered(ParentCommittee c, String representative, Instant at) {
    return event(
        c,
        "ParentRepresentativeRegistered.v1",
        new ParentRepresentativeRegistered(c.schoolId(), c.district(), representative, at));
  }

  public static DomainEvent removed(ParentCommittee c, String representative, Instant at) {
    return event(
        c,
        "ParentRepresentativeRemoved.v1",
        new ParentRepresentativeRemoved(c.schoolId(), c.district(), representative, at));
  }

  private static DomainEvent event(ParentCommittee c, String name, Object data) {
    return new DomainEvent(
        ParentCommittee.AGGREGATE_TYPE, c.schoolId(), c.recordEvent(), name, c.district(), data);
  }
}
