package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.domain.programme.CommitteeSeat;
import cn.anshan.oversight.enrolment.domain.programme.ContentAgreement;
import cn.anshan.oversight.enrolment.domain.programme.ContentEndorsement;
import cn.anshan.oversight.enrolment.domain.programme.Programme;
import cn.anshan.oversight.enrolment.repository.CommitteeSeatRepository;
import cn.anshan.oversight.enrolment.repository.ContentEndorsementRepository;
import cn.anshan.oversight.enrolment.repository.ProgrammeRepository;
import cn.anshan.oversight.kit.db.LearnedFacts;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * LN-ASV-01: a programme's content is agreed with the school's parent committee, which enrolment
 * learns from fee-approval (the committee chooses its members there). Each sitting representative
 * agrees to the version they read (If-Match); a strict majority of the committee agrees the
 * content.
 */
@ApplicationScoped
public class ContentAgreementService {
  private final ProgrammeRepository programmes;
  private final CommitteeSeatRepository seats;
  private final ContentEndorsementRepository endorsements;
  private final Outbox outbox;
  private final OversightClock clock;

  public ContentAgreementService(
      ProgrammeRepository programmes,
      CommitteeSeatRepository seats,
      ContentEndorsementRepository endorsements,
      Outbox outbox,
      OversightClock clock) {
    this.programmes = programmes;
    this.seats = seats;
    this.endorsements = endorsements;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The calling representative agrees to the programme's current content; twice counts once. */
  @WithTransaction
  public Uni<ContentAgreementView> agree(
      CommandContext command, UUID programmeId, IfMatch ifMatch) {
    var read =
        new Object() {
          Programme programme;
          Set<String> committee;
        };
    return programmes
        .forUpdate(programmeId)
        .invoke(p -> read.programme = ProblemException.requireFound(p, "programme " + programmeId))
        .chain(() -> seats.committee(read.programme.schoolId()))
        .invoke(c -> read.committee = c)
        .chain(() -> endorsements.endorsers(programmeId))
        .chain(endorsers -> agree(command, read.programme, read.committee, endorsers, ifMatch));
  }

  /** ParentRepresentativeRegistered: the parent may agree the school's programme content. */
  public Uni<Void> seated(String schoolId, String representative, Instant at) {
    return LearnedFacts.learnOnce(
        seats,
        new CommitteeSeat.Key(schoolId, representative),
        new CommitteeSeat(schoolId, representative, at));
  }

  /** ParentRepresentativeRemoved: the parent's agreements stop counting. */
  public Uni<Void> unseated(String schoolId, String representative) {
    return seats.unseat(schoolId, representative);
  }

  private Uni<ContentAgreementView> agree(
      CommandContext command,
      Programme programme,
      Set<String> committee,
      Set<String> endorsers,
      IfMatch ifMatch) {
    String parent = command.actor().subject();
    ContentAgreement before = new ContentAgreement(committee, endorsers);
    before.requireRepresentative(parent);
    ifMatch.require(programme.version());
    Instant now = clock.now();
    ContentAgreement.Vote vote = before.votedBy(parent);
    Optional<PendingEvent> endorsed = programme.contentVoted(vote, now);
    Uni<Void> counted =
        vote.counted()
            ? endorsements
                .persist(new ContentEndorsement(programme.id(), parent, now))
                .replaceWithVoid()
            : Uni.createFrom().voidItem();
    return counted
        .chain(
            () ->
                endorsed.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : outbox.append(command, programme.record(endorsed.get())))
        .map(v -> ContentAgreementView.of(programme, vote.agreement()));
  }
}
