package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.domain.entitlement.FiledCourse;
import cn.anshan.oversight.escrow.domain.order.Holdings;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.OrderForm;
import cn.anshan.oversight.escrow.domain.order.OrderLimits;
import cn.anshan.oversight.escrow.domain.order.OrderPlacement;
import cn.anshan.oversight.escrow.domain.order.PrepaymentCaps;
import cn.anshan.oversight.escrow.domain.order.Sale;
import cn.anshan.oversight.escrow.domain.order.SaleRules;
import cn.anshan.oversight.escrow.repository.CourseRepository;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.StandingRepository;
import cn.anshan.oversight.escrow.repository.SupervisionRepository;
import cn.anshan.oversight.escrow.service.Views.OrderView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

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

  private OrderLimits limits() {
    EscrowSettings.Prepay p = settings.prepay();
    return new OrderLimits(
        new PrepaymentCaps(
            p.maxMonths(),
            p.maxClassHours(),
            p.maxAmountFenNonSubject(),
            p.maxAmountFenSubject(),
            p.subjectAmountCapEnabled(),
            p.earliestBeforeCourseDays(),
            p.earliestRemainingHours(),
            p.termStarts(),
            p.contractTemplate()),
        p.maxInstalments(),
        p.splitWindowDays());
  }

  /**
   * A parent orders class hours of a filed course for one of their children and signs the model
   * contract (PLT-06): the sale is checked as it is loaded, then {@link OrderPlacement} checks
   * every cap and contract rule at once; nothing is stored on failure.
   */
  @WithTransaction
  public Uni<OrderView> place(CommandContext command, OrderForm request) {
    Actor parent = command.actor();
    request.requireOrderedPeriod();
    return sale(request)
        .call(sale -> children.ofGuardian(parent, request.childId()))
        .chain(
            sale ->
                holdings(parent, sale.course()).map(held -> placed(parent, request, sale, held)))
        .chain(decision -> outbox.appendNew(command, decision, orders::persist))
        .map(OrderView::of);
  }

  private Decision<Order> placed(Actor parent, OrderForm request, Sale sale, Holdings held) {
    return OrderPlacement.place(
        parent.subject(),
        request,
        sale,
        held,
        limits(),
        clock.now(),
        clock.today(),
        OversightClock.BUSINESS_ZONE);
  }

  /** The course on sale, its institution entitled to sell, its account in the contract's mode. */
  private Uni<Sale> sale(OrderForm request) {
    return courses
        .findById(request.courseId())
        .map(course -> ProblemException.requireFound(course, "filed course " + request.courseId()))
        .map(SaleRules::requireOnSale)
        .chain(course -> entitledSale(request, course));
  }

  private Uni<Sale> entitledSale(OrderForm request, FiledCourse course) {
    return standings
        .findById(course.institutionId())
        .map(standing -> SaleRules.requireEntitled(course, standing))
        .chain(
            standing ->
                supervisions
                    .findById(course.institutionId())
                    .map(
                        supervision ->
                            new Sale(
                                course,
                                standing,
                                SaleRules.requireSupervisedAs(
                                    request.supervisionMode(), course, supervision))));
  }

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
}
