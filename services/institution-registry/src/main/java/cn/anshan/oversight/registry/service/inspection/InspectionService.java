package cn.anshan.oversight.registry.service.inspection;

import cn.anshan.oversight.kit.db.OneAtATime;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.http.IfMatch;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.time.WorkingDayCalendar;
import cn.anshan.oversight.kit.watch.WatchLock;
import cn.anshan.oversight.registry.config.StandingSettings;
import cn.anshan.oversight.registry.domain.inspection.Inspection;
import cn.anshan.oversight.registry.domain.inspection.InspectionEvents;
import cn.anshan.oversight.registry.domain.inspection.Rectification;
import cn.anshan.oversight.registry.domain.inspection.RiskGrade;
import cn.anshan.oversight.registry.repository.InstitutionRepository;
import cn.anshan.oversight.registry.repository.inspection.InspectionRepository;
import cn.anshan.oversight.registry.repository.inspection.RectificationRepository;
import cn.anshan.oversight.registry.service.InstitutionGate;
import cn.anshan.oversight.registry.service.InstitutionScope;
import cn.anshan.oversight.registry.service.inspection.InspectionViews.InspectionView;
import cn.anshan.oversight.registry.service.inspection.InspectionViews.ReportedFinding;
import cn.anshan.oversight.registry.service.inspection.InspectionViews.RiskGradeView;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Inspections (planned by {@link InspectionPlanService}) with findings of the four problem types,
 * rectification orders with working-day deadlines, verification and overdue alerts. A regulator
 * grades and inspects only in their own district; a sector department inspects the non-subject
 * institutions of its sector and district it co-supervises (REG-02, PLT-05).
 */
@ApplicationScoped
public class InspectionService {
  private final InstitutionGate gate;
  private final InstitutionRepository institutions;
  private final InspectionRepository inspections;
  private final RectificationRepository rectifications;
  private final Outbox outbox;
  private final OversightClock clock;
  private final WorkingDayCalendar calendar;
  private final StandingSettings standing;

  public InspectionService(
      InstitutionGate gate,
      InstitutionRepository institutions,
      InspectionRepository inspections,
      RectificationRepository rectifications,
      Outbox outbox,
      OversightClock clock,
      WorkingDayCalendar calendar,
      StandingSettings standing) {
    this.gate = gate;
    this.institutions = institutions;
    this.inspections = inspections;
    this.rectifications = rectifications;
    this.outbox = outbox;
    this.clock = clock;
    this.calendar = calendar;
    this.standing = standing;
  }

  /** INS-02: the supervising regulator grades an institution's risk. */
  @WithTransaction
  public Uni<RiskGradeView> gradeRisk(
      CommandContext command, String institutionId, IfMatch ifMatch, RiskGrade grade) {
    return gate.supervisedBy(command.actor(), institutionId)
        .chain(
            institution -> {
              ifMatch.require(institution.version());
              return outbox
                  .append(command, institution.record(institution.gradeRisk(grade)))
                  .map(
                      ignored ->
                          new RiskGradeView(
                              institution.institutionId(), institution.version(), grade));
            });
  }

  /** Records the findings; each finding with a deadline becomes a rectification order. */
  @WithTransaction
  public Uni<InspectionView> complete(
      CommandContext command, UUID inspectionId, IfMatch ifMatch, List<ReportedFinding> findings) {
    return inspectable(command.actor(), inspectionId)
        .chain(
            inspection -> {
              ifMatch.require(inspection.version());
              var completed =
                  inspection.complete(
                      command.actor().subject(), clock.now(), eventFindings(findings));
              List<Rectification> orders = rectificationOrders(inspectionId, findings);
              return outbox
                  .append(command, inspection.record(completed))
                  .chain(() -> orderAll(command, inspection, orders))
                  .map(ignored -> InspectionView.of(inspection, orders));
            });
  }

  private List<Rectification> rectificationOrders(
      UUID inspectionId, List<ReportedFinding> findings) {
    return findings.stream()
        .filter(f -> f.rectificationWorkingDays() != null)
        .map(
            f ->
                new Rectification(
                    inspectionId,
                    f.problemType(),
                    f.detail(),
                    calendar.plusWorkingDays(clock.today(), f.rectificationWorkingDays())))
        .toList();
  }

