package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.domain.contract.ContractRules;
import cn.anshan.oversight.escrow.domain.contract.PaymentMethod;
import cn.anshan.oversight.escrow.domain.contract.PaymentPlan;
import cn.anshan.oversight.escrow.domain.contract.SignedContract;
import cn.anshan.oversight.escrow.domain.entitlement.FiledCourse;
import cn.anshan.oversight.escrow.domain.entitlement.InstitutionStanding;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.OrderTerms;
import cn.anshan.oversight.escrow.domain.order.PrepaymentCaps;
import cn.anshan.oversight.escrow.domain.order.PrepaymentRules;
import cn.anshan.oversight.escrow.domain.order.SaleRules;
import cn.anshan.oversight.escrow.domain.supervision.Supervision;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionMode;
import cn.anshan.oversight.escrow.messaging.OrderEvents;
import cn.anshan.oversight.escrow.repository.CourseRepository;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.StandingRepository;
import cn.anshan.oversight.escrow.repository.SupervisionRepository;
import cn.anshan.oversight.escrow.service.Views.OrderView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Orders and prepayment intake (PRE-05, PRE-20…25, LN-PRE-04, CON-01…09, §11 rows 8 and 10); the
 * custody bank's payment into escrow is {@link BankPaymentService}'s.
 */
@ApplicationScoped
public class OrderService {
  private final OrderRepository orders;
  private final CourseRepository courses;
  private final StandingRepository standings;
  private final SupervisionRepository supervisions;
  private final Children children;
  private final Outbox outbox;
  private final OversightClock clock;
  private final EscrowSettings settings;

  public OrderService(
      OrderRepository orders,
      CourseRepository courses,
      StandingRepository standings,
      SupervisionRepository supervisions,
      Children children,
      Outbox outbox,
      OversightClock clock,
      EscrowSettings settings) {
    this.orders = orders;
    this.courses = courses;
    this.standings = standings;
    this.supervisions = supervisions;
    this.children = children;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
  }

  public record PlaceOrder(
      UUID courseId,
      UUID childId,
      int classHours,
      LocalDate periodStart,
      LocalDate periodEnd,
      String contractTemplate,
      int coolingOffDaysBefore,
      int coolingOffHoursAfter,
      SupervisionMode supervisionMode,
      PaymentPlan paymentPlan,
      int instalments,
      PaymentMethod paymentMethod) {}

  private PrepaymentCaps caps() {
    EscrowSettings.Prepay p = settings.prepay();
    return new PrepaymentCaps(
        p.maxMonths(),
        p.maxClassHours(),
        p.maxAmountFenNonSubject(),
        p.maxAmountFenSubject(),
        p.subjectAmountCapEnabled(),
        p.earliestBeforeCourseDays(),
        p.earliestRemainingHours(),
        p.termStarts(),
        p.contractTemplate());
  }

  /** What a parent's order is placed against, each part checked as it is loaded. */
  private record Sale(FiledCourse course, InstitutionStanding standing, Supervision supervision) {}

  /**
   * A parent orders class hours of a filed course for one of their children and signs the model
   * contract (PLT-06); every cap and contract rule is checked, nothing is stored on failure.
   */
  @WithTransaction
  public Uni<OrderView> place(CommandContext command, PlaceOrder request) {
    Actor parent = command.actor();
    if (request.periodEnd().isBefore(request.periodStart())) {
      throw new ProblemException(
          Problem.ofFields(
              List.of(new FieldError("/periodEnd", "must not be before periodStart"))));
    }
    return sale(request)
        .call(sale -> children.ofGuardian(parent, request.childId()))
        .call(sale -> checkRules(parent, sale, request))
        .chain(sale -> signed(command, sale, request));
  }

  private Uni<Sale> sale(PlaceOrder request) {
    return courses
        .findById(request.courseId())
        .map(course -> ProblemException.requireFound(course, "filed course " + request.courseId()))
        .map(SaleRules::requireOnSale)
        .chain(
            course ->
                standings
                    .findById(course.institutionId())
                    .map(
                        standing ->
                            new Sale(course, SaleRules.requireEntitled(course, standing), null)))
        .chain(
            sale ->
                supervisions
                    .findById(sale.course().institutionId())
                    .map(
                        supervision ->
                            new Sale(
                                sale.course(),
                                sale.standing(),
                                SaleRules.requireSupervisedAs(
                                    request.supervisionMode(), sale.course(), supervision))));
  }

