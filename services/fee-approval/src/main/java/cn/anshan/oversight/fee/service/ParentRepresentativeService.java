package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.FeeRules;
import cn.anshan.oversight.fee.domain.ParentCommittee;
import cn.anshan.oversight.fee.domain.ParentRepresentative;
import cn.anshan.oversight.fee.messaging.ParentCommitteeEvents;
import cn.anshan.oversight.fee.repository.ParentCommitteeRepository;
import cn.anshan.oversight.fee.repository.ParentRepresentativeRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Parent-committee representatives (LN-ASV-01, LN-ASV-06): the school admin registers which parents
 * (by Keycloak subject) act for the school's parent committee; only they record consultations.
 * Every change is an event of the school's {@link ParentCommittee}.
 */
@ApplicationScoped
public class ParentRepresentativeService {
  private final ParentRepresentativeRepository representatives;
  private final ParentCommitteeRepository committees;
  private final SchoolParents parents;
  private final Outbox outbox;
  private final OversightClock clock;

  public ParentRepresentativeService(
      ParentRepresentativeRepository representatives,
      ParentCommitteeRepository committees,
      SchoolParents parents,
      Outbox outbox,
      OversightClock clock) {
    this.representatives = representatives;
    this.committees = committees;
    this.parents = parents;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Registers a representative of the admin's own school, who must be a parent there (a guardian of
   * a child registered at the school in enrolment, LN-ASV-06); registering twice changes nothing.
   */
  @WithTransaction
  public Uni<ParentRepresentativeView> register(
      CommandContext command, String schoolId, String subject) {
    Actor admin = command.actor();
    requireOwnSchool(admin, schoolId);
    if (subject.equals(admin.subject())) {
      // LN-ASV-06 家长自愿: the school proposes, the parents agree; the two stay apart.
      throw ProblemException.rule(
          403,
          FeeRules.PROCESS,
          "家长自愿: a school admin cannot register themselves as a representative of the parents");
    }
    return parents
        .requireParentAt(schoolId, subject)
        .chain(() -> representatives.lookup(schoolId, subject))
        .chain(
            existing -> {
              if (existing != null) {
                return Uni.createFrom().item(ParentRepresentativeView.of(existing));
              }
              Instant now = clock.now();
              ParentRepresentative rep =
                  new ParentRepresentative(
                      schoolId, subject, admin.district(), admin.subject(), now);
              return committee(schoolId, admin.district())
                  .chain(
                      committee ->
                          representatives
                              .persist(rep)
                              .chain(
                                  () ->
                                      outbox.append(
                                          command,
                                          ParentCommitteeEvents.registered(
                                              committee, subject, now))))
                  .map(v -> ParentRepresentativeView.of(rep));
            });
  }

  /** Removes a representative; the parent can no longer record consultations or read. */
  @WithTransaction
  public Uni<Void> remove(CommandContext command, String schoolId, String subject) {
    Actor admin = command.actor();
    requireOwnSchool(admin, schoolId);
    return representatives
        .lookup(schoolId, subject)
        .chain(
            rep -> {
              if (rep == null) {
                throw ProblemException.notFound("representative " + subject);
              }
              return representatives
                  .delete(rep)
                  .chain(() -> committee(schoolId, admin.district()))
                  .chain(
                      committee ->
                          outbox.append(
                              command,
                              ParentCommitteeEvents.removed(committee, subject, clock.now())));
            });
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

  private Uni<ParentCommittee> committee(String schoolId, String district) {
    return committees
        .forUpdate(schoolId)
        .chain(
            found ->
                found != null
                    ? Uni.createFrom().item(found)
                    : committees.persist(new ParentCommittee(schoolId, district)));
  }

  private static void requireOwnSchool(Actor admin, String schoolId) {
    if (admin.schoolId() == null || admin.district() == null) {
      throw ProblemException.forbidden("the token carries no school_id or district claim");
    }
    if (!schoolId.equals(admin.schoolId())) {
      throw ProblemException.notFound("school " + schoolId);
    }
  }
}