  private static List<InspectionEvents.Finding> eventFindings(List<ReportedFinding> findings) {
    return findings.stream()
        .map(f -> new InspectionEvents.Finding(f.problemType(), f.detail()))
        .toList();
  }

  private Uni<Void> orderAll(
      CommandContext command, Inspection inspection, List<Rectification> orders) {
    return OneAtATime.each(orders, order -> order(command, inspection, order));
  }

  private Uni<Void> order(CommandContext command, Inspection inspection, Rectification order) {
    return rectifications
        .persist(order)
        .chain(() -> outbox.append(command, inspection.record(inspection.ordered(order))));
  }

  @WithTransaction
  public Uni<InspectionView> verify(
      CommandContext command, UUID inspectionId, UUID rectificationId, IfMatch ifMatch) {
    return inspectable(command.actor(), inspectionId)
        .chain(
            inspection -> {
              ifMatch.require(inspection.version());
              return rectificationOf(inspection, rectificationId)
                  .chain(order -> verified(command, inspection, order));
            });
  }

  private Uni<Rectification> rectificationOf(Inspection inspection, UUID rectificationId) {
    return rectifications
        .findById(rectificationId)
        .map(
            order ->
                ProblemException.requireFound(
                    order,
                    "rectification " + rectificationId,
                    found -> found.inspectionId().equals(inspection.id())));
  }

  private Uni<InspectionView> verified(
      CommandContext command, Inspection inspection, Rectification order) {
    return outbox
        .append(command, inspection.record(inspection.verify(order, clock.today(), clock.now())))
        .chain(() -> view(inspection));
  }

  /**
   * Regulator of the district, the inspected institution's operator, the sector department that
   * co-supervises it, or an auditor.
   */
  @WithSession
  public Uni<InspectionView> get(Actor actor, UUID inspectionId) {
    return inspections
        .findById(inspectionId)
        .chain(
            inspection -> {
              if (inspection != null
                  && actor.oversees(inspection.institutionId(), inspection.district())) {
                return Uni.createFrom().item(inspection);
              }
              return coSupervised(actor, inspection, inspectionId);
            })
        .chain(this::view);
  }

  /** Marks rectifications past their deadline and alerts once per order. */
  @WithTransaction
  public Uni<Integer> watch() {
    // one replica at a time (issue 15 item 3); the others skip this run
    return WatchLock.exclusive("registry.rectification", this::watchOnThisReplica);
  }

  private Uni<Integer> watchOnThisReplica() {
    LocalDate today = clock.today();
    CommandContext system =
        new CommandContext(
            Actor.system("institution-registry"), "watch-" + today, "watch-" + UUID.randomUUID());
    return rectifications
        .overdueOn(today, standing.watchBatchSize())
        .chain(overdue -> OneAtATime.sum(overdue, order -> reportOverdue(system, order)));
  }

  private Uni<Integer> reportOverdue(CommandContext system, Rectification order) {
    return inspections
        .findById(order.inspectionId())
        .chain(inspection -> outbox.append(system, inspection.record(inspection.overdue(order))))
        .replaceWith(1);
  }

  /** The regulator of the district, or the sector department that co-supervises the institution. */
  private Uni<Inspection> inspectable(Actor actor, UUID inspectionId) {
    return inspections
        .findById(inspectionId)
        .chain(
            inspection -> {
              if (inspection != null
                  && Roles.REGULATOR.equals(actor.role())
                  && actor.inDistrict(inspection.district())) {
                return Uni.createFrom().item(inspection);
              }
              return coSupervised(actor, inspection, inspectionId);
            });
  }

  private Uni<Inspection> coSupervised(Actor actor, Inspection inspection, UUID inspectionId) {
    if (inspection == null || !Roles.SECTOR_DEPARTMENT.equals(actor.role())) {
      throw ProblemException.notFound("inspection " + inspectionId);
    }
    return institutions
        .findById(inspection.institutionId())
        .map(
            institution ->
                ProblemException.requireFound(
                    institution,
                    "inspection " + inspectionId,
                    found -> InstitutionScope.coSupervises(actor, found)))
        .map(institution -> inspection);
  }

  private Uni<InspectionView> view(Inspection inspection) {
    return rectifications
        .ofInspection(inspection.id())
        .map(orders -> InspectionView.of(inspection, orders));
  }
}
