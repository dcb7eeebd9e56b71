package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.CommitteeChoice.Tally;
import cn.anshan.oversight.fee.domain.CommitteeMotion;
import cn.anshan.oversight.fee.domain.ParentCommittee;
import cn.anshan.oversight.fee.domain.ParentRepresentative;
import cn.anshan.oversight.fee.domain.RemovalReason;
import cn.anshan.oversight.fee.repository.CommitteeMotionRepository;
import cn.anshan.oversight.fee.repository.ParentRepresentativeRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.time.OversightClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Who sits on a school's parent committee: a carried candidacy seats its candidate, a carried
 * removal or a resignation unseats the representative (LN-ASV-06), each announced on the committee.
 * The caller holds the committee's row lock.
 */
@ApplicationScoped
public class CommitteeSeats {
  private final ParentRepresentativeRepository representatives;
  private final CommitteeMotionRepository motions;
  private final Outbox outbox;
  private final OversightClock clock;

  public CommitteeSeats(
      ParentRepresentativeRepository representatives,
      CommitteeMotionRepository motions,
      Outbox outbox,
      OversightClock clock) {
    this.representatives = representatives;
    this.motions = motions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Seats the candidate the committee elected and closes the candidacy. */
  Uni<Void> seat(
      CommandContext command,
      ParentCommittee committee,
      CommitteeMotion candidacy,
      Tally tally,
      String endorser) {
    Instant now = clock.now();
    String candidate = candidacy.subject();
    return representatives
        .persist(
            new ParentRepresentative(
                committee.schoolId(),
                candidate,
                committee.district(),
                tally.basis(),
                endorser,
                now))
        .chain(() -> close(candidacy))
        .chain(
            () ->
                outbox.append(
                    command,
                    committee.record(committee.registered(candidate, tally.basis(), now))));
  }

  /** Unseats the subject of {@code removal} (or the resigning parent), closing any open removal. */
  Uni<Void> leave(
      CommandContext command,
      ParentCommittee committee,
      CommitteeMotion removal,
      RemovalReason reason) {
    String subject = removal != null ? removal.subject() : command.actor().subject();
    return representatives
        .lookup(committee.schoolId(), subject)
        .chain(representatives::delete)
        .chain(() -> removal == null ? Uni.createFrom().voidItem() : close(removal))
        .chain(
            () ->
                outbox.append(
                    command, committee.record(committee.removed(subject, reason, clock.now()))));
  }

  /** Closes a carried motion after its last endorsement is written (the delete cascades). */
  private Uni<Void> close(CommitteeMotion motion) {
    return motions.flush().chain(() -> motions.close(motion));
  }
}
