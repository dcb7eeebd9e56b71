package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.config.FeeSettings;
import cn.anshan.oversight.fee.domain.CommitteeChoice;
import cn.anshan.oversight.fee.domain.CommitteeChoice.Endorsement;
import cn.anshan.oversight.fee.domain.CommitteeChoice.Tally;
import cn.anshan.oversight.fee.domain.CommitteeMotion;
import cn.anshan.oversight.fee.domain.MotionEndorsement;
import cn.anshan.oversight.fee.domain.MotionKind;
import cn.anshan.oversight.fee.domain.ParentCommittee;
import cn.anshan.oversight.fee.domain.RemovalReason;
import cn.anshan.oversight.fee.repository.CommitteeMotionRepository;
import cn.anshan.oversight.fee.repository.MotionEndorsementRepository;
import cn.anshan.oversight.fee.repository.ParentCommitteeRepository;
import cn.anshan.oversight.fee.repository.ParentRepresentativeRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;

/**
 * The parent committee chooses its own members (LN-ASV-01, LN-ASV-06 家长自愿; issue 18 item 5): the
 * school convenes it, a parent of the school stands, endorsements decide ({@link CommitteeChoice}),
 * a representative steps down or is removed by the others. Every command holds the committee's row
 * lock, so two endorsements of one school are counted one after the other.
 */
@ApplicationScoped
public class ParentCommitteeService {
  private final ParentCommitteeRepository committees;
  private final ParentRepresentativeRepository representatives;
  private final CommitteeMotionRepository motions;
  private final MotionEndorsementRepository endorsements;
  private final SchoolParents parents;
  private final CommitteeSeats seats;
  private final Outbox outbox;
  private final OversightClock clock;
  private final FeeSettings settings;

  public ParentCommitteeService(
      ParentCommitteeRepository committees,
      ParentRepresentativeRepository representatives,
      CommitteeMotionRepository motions,
      MotionEndorsementRepository endorsements,
      SchoolParents parents,
      CommitteeSeats seats,
      Outbox outbox,
      OversightClock clock,
      FeeSettings settings) {
    this.committees = committees;
    this.representatives = representatives;
    this.motions = motions;
    this.endorsements = endorsements;
    this.parents = parents;
    this.seats = seats;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
  }

  /** What a candidacy answers: the motion, and whether this call declared it. */
  public record Standing(MotionView candidacy, boolean declared) {}

  /** Everything one committee decision needs, read under the committee's row lock. */
  private record CommitteeFacts(
      ParentCommittee committee,
      CommitteeChoice choice,
      CommitteeMotion motion,
      Set<String> endorsers,
      boolean actorIsParent) {

    MotionView view(CommitteeMotion m, Set<String> endorsedBy) {
      return MotionView.of(m, choice.tally(m.kind(), m.subject(), endorsedBy));
    }
  }

  /**
   * The school admin convenes the school's committee, once: it fixes the district the committee's
   * events carry and seats no one. Convening again changes nothing.
   */
  @WithTransaction
  public Uni<Void> convene(CommandContext command, String schoolId) {
    ProposalAccess.ownSchool(command.actor(), schoolId);
    return committees
        .convene(schoolId, command.actor().district(), clock.now())
        .chain(
            created -> created ? announceConvened(command, schoolId) : Uni.createFrom().voidItem());
  }

  private Uni<Void> announceConvened(CommandContext command, String schoolId) {
    return committees
        .forUpdate(schoolId)
        .chain(c -> outbox.append(command, c.record(c.convened())));
  }

  /** The acting parent, a parent of the school, stands for the committee; standing twice is one. */
  @WithTransaction
  public Uni<Standing> stand(CommandContext command, String schoolId) {
    String candidate = command.actor().subject();
    return parents
        .requireParentAt(schoolId, candidate)
        .chain(() -> facts(schoolId, MotionKind.SEAT, candidate, candidate))
        .chain(
            f -> {
              f.choice().requireMayStand(candidate);
              if (f.motion() != null) {
                return Uni.createFrom()
                    .item(new Standing(f.view(f.motion(), f.endorsers()), false));
              }
              return declare(
                  command,
                  f,
                  new CommitteeMotion(
                      schoolId, candidate, MotionKind.SEAT, candidate, clock.now()));
            });
  }

  private Uni<Standing> declare(
      CommandContext command, CommitteeFacts f, CommitteeMotion candidacy) {
    ParentCommittee committee = f.committee();
    return motions
        .persist(candidacy)
        .chain(
            () -> outbox.append(command, committee.record(committee.candidacyDeclared(candidacy))))
        .map(v -> new Standing(f.view(candidacy, Set.of()), true));
  }

