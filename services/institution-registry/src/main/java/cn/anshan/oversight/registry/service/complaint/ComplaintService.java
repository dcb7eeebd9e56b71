package cn.anshan.oversight.registry.service.complaint;

import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.AnswerPeriod;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import cn.anshan.oversight.kit.watch.WatchLock;
import cn.anshan.oversight.registry.config.ComplaintSettings;
import cn.anshan.oversight.registry.config.RegistrySettings;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.complaint.Complaint;
import cn.anshan.oversight.registry.domain.complaint.ComplaintCategory;
import cn.anshan.oversight.registry.domain.complaint.ComplaintOutcome;
import cn.anshan.oversight.registry.domain.complaint.ComplaintStatus;
import cn.anshan.oversight.registry.repository.complaint.ComplaintRepository;
import cn.anshan.oversight.registry.service.InstitutionGate;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Complaints (PLT-03, PLT-04, §11 row 14): a parent files about an approved institution, its
 * operator answers within the SLA, the supervising regulator closes. Parents see only their own
 * complaints, operators those about their institution, regulators their district, auditors all.
 */
@ApplicationScoped
public class ComplaintService {
  private final InstitutionGate gate;
  private final ComplaintRepository complaints;
  private final Outbox outbox;
  private final OversightClock clock;
  private final WorkingDayCalendar calendar;
  private final ComplaintSettings settings;
  private final RegistrySettings registry;

  public ComplaintService(
      InstitutionGate gate,
      ComplaintRepository complaints,
      Outbox outbox,
      OversightClock clock,
      WorkingDayCalendar calendar,
      ComplaintSettings settings,
      RegistrySettings registry) {
    this.gate = gate;
    this.complaints = complaints;
    this.outbox = outbox;
    this.clock = clock;
    this.calendar = calendar;
    this.settings = settings;
    this.registry = registry;
  }

  /** PLT-03: the SLA (PLT-04) starts on the business date of filing. */
  @WithTransaction
  public Uni<ComplaintView> file(
      CommandContext command,
      String institutionId,
      ComplaintCategory category,
      String description) {
    return gate.approved(institutionId)
        .chain(
            institution ->
                outbox.appendNew(
                    command,
                    filed(command, institution, category, description),
                    complaints::persist))
        .map(complaint -> ComplaintView.of(complaint, command.actor().role()));
  }

  private Decision<Complaint> filed(
      CommandContext command,
      Institution institution,
      ComplaintCategory category,
      String description) {
    LocalDate filedOn = clock.today();
    return Complaint.file(
        institution.institutionId(),
        institution.district(),
        category,
        description,
        command.actor().subject(),
        clock.now(),
        filedOn,
        new AnswerPeriod(calendar, settings.answerWorkingDays()));
  }

  /**
   * Issue 18 item 1: about an operator the register does not list. No answer is due; the regulator
   * of the named district sees it and may record the operator from it.
   */
  @WithTransaction
  public Uni<ComplaintView> fileAboutUnlistedOperator(
      CommandContext command,
      String operatorName,
      String operatorAddress,
      String district,
      ComplaintCategory category,
      String description) {
    return outbox
        .appendNew(
            command,
            Complaint.aboutUnlistedOperator(
                operatorName,
                operatorAddress,
                district,
                category,
                description,
                command.actor().subject(),
                clock.now()),
            complaints::persist)
        .map(complaint -> ComplaintView.of(complaint, command.actor().role()));
  }

  /** PLT-04: the operator answers a complaint about their own institution, late or not. */
  @WithTransaction
  public Uni<ComplaintView> answer(
      CommandContext command, UUID complaintId, IfMatch ifMatch, String text) {
    Actor operator = command.actor();
    return complaints
        .findById(complaintId)
        .chain(
            complaint -> {
              if (complaint == null
                  || !operator.oversees(complaint.institutionId(), complaint.district())) {
                throw ProblemException.notFound("complaint " + complaintId);
              }
              ifMatch.require(complaint.version());
              return outbox
                  .append(
                      command,
                      complaint.record(complaint.answer(text, operator.subject(), clock.now())))
                  .replaceWith(ComplaintView.of(complaint, operator.role()));
            });
  }

