package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.domain.ledger.AccountType;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.risk.RiskGrade;
import cn.anshan.oversight.escrow.domain.risk.RiskIndicator;
import cn.anshan.oversight.escrow.domain.risk.RiskRules;
import cn.anshan.oversight.escrow.domain.risk.RiskRules.Trip;
import cn.anshan.oversight.escrow.domain.supervision.Supervision;
import cn.anshan.oversight.escrow.messaging.RiskEvents;
import cn.anshan.oversight.escrow.repository.BankMovementRepository;
import cn.anshan.oversight.escrow.repository.ConsumptionRepository;
import cn.anshan.oversight.escrow.repository.LedgerRepository;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.RefundRepository;
import cn.anshan.oversight.escrow.repository.RiskTripRepository;
import cn.anshan.oversight.escrow.repository.SupervisionRepository;
import cn.anshan.oversight.escrow.service.Views.BalanceStatementReceipt;
import cn.anshan.oversight.escrow.service.Views.RiskPage;
import cn.anshan.oversight.escrow.service.Views.RiskTripView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.watch.WatchLock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Risk warnings (§11 row 13): each indicator, graded, at most once per institution, indicator and
 * business day, as a RiskIndicatorTripped event visible to the district's regulator.
 */
@ApplicationScoped
public class RiskService {
  private final OrderRepository orders;
  private final RefundRepository refunds;
  private final SupervisionRepository supervisions;
  private final LedgerRepository ledger;
  private final BankMovementRepository bank;
  private final ConsumptionRepository consumptions;
  private final RiskTripRepository trips;
  private final Outbox outbox;
  private final OversightClock clock;
  private final EscrowSettings settings;

