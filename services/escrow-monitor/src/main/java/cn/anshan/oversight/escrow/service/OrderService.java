package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.domain.contract.ContractRules;
import cn.anshan.oversight.escrow.domain.contract.PaymentMethod;
import cn.anshan.oversight.escrow.domain.contract.PaymentPlan;
import cn.anshan.oversight.escrow.domain.contract.SignedContract;
import cn.anshan.oversight.escrow.domain.entitlement.FiledCourse;
import cn.anshan.oversight.escrow.domain.entitlement.InstitutionStanding;
import cn.anshan.oversight.escrow.domain.ledger.Account;
import cn.anshan.oversight.escrow.domain.ledger.AccountType;
import cn.anshan.oversight.escrow.domain.ledger.EntryKind;
import cn.anshan.oversight.escrow.domain.ledger.JournalEntry;
import cn.anshan.oversight.escrow.domain.ledger.Ledger;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.OrderTerms;
import cn.anshan.oversight.escrow.domain.order.PrepaymentCaps;
import cn.anshan.oversight.escrow.domain.order.PrepaymentRules;
import cn.anshan.oversight.escrow.domain.supervision.Supervision;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionMode;
import cn.anshan.oversight.escrow.messaging.OrderEvents;
import cn.anshan.oversight.escrow.repository.CourseRepository;
import cn.anshan.oversight.escrow.repository.LedgerRepository;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.StandingRepository;
import cn.anshan.oversight.escrow.repository.SupervisionRepository;
import cn.anshan.oversight.escrow.service.Views.OrderPage;
import cn.anshan.oversight.escrow.service.Views.OrderView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Orders and prepayment intake (PRE-05, PRE-20…25, LN-PRE-04, CON-01…09, §11 rows 8 and 10); the
 * custody bank's payment into escrow is {@link BankPaymentService}'s.
 */
@ApplicationScoped
public class OrderService {
  /** §11 row 3 / LST-01: only a white-listed, operational institution may sell and collect. */
  public static final String ENTITLEMENT_RULE = "LST-01";

  /** PRE-05: prepayments go only into the institution's own dedicated (supervised) account. */
  public static final String DEDICATED_ACCOUNT_RULE = "PRE-05";

  /** CON-05 / §11 row 8: the contract's supervision mode matches the institution's setup. */
  public static final String CONTRACT_MODE_RULE = "CON-05";

  private final OrderRepository orders;
  private final CourseRepository courses;
  private final StandingRepository standings;
  private final SupervisionRepository supervisions;
  private final LedgerRepository ledgerEntries;
  private final Children children;
  private final Outbox outbox;
  private final OversightClock clock;
  private final EscrowSettings settings;

