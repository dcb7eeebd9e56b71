package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.config.EnrolmentSettings;
import cn.anshan.oversight.enrolment.domain.charge.ChargeCalculator;
import cn.anshan.oversight.enrolment.domain.family.Child;
import cn.anshan.oversight.enrolment.domain.family.Exemption;
import cn.anshan.oversight.enrolment.domain.family.ExemptionStatus;
import cn.anshan.oversight.enrolment.repository.ChildRepository;
import cn.anshan.oversight.enrolment.repository.ExemptionRepository;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Children and exemptions (ASV-05, LN-ASV-06): a guardian registers their child (the child is
 * linked to the guardian's {@code sub}) and claims an exemption with an evidence reference; the
 * school admin of the child's school verifies it and grants or rejects.
 */
@ApplicationScoped
public class FamilyService {
  private final ChildRepository children;
  private final ExemptionRepository exemptions;
  private final Outbox outbox;
  private final OversightClock clock;
  private final EnrolmentSettings settings;
  private final ChargeService charges;

  public FamilyService(
      ChildRepository children,
      ExemptionRepository exemptions,
      Outbox outbox,
      OversightClock clock,
      EnrolmentSettings settings,
      ChargeService charges) {
    this.children = children;
    this.exemptions = exemptions;
    this.charges = charges;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
  }

  @WithTransaction
  public Uni<ChildView> register(CommandContext command, String schoolId, int grade) {
    Decision<Child> registered =
        Child.register(command.actor().subject(), schoolId, grade, clock.now());
    return outbox.appendNew(command, registered, children::persist).map(ChildView::of);
  }

  @WithSession
  public Uni<ChildView> child(Actor actor, UUID childId) {
    return children
        .findById(childId)
        .map(
            child ->
                ProblemException.requireFound(
                    child, "child " + childId, found -> sees(actor, found)))
        .map(child -> ChildView.of(child));
  }

  /** A guardian's own children. */
  @WithSession
  public Uni<Page<ChildView>> children(Actor parent, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, settings.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    return children
        .page(parent.subject(), after.instant(), Page.afterId(after), size + 1)
        .map(rows -> Page.of(rows, size, ChildView::of, Child::registeredAt, Child::id));
  }

  /** LN-ASV-06: the category must be one of the configured exempt categories. */
  @WithTransaction
  public Uni<ExemptionView> claim(
      CommandContext command, UUID childId, String category, String evidenceRef) {
    ChargeCalculator.requireExemptCategory(category, settings.asv().exemptCategories());
    String guardian = command.actor().subject();
    return children
        .findById(childId)
        .map(
            child ->
                ProblemException.requireFound(
                    child, "child " + childId, found -> found.guardedBy(guardian)))
        .map(child -> Exemption.claim(child, category, evidenceRef, clock.now()))
        .chain(claimed -> outbox.appendNew(command, claimed, exemptions::persist))
        .map(ExemptionView::of);
  }

  /** The school admin of the child's school verified the evidence (or did not). */
  @WithTransaction
  public Uni<ExemptionView> decide(
      CommandContext command, UUID exemptionId, IfMatch ifMatch, boolean grant) {
    Actor admin = command.actor();
    return exemptions
        .forUpdate(exemptionId)
        .chain(
            exemption -> {
              if (exemption == null || !exemption.schoolId().equals(admin.schoolId())) {
                throw ProblemException.notFound("exemption " + exemptionId);
              }
              ifMatch.require(exemption.version());
              PendingEvent event =
                  exemption.decide(grant, admin.subject(), admin.district(), clock.now());
              Uni<Void> decided = outbox.append(command, exemption.record(event));
              if (grant) {
                // LN-ASV-06: the exemption covers the whole current term, including charges
                // issued before it was granted; they are refunded in the same transaction.
                decided =
                    decided
                        .chain(() -> charges.refundOnExemption(command, exemption))
                        .replaceWithVoid();
              }
              return decided.replaceWith(ExemptionView.of(exemption));
            });
  }

  @WithSession
  public Uni<ExemptionView> exemption(Actor actor, UUID exemptionId) {
    return exemptions
        .findById(exemptionId)
        .map(
            e ->
                ProblemException.requireFound(
                    e,
                    "exemption " + exemptionId,
                    found ->
                        Scopes.sees(
                            actor, found.guardianSub(), found.schoolId(), found.district())))
        .map(e -> ExemptionView.of(e));
  }

  @WithSession
  public Uni<Page<ExemptionView>> exemptions(
      Actor actor, ExemptionStatus status, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, settings.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    String guardian = null;
    String school = null;
    switch (actor.role()) {
      case Roles.PARENT -> guardian = actor.subject();
      case Roles.SCHOOL_ADMIN -> school = Scopes.school(actor);
      default -> {}
    }
    return exemptions
        .page(guardian, school, status, after.instant(), Page.afterId(after), size + 1)
        .map(rows -> Page.of(rows, size, ExemptionView::of, Exemption::claimedAt, Exemption::id));
  }

  private static boolean sees(Actor actor, Child child) {
    return Scopes.sees(actor, child.guardianSub(), child.schoolId(), null);
  }
}
