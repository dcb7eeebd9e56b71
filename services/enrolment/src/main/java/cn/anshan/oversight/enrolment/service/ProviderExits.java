package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.domain.provider.ExitReason;
import cn.anshan.oversight.enrolment.domain.provider.ProviderAdmission;
import cn.anshan.oversight.enrolment.domain.provider.ProviderRules;
import cn.anshan.oversight.enrolment.domain.provider.ProviderStanding;
import cn.anshan.oversight.enrolment.repository.ProviderAdmissionRepository;
import cn.anshan.oversight.enrolment.repository.ProviderStandingRepository;
import cn.anshan.oversight.kit.db.OneAtATime;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.time.OversightClock;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * ASV-06 dynamic exit: admitted providers leave their programmes, in the consumer's transaction,
 * when the registry's events make their institution ineligible (black- or delisted, licence
 * lapsed), black-list a person it employs (STF-06) or classify the course subject-type (REG-03).
 */
@ApplicationScoped
public class ProviderExits {
  private final ProviderAdmissionRepository admissions;
  private final ProviderStandingRepository standings;
  private final Outbox outbox;
  private final OversightClock clock;

  public ProviderExits(
      ProviderAdmissionRepository admissions,
      ProviderStandingRepository standings,
      Outbox outbox,
      OversightClock clock) {
    this.admissions = admissions;
    this.standings = standings;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Applies a registry standing change (in the consumer's transaction) and exits every admission of
   * an institution that is no longer eligible. Returns how many admissions exited.
   */
  public Uni<Integer> standingChanged(
      CommandContext system,
      String institutionId,
      Predicate<ProviderStanding> apply,
      ExitReason reason) {
    return standings
        .findById(institutionId)
        .chain(found -> changed(found, institutionId, apply))
        .chain(
            changed ->
                changed == null || ProviderRules.ineligibility(changed, clock.today()).isEmpty()
                    ? Uni.createFrom().item(0)
                    : exitAll(system, institutionId, reason));
  }

  /** The standing after the event, stored; null when the event did not change it. */
  private Uni<ProviderStanding> changed(
      ProviderStanding found, String institutionId, Predicate<ProviderStanding> apply) {
    ProviderStanding standing = found != null ? found : new ProviderStanding(institutionId);
    if (!apply.test(standing)) {
      return Uni.createFrom().nullItem();
    }
    return found != null ? Uni.createFrom().item(standing) : standings.persist(standing);
  }

  /**
   * STF-06 (issue 18 item 5): the registry black-listed a person these institutions employ; their
   * admitted providers leave every programme, as on the institution's own black-listing. A school
   * may admit the institution again once the person has left.
   */
  public Uni<Integer> staffBlacklisted(CommandContext system, List<String> institutionIds) {
    return OneAtATime.sum(institutionIds, id -> exitAll(system, id, ExitReason.STAFF_BLACKLISTED));
  }

  /**
   * REG-03 (ASV-06 dynamic exit): the bureau classified the course subject-type, so the providers
   * brought in for it leave their programmes; a later VERIFIED lets a school admit them again.
   */
  public Uni<Integer> courseRefuted(CommandContext system, UUID courseId) {
    return admissions
        .activeFor(courseId)
        .chain(active -> exit(system, active, ExitReason.COURSE_REFUTED));
  }

  private Uni<Integer> exitAll(CommandContext system, String institutionId, ExitReason reason) {
    return admissions.activeOf(institutionId).chain(active -> exit(system, active, reason));
  }

  private Uni<Integer> exit(
      CommandContext system, List<ProviderAdmission> active, ExitReason reason) {
    return outbox.appendEach(
        system,
        active,
        admission -> admission.record(admission.exit(reason, clock.now(), system.causationId())));
  }
}