  private OrderTerms terms(Sale sale, PlaceOrder request) {
    return new OrderTerms(
        sale.course().category(),
        request.classHours(),
        sale.course().pricePerLessonFen() * request.classHours(),
        request.periodStart(),
        request.periodEnd(),
        clock.today(),
        request.contractTemplate());
  }

  /** What the family already holds of the course and, in the split window, of the institution. */
  private record Holdings(List<Order> paidOfCourse, List<Order> splitWindow) {}

  private Uni<Holdings> holdings(Actor parent, FiledCourse course) {
    Instant windowStart = clock.now().minus(Duration.ofDays(settings.prepay().splitWindowDays()));
    return orders
        .paidOfCourse(parent.subject(), course.courseId())
        .chain(
            paid ->
                orders
                    .splitWindow(parent.subject(), course.institutionId(), windowStart)
                    .map(window -> new Holdings(paid, window)));
  }

  /** The prepayment caps (LN-PRE-04, PRE-20…24, CON-09) and the contract rules, all at once. */
  private Uni<Void> checkRules(Actor parent, Sale sale, PlaceOrder request) {
    return holdings(parent, sale.course())
        .invoke(
            held -> {
              List<RuleViolation> violations = violations(sale, request, held);
              if (!violations.isEmpty()) {
                throw ProblemException.rules(violations);
              }
            })
        .replaceWithVoid();
  }

  private List<RuleViolation> violations(Sale sale, PlaceOrder request, Holdings held) {
    OrderTerms terms = terms(sale, request);
    PrepaymentCaps caps = caps();
    List<RuleViolation> violations = new ArrayList<>(PrepaymentRules.check(terms, caps));
    violations.addAll(
        ContractRules.check(
            sale.standing().particulars(),
            new ContractRules.Draft(
                sale.course().category(),
                sale.course().mode(),
                request.classHours(),
                request.paymentPlan(),
                request.instalments(),
                request.paymentMethod(),
                clock.today()),
            settings.prepay().maxInstalments()));
    PrepaymentRules.checkEarliestCollection(
            terms, PrepaymentRules.hoursLeft(held.paidOfCourse()), caps)
        .ifPresent(violations::add);
    violations.addAll(
        PrepaymentRules.checkSplit(
            terms, held.splitWindow(), settings.prepay().splitWindowDays(), caps));
    return violations;
  }

  /** PLT-06: placing the order signs the model contract, filled in from what the registry filed. */
  private Uni<OrderView> signed(CommandContext command, Sale sale, PlaceOrder request) {
    FiledCourse course = sale.course();
    SignedContract contract =
        new SignedContract(
            sale.standing().particulars(),
            course.category(),
            course.mode(),
            course.name(),
            course.lessonMinutes(),
            course.classSizeBand(),
            request.paymentPlan(),
            request.instalments(),
            request.paymentMethod());
    Order order =
        new Order(
            course.institutionId(),
            course.district(),
            course.courseId(),
            course.category(),
            command.actor().subject(),
            request.childId(),
            request.classHours(),
            course.pricePerLessonFen(),
            request.periodStart(),
            request.periodEnd(),
            request.contractTemplate(),
            request.coolingOffDaysBefore(),
            request.coolingOffHoursAfter(),
            sale.supervision().mode(),
            contract,
            clock.now());
    // each event sets the version the insert writes
    DomainEvent placed =
        order.record(
            OrderEvents.orderPlaced(order, order.coolingOff(OversightClock.BUSINESS_ZONE)));
    DomainEvent signed = order.record(OrderEvents.contractSigned(order));
    return orders
        .persist(order)
        .call(() -> outbox.append(command, placed))
        .call(() -> outbox.append(command, signed))
        .map(OrderView::of);
  }
}