  public OrderService(
      OrderRepository orders,
      CourseRepository courses,
      StandingRepository standings,
      SupervisionRepository supervisions,
      LedgerRepository ledgerEntries,
      Children children,
      Outbox outbox,
      OversightClock clock,
      EscrowSettings settings) {
    this.orders = orders;
    this.courses = courses;
    this.standings = standings;
    this.supervisions = supervisions;
    this.ledgerEntries = ledgerEntries;
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

  public PrepaymentCaps caps() {
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

  /** PRE-23: class hours not yet held of the family's paid packages of the course. */
  private static OptionalInt hoursLeft(List<Order> paidOfCourse) {
    return paidOfCourse.isEmpty()
        ? OptionalInt.empty()
        : OptionalInt.of(
            paidOfCourse.stream().mapToInt(o -> o.lessons() - o.lessonsRequested()).sum());
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
        .map(course -> onSale(request.courseId(), course))
        .chain(
            course ->
                standings
                    .findById(course.institutionId())
                    .map(standing -> new Sale(course, entitled(course, standing), null)))
        .chain(
            sale ->
                supervisions
                    .findById(sale.course().institutionId())
                    .map(
                        supervision ->
                            new Sale(
                                sale.course(),
                                sale.standing(),
                                supervisedAs(request, sale.course(), supervision))));
  }

  private static FiledCourse onSale(UUID courseId, FiledCourse course) {
    if (course == null) {
      throw ProblemException.notFound("filed course " + courseId);
    }
    course
        .whyNotOnSale()
        .ifPresent(
            stop -> {
              throw ProblemException.rule(
                  stop.rule(), "course " + course.courseId() + " is not on sale: " + stop.detail());
            });
    return course;
  }

  private static InstitutionStanding entitled(FiledCourse course, InstitutionStanding standing) {
    if (standing == null || !standing.entitled()) {
      throw ProblemException.rule(
          ENTITLEMENT_RULE,
          "institution "
              + course.institutionId()
              + " may not sell or collect: it is not white-listed and operational (list status "
              + (standing == null ? "unknown" : standing.listStatus())
              + ")");
    }
    return standing;
  }

  private static Supervision supervisedAs(
      PlaceOrder request, FiledCourse course, Supervision supervision) {
    if (supervision == null) {
      throw ProblemException.rule(
          DEDICATED_ACCOUNT_RULE,
          "institution "
              + course.institutionId()
              + " has no supervised account to take prepayments into");
    }
    if (supervision.mode() != request.supervisionMode()) {
      throw ProblemException.rule(
          CONTRACT_MODE_RULE,
          "the contract ticks "
              + request.supervisionMode()
              + " but the institution is supervised by "
              + supervision.mode());
    }
    return supervision;
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

  /** The prepayment caps (LN-PRE-04, PRE-20…24, CON-09) and the contract rules, all at once. */
  private Uni<Void> checkRules(Actor parent, Sale sale, PlaceOrder request) {
    OrderTerms terms = terms(sale, request);
    List<RuleViolation> violations = new ArrayList<>(PrepaymentRules.check(terms, caps()));
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
    int windowDays = settings.prepay().splitWindowDays();
    String institutionId = sale.course().institutionId();
    return orders
        .paidOfCourse(parent.subject(), sale.course().courseId())
        .invoke(
            paid ->
                PrepaymentRules.checkEarliestCollection(terms, hoursLeft(paid), caps())
                    .ifPresent(violations::add))
        .chain(
            () ->
                orders.splitWindow(
                    parent.subject(),
                    institutionId,
                    clock.now().minus(Duration.ofDays(windowDays))))
        .invoke(
            window -> {
              int hours = window.stream().mapToInt(o -> o.lessons() - o.lessonsReleased()).sum();
              long amount =
                  window.stream()
                      .mapToLong(o -> o.amountFen() - o.releasedFen() - o.refundedFen())
                      .sum();
              violations.addAll(
                  PrepaymentRules.checkSplit(terms, hours, amount, windowDays, caps()));
              if (!violations.isEmpty()) {
                throw ProblemException.rules(violations);
              }
            })
        .replaceWithVoid();
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
        OrderEvents.orderPlaced(order, order.coolingOff(OversightClock.BUSINESS_ZONE));
    DomainEvent signed = OrderEvents.contractSigned(order);
    return orders
        .persist(order)
        .call(() -> outbox.append(command, placed))
        .call(() -> outbox.append(command, signed))
        .map(OrderView::of);
  }

  @WithSession
  public Uni<OrderView> get(Actor actor, UUID orderId) {
    return orders.findById(orderId).map(o -> OrderView.of(Access.visible(actor, o, orderId)));
  }

  /** The caller's orders, oldest first (keyset pagination). */
  @WithSession
  public Uni<OrderPage> list(Actor actor, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, settings.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    return orders
        .page(Access.scope(actor), after.instant(), Page.afterId(after), size + 1)
        .map(
            found -> {
              List<OrderView> items = found.stream().limit(size).map(OrderView::of).toList();
              String next =
                  found.size() > size
                      ? Keyset.cursor(
                          items.get(size - 1).placedAt(), items.get(size - 1).orderId().toString())
                      : null;
              return new OrderPage(items, next);
            });
  }

  /**
   * The order's journal entries (immutable, in writing order) with what they add up to, for whoever
   * may see the order: parents their own, operators their institution, regulators their district,
   * auditors all.
   */
  @WithSession
  public Uni<Views.OrderLedgerView> ledger(Actor actor, UUID orderId) {
    return orders
        .findById(orderId)
        .chain(
            o -> {
              Access.visible(actor, o, orderId);
              return ledgerEntries.entriesOf(orderId);
            })
        .map(
            entries -> {
              Account family = Ledger.replay(entries).get(AccountType.FAMILY_ESCROW.idFor(orderId));
              long reserved = sum(entries, EntryKind.PENDING);
              long released = sum(entries, EntryKind.POST_PENDING);
              long returned = sum(entries, EntryKind.VOID_PENDING);
              int open =
                  (int)
                      (entries.stream().filter(e -> e.kind() == EntryKind.PENDING).count()
                          - entries.stream().filter(e -> e.pendingId() != null).count());
              return new Views.OrderLedgerView(
                  orderId,
                  entries.stream().map(OrderService::entryView).toList(),
                  family == null ? 0 : family.balance(),
                  reserved,
                  released,
                  returned,
                  open);
            });
  }

  private static long sum(List<JournalEntry> entries, EntryKind kind) {
    return entries.stream().filter(e -> e.kind() == kind).mapToLong(JournalEntry::amountFen).sum();
  }

  private static Views.LedgerEntryView entryView(JournalEntry e) {
    return new Views.LedgerEntryView(
        e.id(),
        e.kind().name(),
        e.code().name(),
        e.pendingId(),
        e.lessonNo(),
        e.reference(),
        e.at(),
        e.amountFen(),
        e.lines().stream()
            .map(l -> new Views.LedgerLineView(l.accountId(), l.side().name(), l.amountFen()))
            .toList());
  }
}
