package cn.anshan.oversight.fee.domain;

import cn.anshan.oversight.fee.domain.CommitteeChoice.Tally;
import cn.anshan.oversight.kit.events.PendingEvent;
import java.time.Instant;

/**
 * Events of aggregate {@code ParentCommittee} (key = school id): how the committee chose which
 * parents (by Keycloak subject only) may vote on and record consultations for the school
 * (LN-ASV-06), so audit can check that a ParentConsultationHeld came from a seated representative,
 * and each representative's own vote. Who stood or endorsed is the envelope's actor, not repeated
 * in the data. {@link ParentCommittee} builds each (its methods of the same names).
 */
public final class ParentCommitteeEvents {
  private ParentCommitteeEvents() {}

  public record ParentCommitteeConvened(String schoolId, String district, Instant convenedAt) {}

  public record RepresentativeCandidacyDeclared(
      String schoolId, String district, String candidate, Instant declaredAt) {}

  public record CommitteeMotionEndorsed(
      String schoolId,
      String district,
      String subject,
      MotionKind motion,
      int endorsements,
      int needed,
      SeatingBasis basis,
      boolean carried,
      Instant endorsedAt) {}

  public record ParentRepresentativeRegistered(
      String schoolId,
      String district,
      String representative,
      SeatingBasis basis,
      Instant registeredAt) {}

  public record ParentRepresentativeRemoved(
      String schoolId,
      String district,
      String representative,
      RemovalReason reason,
      Instant removedAt) {}

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

  static PendingEvent voteCast(ParentCommittee c, FeeProposal p, ConsultationVote vote) {
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

  static PendingEvent convened(ParentCommittee c) {
    return event(
        c,
        "ParentCommitteeConvened.v1",
        new ParentCommitteeConvened(c.schoolId(), c.district(), c.convenedAt()));
  }

  static PendingEvent candidacyDeclared(ParentCommittee c, CommitteeMotion candidacy) {
    return event(
        c,
        "RepresentativeCandidacyDeclared.v1",
        new RepresentativeCandidacyDeclared(
            c.schoolId(), c.district(), candidacy.subject(), candidacy.openedAt()));
  }

  static PendingEvent motionEndorsed(
      ParentCommittee c, CommitteeMotion motion, Tally tally, Instant at) {
    return event(
        c,
        "CommitteeMotionEndorsed.v1",
        new CommitteeMotionEndorsed(
            c.schoolId(),
            c.district(),
            motion.subject(),
            motion.kind(),
            tally.endorsements(),
            tally.needed(),
            tally.basis(),
            tally.carried(),
            at));
  }

  static PendingEvent registered(
      ParentCommittee c, String representative, SeatingBasis basis, Instant at) {
    return event(
        c,
        "ParentRepresentativeRegistered.v1",
        new ParentRepresentativeRegistered(c.schoolId(), c.district(), representative, basis, at));
  }

  static PendingEvent removed(
      ParentCommittee c, String representative, RemovalReason reason, Instant at) {
    return event(
        c,
        "ParentRepresentativeRemoved.v1",
        new ParentRepresentativeRemoved(c.schoolId(), c.district(), representative, reason, at));
  }

  private static PendingEvent event(ParentCommittee c, String name, Object data) {
    return new PendingEvent(ParentCommittee.AGGREGATE_TYPE, c.schoolId(), name, c.district(), data);
  }
}
