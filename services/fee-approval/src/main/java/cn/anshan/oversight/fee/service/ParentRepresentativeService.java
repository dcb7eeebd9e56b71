package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.config.FeeSettings;
import cn.anshan.oversight.fee.domain.CommitteeChoice;
import cn.anshan.oversight.fee.domain.CommitteeMotion;
import cn.anshan.oversight.fee.domain.ParentCommittee;
import cn.anshan.oversight.fee.domain.ParentRepresentative;
import cn.anshan.oversight.fee.repository.CommitteeMotionRepository;
import cn.anshan.oversight.fee.repository.MotionEndorsementRepository;
import cn.anshan.oversight.fee.repository.ParentCommitteeRepository;
import cn.anshan.oversight.fee.repository.ParentRepresentativeRepository;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads of a school's parent committee (LN-ASV-01, LN-ASV-06): its representatives and open
 * motions, for auditors, the school's admin and the school's own parents.
 */
@ApplicationScoped
public class ParentRepresentativeService {
  private final ParentRepresentativeRepository representatives;
  private final ParentCommitteeRepository committees;
  private final CommitteeMotionRepository motions;
  private final MotionEndorsementRepository endorsements;
  private final SchoolParents parents;
  private final FeeSettings settings;

  public ParentRepresentativeService(
      ParentRepresentativeRepository representatives,
      ParentCommitteeRepository committees,
      CommitteeMotionRepository motions,
      MotionEndorsementRepository endorsements,
      SchoolParents parents,
      FeeSettings settings) {
    this.representatives = representatives;
    this.committees = committees;
    this.motions = motions;
    this.endorsements = endorsements;
    this.parents = parents;
    this.settings = settings;
  }

  @WithSession
  public Uni<List<ParentRepresentativeView>> list(Actor actor, String schoolId) {
    boolean allowed =
        switch (actor.role()) {
          case Roles.AUDITOR -> true;
          case Roles.SCHOOL_ADMIN -> schoolId.equals(actor.schoolId());
          default -> false;
        };
    if (!allowed) {
      throw ProblemException.notFound("school " + schoolId);
    }
    return representatives
        .ofSchool(schoolId)
        .map(reps -> reps.stream().map(ParentRepresentativeView::of).toList());
  }

  /** The committee with its open motions; parents of the school see it to stand and endorse. */
  @WithSession
  public Uni<ParentCommitteeView> committee(Actor actor, String schoolId) {
    var read =
        new Object() {
          ParentCommittee committee;
          List<ParentRepresentative> seated;
          List<CommitteeMotion> open;
        };
    return readable(actor, schoolId)
        .chain(() -> committees.findById(schoolId))
        .invoke(
            c ->
                read.committee =
                    ProblemException.requireFound(c, "parent committee of school " + schoolId))
        .chain(() -> representatives.ofSchool(schoolId))
        .invoke(r -> read.seated = r)
        .chain(() -> motions.ofSchool(schoolId))
        .invoke(m -> read.open = m)
        .chain(() -> endorsements.endorsers(read.open.stream().map(CommitteeMotion::id).toList()))
        .map(endorsed -> view(read.committee, read.seated, read.open, endorsed));
  }

  private ParentCommitteeView view(
      ParentCommittee committee,
      List<ParentRepresentative> seated,
      List<CommitteeMotion> open,
      Map<UUID, Set<String>> endorsed) {
    CommitteeChoice choice =
        new CommitteeChoice(
            seated.stream().map(ParentRepresentative::subject).collect(Collectors.toSet()),
            settings.committeeFoundingEndorsements());
    return new ParentCommitteeView(
        committee.schoolId(),
        committee.district(),
        committee.convenedAt(),
        seated.stream().map(ParentRepresentativeView::of).toList(),
        open.stream()
            .map(
                m ->
                    MotionView.of(
                        m,
                        choice.tally(
                            m.kind(), m.subject(), endorsed.getOrDefault(m.id(), Set.of()))))
            .toList());
  }

  private Uni<Void> readable(Actor actor, String schoolId) {
    return switch (actor.role()) {
      case Roles.AUDITOR -> Uni.createFrom().voidItem();
      case Roles.SCHOOL_ADMIN -> {
        ProposalAccess.ownSchool(actor, schoolId);
        yield Uni.createFrom().voidItem();
      }
      default ->
          parents
              .isParentAt(schoolId, actor.subject())
              .invoke(
                  parent -> {
                    if (!parent) {
                      throw ProblemException.notFound("school " + schoolId);
                    }
                  })
              .replaceWithVoid();
    };
  }
}
