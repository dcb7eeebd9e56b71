package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.enrolment.config.EnrolmentSettings;
import cn.anshan.oversight.enrolment.domain.enrolment.CompulsionSignal;
import cn.anshan.oversight.enrolment.domain.enrolment.Enrolment;
import cn.anshan.oversight.enrolment.domain.enrolment.EnrolmentApplication;
import cn.anshan.oversight.enrolment.domain.enrolment.EnrolmentStatus;
import cn.anshan.oversight.enrolment.domain.family.Child;
import cn.anshan.oversight.enrolment.domain.programme.Programme;
import cn.anshan.oversight.enrolment.repository.ChargeRepository;
import cn.anshan.oversight.enrolment.repository.ChildRepository;
import cn.anshan.oversight.enrolment.repository.CompulsionSignalRepository;
import cn.anshan.oversight.enrolment.repository.EnrolmentRepository;
import cn.anshan.oversight.enrolment.repository.ProgrammeRepository;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Voluntary enrolment (ASV-04 (2), ASV-05, §11 row 17): only a child's guardian applies; a school
 * account trying to enrol a child is refused and reported as a compulsion signal; the guardian may
 * withdraw at any time with an effective date, which refunds the unused part of the charges.
 */
@ApplicationScoped
public class EnrolmentService {
  private final EnrolmentRepository enrolments;
  private final ChildRepository children;
  private final ProgrammeRepository programmes;
  private final CompulsionSignalRepository signals;
  private final ChargeRepository charges;
  private final ChargeService chargeService;
  private final Outbox outbox;
  private final OversightClock clock;
  private final EnrolmentSettings settings;

  public EnrolmentService(
      EnrolmentRepository enrolments,
      ChildRepository children,
      ProgrammeRepository programmes,
      CompulsionSignalRepository signals,
      ChargeRepository charges,
      ChargeService chargeService,
      Outbox outbox,
      OversightClock clock,
      EnrolmentSettings settings) {
    this.enrolments = enrolments;
    this.children = children;
    this.programmes = programmes;
    this.signals = signals;
    this.charges = charges;
    this.chargeService = chargeService;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
  }

  /** ASV-05: the guardian of {@code childId} applies; confirmed at once (no capacity modelled). */
  @WithTransaction
  public Uni<EnrolmentView> enrol(
      CommandContext command,
      UUID childId,
      UUID programmeId,
      LocalDate requestedStart,
      List<String> options) {
    EnrolmentApplication application =
        new EnrolmentApplication(
            command.actor().subject(), childId, programmeId, requestedStart, options);
    return facts(application)
        .map(
            facts ->
                application.decide(
                    facts, settings.asv().contentAgreementRequired(), clock.today(), clock.now()))
        .chain(enrolment -> confirmed(command, enrolment));
  }

  /** The guardian's own child (another family's is "not found"), the programme, live enrolments. */
  private Uni<EnrolmentApplication.Facts> facts(EnrolmentApplication application) {
    UUID childId = application.childId();
    UUID programmeId = application.programmeId();
    Uni<Child> child =
        children
            .findById(childId)
            .map(
                found ->
                    ProblemException.requireFound(
                        found, "child " + childId, it -> it.guardedBy(application.guardian())));
    Uni<Programme> programme =
        programmes
            .findById(programmeId)
            .onItem()
            .ifNull()
            .failWith(() -> ProblemException.notFound("programme " + programmeId));
    return child
        .chain(
            guarded ->
                programme.map(offered -> new EnrolmentApplication.Facts(guarded, offered, 0)))
        .chain(
            facts -> enrolments.countActive(childId, programmeId).map(facts::withActiveEnrolments));
  }

  private Uni<EnrolmentView> confirmed(CommandContext command, Decision<Enrolment> enrolled) {
    return outbox.appendNew(command, enrolled, enrolments::persist).map(EnrolmentView::of);
  }

  /**
   * ASV-04 (2): a school account tried to enrol a child. The attempt is recorded and reported
   * (committed), then refused by the caller with {@link CompulsionSignal#refusal()}.
   */
  @WithTransaction
  public Uni<Void> signalCompulsion(CommandContext command, String childId, String programmeId) {
    Actor admin = command.actor();
    CompulsionSignal signal =
        new CompulsionSignal(
            admin.schoolId(), admin.district(), admin.subject(), childId, programmeId, clock.now());
    return signals
        .persist(signal)
        .chain(() -> outbox.append(command, signal.signalled()))
        .replaceWithVoid();
  }

  /** ASV-04 (2): withdrawal at any time; service ends the day before {@code effective}. */
  @WithTransaction
  public Uni<EnrolmentView> withdraw(
      CommandContext command, UUID enrolmentId, IfMatch ifMatch, LocalDate effective) {
    String guardian = command.actor().subject();
    return enrolments
        .forUpdate(enrolmentId)
        .map(
            found ->
                ProblemException.requireFound(
                    found, "enrolment " + enrolmentId, e -> e.guardianSub().equals(guardian)))
        .invoke(enrolment -> ifMatch.require(enrolment.version()))
        .call(
            enrolment -> {
              PendingEvent withdrawn =
                  enrolment.withdraw(
                      effective != null ? effective : clock.today(), clock.today(), clock.now());
              return outbox.append(command, enrolment.record(withdrawn));
            })
        .call(enrolment -> chargeService.refundOnWithdrawal(command, enrolment))
        .map(EnrolmentView::of);
  }

  @WithSession
  public Uni<EnrolmentView> get(Actor actor, UUID enrolmentId) {
    return visible(actor, enrolmentId).map(EnrolmentView::of);
  }

  /** The charges of an enrolment the caller may see (at most one per month of one term). */
  @WithSession
  public Uni<List<ChargeView>> charges(Actor actor, UUID enrolmentId) {
    return visible(actor, enrolmentId)
        .chain(enrolment -> charges.ofEnrolment(enrolment.id()))
        .map(list -> list.stream().map(ChargeView::of).toList());
  }

  @WithSession
  public Uni<Page<EnrolmentView>> list(
      Actor actor, EnrolmentStatus status, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, settings.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    EnrolmentRepository.Scope scope =
        switch (actor.role()) {
          case Roles.AUDITOR -> new EnrolmentRepository.Scope(null, null, null);
          case Roles.REGULATOR -> new EnrolmentRepository.Scope(null, null, Scopes.district(actor));
          case Roles.SCHOOL_ADMIN ->
              new EnrolmentRepository.Scope(null, Scopes.school(actor), null);
          default -> new EnrolmentRepository.Scope(actor.subject(), null, null);
        };
    return enrolments
        .page(scope, status, after.instant(), Page.afterId(after), size + 1)
        .map(rows -> Page.of(rows, size, EnrolmentView::of, Enrolment::submittedAt, Enrolment::id));
  }

  private Uni<Enrolment> visible(Actor actor, UUID enrolmentId) {
    return enrolments
        .findById(enrolmentId)
        .map(
            e ->
                ProblemException.requireFound(
                    e,
                    "enrolment " + enrolmentId,
                    found ->
                        Scopes.sees(
                            actor, found.guardianSub(), found.schoolId(), found.district())));
  }
}