  public RiskService(
      OrderRepository orders,
      RefundRepository refunds,
      SupervisionRepository supervisions,
      LedgerRepository ledger,
      BankMovementRepository bank,
      ConsumptionRepository consumptions,
      RiskTripRepository trips,
      Outbox outbox,
      OversightClock clock,
      EscrowSettings settings) {
    this.orders = orders;
    this.refunds = refunds;
    this.supervisions = supervisions;
    this.ledger = ledger;
    this.bank = bank;
    this.consumptions = consumptions;
    this.trips = trips;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Records a trip unless the same indicator already tripped today; returns whether it did. The
   * platform trips it, whoever's command set it off (a parent's refund request, a bank's payment):
   * that person is not an actor of the institution's risk record (and must not become able to read
   * the institution's audit timeline); the correlation and causation still lead back to them.
   */
  public Uni<Boolean> trip(CommandContext cause, String institutionId, String district, Trip trip) {
    CommandContext context = cause.byThePlatform("escrow-monitor");
    Instant now = clock.now();
    return trips
        .claim(institutionId, district, trip, clock.today(), now)
        .chain(
            claimed ->
                !claimed
                    ? Uni.createFrom().item(false)
                    : trips
                        .nextVersion(institutionId, district)
                        .chain(
                            version ->
                                outbox.append(
                                    context, tripped(version, institutionId, district, trip, now)))
                        .replaceWith(true));
  }

  private static DomainEvent tripped(
      long version, String institutionId, String district, Trip trip, Instant now) {
    return RiskEvents.riskTripped(
        version,
        new RiskEvents.RiskIndicatorTripped(
            institutionId,
            district,
            trip.indicator().name(),
            trip.grade().name(),
            trip.value(),
            trip.threshold(),
            trip.indicator().rule(),
            trip.detail(),
            now));
  }

  private Uni<Boolean> maybe(
      CommandContext context, String institutionId, String district, Optional<Trip> trip) {
    return trip.isEmpty()
        ? Uni.createFrom().item(false)
        : trip(context, institutionId, district, trip.get());
  }

  /**
   * After a payment (a lump sum or one instalment, {@code bankRef}): collection while not entitled,
   * and the sales spike (row 13 b).
   */
  public Uni<Void> afterPayment(
      CommandContext context, Order order, String bankRef, long amountFen, boolean entitled) {
    Uni<Boolean> first =
        entitled
            ? Uni.createFrom().item(false)
            : trip(
                context,
                order.institutionId(),
                order.district(),
                new Trip(
                    RiskIndicator.COLLECTION_WHILE_NOT_ENTITLED,
                    RiskGrade.RED,
                    amountFen,
                    0,
                    "payment of "
                        + amountFen
                        + " fen for order "
                        + order.id()
                        + " arrived while the institution may not collect"));
    Instant now = clock.now();
    // The payment being recorded counts in the last week; the query sees only earlier ones.
    return first
        .chain(
            () ->
                bank.paymentsBetween(
                        order.institutionId(), bankRef, now.minus(Duration.ofDays(7)), now)
                    .chain(
                        earlierThisWeek ->
                            bank.paymentsBetween(
                                    order.institutionId(),
                                    bankRef,
                                    now.minus(Duration.ofDays(35)),
                                    now.minus(Duration.ofDays(7)))
                                .chain(
                                    before ->
                                        maybe(
                                            context,
                                            order.institutionId(),
                                            order.district(),
                                            RiskRules.salesSpike(
                                                earlierThisWeek + amountFen,
                                                before,
                                                settings.risk().salesSpikeFactor(),
                                                settings.risk().salesSpikeMinFen())))))
        .replaceWithVoid();
  }

  /** After a lesson was asked for: the order's lessons going faster than taught (PLT-14). */
  public Uni<Void> afterConsumptionRequest(CommandContext context, Order order) {
    return consumptions
        .requestedSince(order.id(), clock.now().minus(Duration.ofDays(7)))
        .chain(
            n ->
                maybe(
                    context,
                    order.institutionId(),
                    order.district(),
                    RiskRules.fastConsumption(n, settings.risk().fastConsumptionLessonsPerWeek())))
        .replaceWithVoid();
  }

  /**
   * REL-04: the institution asked to be paid for a session the order's child did not attend. The
   * request was refused and rolled back; this records the attempt on its own, after it.
   */
  @WithTransaction
  public Uni<Void> consumptionWithoutAttendance(CommandContext context, AttendanceMissing miss) {
    return trip(
            context,
            miss.institutionId(),
            miss.district(),
            new Trip(
                RiskIndicator.CONSUMPTION_WITHOUT_ATTENDANCE,
                RiskGrade.ORANGE,
                1,
                0,
                "a lesson of order "
                    + miss.orderId()
                    + " was asked for session "
                    + miss.sessionId()
                    + ", which the order's child did not attend"))
        .replaceWithVoid();
  }

  /** After a parent's refund request: refund surge (row 13 c). */
  public Uni<Void> afterRefundRequest(CommandContext context, Order order) {
    return refunds
        .requestedSince(order.institutionId(), clock.now().minus(Duration.ofDays(7)))
        .chain(
            count ->
                maybe(
                    context,
                    order.institutionId(),
                    order.district(),
                    RiskRules.refundSurge(count, settings.risk().refundSurgeCount())))
        .replaceWithVoid();
  }

  /** Reserve below the minimum (row 13 g), checked at setup and after each deposit. */
  public Uni<Void> reserve(CommandContext context, Supervision s) {
    if (!s.reserveBelow(settings.supervision().riskReserveMinFen())) {
      return Uni.createFrom().voidItem();
    }
    return maybe(
            context,
            s.institutionId(),
            s.district(),
            RiskRules.reserve(s.reserveFen(), settings.supervision().riskReserveMinFen()))
        .replaceWithVoid();
  }

  /**
   * Row 13 (a) and issue 17 item 7: the custody bank states the balance it actually holds at the
   * end of a day (today: now). For today, coverage is that balance against the unconsumed value;
   * the reconciliation compares it with what the ledger says custody held at the same moment: a
   * shortfall trips CUSTODY_SHORTFALL (PRE-08), an excess UNEXPLAINED_INFLOW (PRE-25).
   */
  @WithTransaction
  public Uni<BalanceStatementReceipt> balanceStatement(
      CommandContext command,
      String bankRef,
      String institutionId,
      LocalDate asOf,
      long balanceFen) {
    LocalDate today = clock.today();
    LocalDate day = asOf == null ? today : asOf;
    if (day.isAfter(today)) {
      throw ProblemException.rule(
          RiskIndicator.CUSTODY_SHORTFALL.rule(),
          "a balance is stated for a day that has begun: asOf " + day + " is after " + today);
    }
    // the end of the day; for today that is everything recorded so far
    Instant at = day.plusDays(1).atStartOfDay(OversightClock.BUSINESS_ZONE).toInstant();
    return supervisions
        .findById(institutionId)
        .map(s -> ProblemException.requireFound(s, "supervised account of " + institutionId))
        .chain(
            s ->
                SupervisionService.unconsumed(institutionId)
                    .chain(
                        unconsumed ->
                            ledger
                                .postedDebitBalanceBefore(
                                    AccountType.CUSTODY_CASH.idFor(institutionId), at)
                                .chain(
                                    held ->
                                        judge(
                                            command,
                                            s,
                                            bankRef,
                                            day,
                                            day.equals(today),
                                            balanceFen,
                                            held,
                                            unconsumed))));
  }

  private Uni<BalanceStatementReceipt> judge(
      CommandContext command,
      Supervision s,
      String bankRef,
      LocalDate day,
      boolean current,
      long balanceFen,
      long ledgerFen,
      long unconsumed) {
    // coverage compares with today's unconsumed value: meaningless for an earlier day's balance
    Optional<Trip> coverage =
        current
            ? RiskRules.coverage(
                balanceFen,
                unconsumed,
                settings.risk().coverageMin(),
                settings.risk().coverageRed())
            : Optional.empty();
    Optional<Trip> reconciliation =
        RiskRules.reconciliation(
            balanceFen, ledgerFen, settings.risk().reconciliationToleranceFen());
    Double ratio = current && unconsumed > 0 ? (double) balanceFen / unconsumed : null;
    return maybe(command, s.institutionId(), s.district(), coverage)
        .chain(() -> maybe(command, s.institutionId(), s.district(), reconciliation))
        .replaceWith(
            new BalanceStatementReceipt(
                bankRef,
                s.institutionId(),
                day,
                balanceFen,
                ledgerFen,
                unconsumed,
                ratio,
                reconciliation.isEmpty(),
                coverage.isPresent() || reconciliation.isPresent()));
  }

  /** Row 13 (d): paid orders without lesson activity for the configured days. */
  @WithTransaction
  public Uni<Integer> watchStale(int batch) {
    // one replica at a time (issue 15 item 3); the others skip this run
    return WatchLock.exclusive("escrow.stale-balance", () -> watchStaleOnThisReplica(batch));
  }

  private Uni<Integer> watchStaleOnThisReplica(int batch) {
    Instant now = clock.now();
    int days = settings.risk().staleBalanceDays();
    CommandContext system =
        new CommandContext(
            Actor.system("escrow-monitor"),
            "stale-watch-" + clock.today(),
            "stale-watch-" + UUID.randomUUID());
    return orders
        .stale(now.minus(Duration.ofDays(days)), batch)
        .chain(
            stale -> {
              Uni<Integer> chain = Uni.createFrom().item(0);
              for (Order order : stale) {
                long idle = Duration.between(order.lastActivityAt(), now).toDays();
                chain =
                    chain.chain(
                        n ->
                            maybe(
                                    system,
                                    order.institutionId(),
                                    order.district(),
                                    RiskRules.stale(idle, order.unconsumedFen(), days))
                                .map(t -> t ? n + 1 : n));
              }
              return chain;
            });
  }

  /** Regulators their district, operators their institution, auditors all; newest last. */
  @WithSession
  public Uni<RiskPage> list(Actor actor, String institutionId, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, settings.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    return trips
        .page(
            scope(actor),
            institutionId,
            after.isStart() ? null : after.instant(),
            Page.afterId(after),
            size + 1)
        .map(
            rows -> {
              List<RiskTripView> items = rows.stream().limit(size).map(RiskService::view).toList();
              String next =
                  rows.size() > size
                      ? Keyset.cursor(
                          items.get(size - 1).trippedAt(), items.get(size - 1).id().toString())
                      : null;
              return new RiskPage(items, next);
            });
  }

  /** Auditors see every trip, regulators their district's, an institution's operators its own. */
  private static RiskTripRepository.Scope scope(Actor actor) {
    return switch (actor.role()) {
      case Roles.AUDITOR -> new RiskTripRepository.Scope(null, null);
      case Roles.REGULATOR -> {
        if (actor.district() == null) {
          throw ProblemException.forbidden("the token carries no district claim");
        }
        yield new RiskTripRepository.Scope(actor.district(), null);
      }
      default -> {
        if (actor.institutionId() == null) {
          throw ProblemException.forbidden("the token carries no institution_id claim");
        }
        yield new RiskTripRepository.Scope(null, actor.institutionId());
      }
    };
  }

  private static RiskTripView view(RiskTripRepository.RiskTripRow r) {
    return new RiskTripView(
        r.id(),
        r.institutionId(),
        r.district(),
        r.indicator(),
        r.grade(),
        r.value(),
        r.threshold(),
        r.detail(),
        r.businessDate(),
        r.trippedAt());
  }
}