  /**
   * The acting parent endorses a candidacy ({@code SEAT}) or the removal of a representative
   * ({@code UNSEAT}); the endorsement that carries the motion seats or removes at once. Endorsing
   * twice counts once.
   */
  @WithTransaction
  public Uni<MotionView> endorse(
      CommandContext command, String schoolId, MotionKind kind, String subject) {
    String endorser = command.actor().subject();
    return facts(schoolId, kind, subject, endorser)
        .chain(
            f -> {
              Endorsement endorsement =
                  f.choice()
                      .endorse(
                          kind,
                          subject,
                          endorser,
                          f.actorIsParent(),
                          f.motion() != null,
                          f.endorsers());
              if (!endorsement.counted()) {
                return decided(command, f.committee(), f.motion(), endorsement.tally(), endorser);
              }
              return motion(f, schoolId, kind, subject, endorser)
                  .chain(motion -> endorsed(command, f, motion, endorsement.tally(), endorser));
            });
  }

  /** A representative steps down; no one else can remove them but a majority of the committee. */
  @WithTransaction
  public Uni<Void> resign(CommandContext command, String schoolId, String subject) {
    String parent = command.actor().subject();
    return facts(schoolId, MotionKind.UNSEAT, subject, parent)
        .invoke(f -> f.choice().requireMayResign(subject, parent))
        .chain(f -> seats.leave(command, f.committee(), f.motion(), RemovalReason.RESIGNED));
  }

  /**
   * Everything a committee decision needs, under the committee's row lock. A caller who neither
   * sits on the committee nor is a parent of the school learns nothing about it (404), not even
   * whether it was convened.
   */
  private Uni<CommitteeFacts> facts(
      String schoolId, MotionKind kind, String subject, String actor) {
    var read =
        new Object() {
          ParentCommittee committee;
          Set<String> sitting;
          CommitteeMotion motion;
          Set<String> endorsers;
        };
    return committees
        .forUpdate(schoolId)
        .invoke(c -> read.committee = c)
        .chain(() -> representatives.sitting(schoolId))
        .invoke(s -> read.sitting = s)
        .chain(() -> motions.open(schoolId, subject, kind))
        .invoke(m -> read.motion = m)
        .chain(() -> endorsements.endorsers(read.motion == null ? null : read.motion.id()))
        .invoke(e -> read.endorsers = e)
        .chain(() -> parents.isParentAt(schoolId, actor))
        .map(
            parent -> {
              if (!parent && !read.sitting.contains(actor)) {
                throw ProblemException.notFound("parent committee of school " + schoolId);
              }
              return new CommitteeFacts(
                  convened(read.committee, schoolId),
                  new CommitteeChoice(read.sitting, settings.committeeFoundingEndorsements()),
                  read.motion,
                  read.endorsers,
                  parent);
            });
  }

  /** The open motion, or for a removal the one this first endorsement opens. */
  private Uni<CommitteeMotion> motion(
      CommitteeFacts f, String schoolId, MotionKind kind, String subject, String endorser) {
    if (f.motion() != null) {
      return Uni.createFrom().item(f.motion());
    }
    return motions.persist(new CommitteeMotion(schoolId, subject, kind, endorser, clock.now()));
  }

  private Uni<MotionView> endorsed(
      CommandContext command,
      CommitteeFacts f,
      CommitteeMotion motion,
      Tally tally,
      String endorser) {
    Instant now = clock.now();
    Uni<Void> recorded =
        endorsements
            .persist(new MotionEndorsement(motion.id(), endorser, now))
            .chain(
                () ->
                    outbox.append(
                        command,
                        f.committee().record(f.committee().motionEndorsed(motion, tally, now))));
    return recorded.chain(() -> decided(command, f.committee(), motion, tally, endorser));
  }

  /** Seats the candidate or removes the representative once the motion carries. */
  private Uni<MotionView> decided(
      CommandContext command,
      ParentCommittee committee,
      CommitteeMotion motion,
      Tally tally,
      String endorser) {
    Uni<Void> done = Uni.createFrom().voidItem();
    if (tally.carried()) {
      done =
          motion.kind() == MotionKind.SEAT
              ? seats.seat(command, committee, motion, tally, endorser)
              : seats.leave(command, committee, motion, RemovalReason.COMMITTEE_MAJORITY);
    }
    return done.map(v -> MotionView.of(motion, tally));
  }

  private static ParentCommittee convened(ParentCommittee committee, String schoolId) {
    if (committee == null) {
      throw ProblemException.conflict(
          "committee-not-convened",
          "school "
              + schoolId
              + " has not convened its parent committee yet (PUT …/parent-committee by the school)");
    }
    return committee;
  }
}