  /** The regulator of the institution's district closes, answered or not (REG-09 supervision). */
  @WithTransaction
  public Uni<ComplaintView> close(
      CommandContext command,
      UUID complaintId,
      IfMatch ifMatch,
      ComplaintOutcome outcome,
      String note) {
    Actor regulator = command.actor();
    return complaints
        .findById(complaintId)
        .chain(
            complaint -> {
              if (complaint == null || !regulator.inDistrict(complaint.district())) {
                throw ProblemException.notFound("complaint " + complaintId);
              }
              ifMatch.require(complaint.version());
              return outbox
                  .append(
                      command,
                      complaint.record(
                          complaint.close(outcome, note, regulator.subject(), clock.now())))
                  .replaceWith(ComplaintView.of(complaint, regulator.role()));
            });
  }

  @WithSession
  public Uni<ComplaintView> get(Actor actor, UUID complaintId) {
    return complaints
        .findById(complaintId)
        .map(
            complaint ->
                ProblemException.requireFound(
                    complaint, "complaint " + complaintId, found -> visible(actor, found)))
        .map(complaint -> ComplaintView.of(complaint, actor.role()));
  }

  /** The caller's complaints, oldest first (keyset pagination). */
  @WithSession
  public Uni<ComplaintPage> list(
      Actor actor, ComplaintStatus status, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, registry.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    return complaints
        .page(scope(actor), status, after.instant(), Page.afterId(after), size + 1)
        .map(
            found -> {
              List<ComplaintView> items =
                  found.stream().limit(size).map(c -> ComplaintView.of(c, actor.role())).toList();
              String next =
                  found.size() > size
                      ? Keyset.cursor(
                          items.get(size - 1).filedAt(),
                          items.get(size - 1).complaintId().toString())
                      : null;
              return new ComplaintPage(items, next);
            });
  }

  /**
   * PLT-04: reports each unanswered complaint past its last answer day once, with the system as
   * actor. Returns how many it reported.
   */
  @WithTransaction
  public Uni<Integer> watch() {
    // one replica at a time (issue 15 item 3); the others skip this run
    return WatchLock.exclusive("registry.complaint-answer", this::watchOnThisReplica);
  }

  private Uni<Integer> watchOnThisReplica() {
    LocalDate today = clock.today();
    CommandContext system =
        new CommandContext(
            Actor.system("institution-registry"),
            "complaint-watch-" + today,
            "complaint-watch-" + UUID.randomUUID());
    return complaints
        .answerOverdue(today, settings.watchBatchSize())
        .chain(
            overdue ->
                outbox.appendEach(
                    system,
                    overdue,
                    complaint -> complaint.record(complaint.overdueReported(clock.now()))));
  }

  private static boolean visible(Actor actor, Complaint complaint) {
    return actor.role().equals(Roles.PARENT)
        ? complaint.filedBy().equals(actor.subject())
        : actor.oversees(complaint.institutionId(), complaint.district());
  }

  private static ComplaintRepository.Scope scope(Actor actor) {
    return switch (actor.role()) {
      case Roles.AUDITOR -> new ComplaintRepository.Scope(null, null, null);
      case Roles.REGULATOR -> {
        if (actor.district() == null) {
          throw ProblemException.forbidden("the token carries no district claim");
        }
        yield new ComplaintRepository.Scope(null, null, actor.district());
      }
      case Roles.INSTITUTION_OPERATOR -> {
        if (actor.institutionId() == null) {
          throw ProblemException.forbidden("the token carries no institution_id claim");
        }
        yield new ComplaintRepository.Scope(null, actor.institutionId(), null);
      }
      default -> new ComplaintRepository.Scope(actor.subject(), null, null);
    };
  }
}
