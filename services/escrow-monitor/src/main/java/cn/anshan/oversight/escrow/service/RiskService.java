package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.risk.RiskEvents;
import cn.anshan.oversight.escrow.domain.risk.RiskRules;
import cn.anshan.oversight.escrow.domain.risk.RiskRules.Trip;
import cn.anshan.oversight.escrow.domain.risk.SalesSpike;
import cn.anshan.oversight.escrow.domain.supervision.Supervision;
import cn.anshan.oversight.escrow.repository.BankMovementRepository;
import cn.anshan.oversight.escrow.repository.ConsumptionRepository;
import cn.anshan.oversight.escrow.repository.LedgerRepository;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.RefundRepository;
import cn.anshan.oversight.escrow.repository.RiskTripRepository;
import cn.anshan.oversight.escrow.repository.SupervisionRepository;
import cn.anshan.oversight.kit.db.OneAtATime;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.watch.WatchLock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
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
                claimed
                    ? announce(context, institutionId, district, trip, now).replaceWith(true)
                    : Uni.createFrom().item(false));
  }

  private Uni<Void> announce(
      CommandContext context, String institutionId, String district, Trip trip, Instant now) {
    PendingEvent tripped = trip.tripped(institutionId, district, now);
    return trips
        .nextVersion(institutionId, district)
        .chain(
            version ->
                outbox.append(
                    context, tripped.numbered(RiskEvents.AGGREGATE_TYPE, institutionId, version)));
  }

  /** Trips {@code trip} if there is one (see {@link #trip}); returns whether it did. */
  Uni<Boolean> tripIfAny(
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
        tripIfAny(
            context,
            order.institutionId(),
            order.district(),
            RiskRules.collectionWhileNotEntitled(order.id(), amountFen, entitled));
    Instant now = clock.now();
    SalesSpike spike = settings.risk().salesSpike();
    // The payment being recorded counts in the last window; the query sees only earlier ones.
    return first
        .chain(() -> sales(order.institutionId(), bankRef, now, spike))
        .chain(
            sales ->
                tripIfAny(
                    context,
                    order.institutionId(),
                    order.district(),
                    RiskRules.salesSpike(
                        sales.lastWindowFen() + amountFen, sales.baselineFen(), spike)))
        .replaceWithVoid();
  }

  /** What came in through the custody bank: in the last window, and in the baseline before it. */
  private record Sales(long lastWindowFen, long baselineFen) {}

  private Uni<Sales> sales(String institutionId, String bankRef, Instant now, SalesSpike spike) {
    Instant windowStart = now.minus(Duration.ofDays(spike.windowDays()));
    Instant baselineStart = now.minus(Duration.ofDays(spike.lookBackDays()));
    return bank.paymentsBetween(institutionId, bankRef, windowStart, now)
        .chain(
            lastWindow ->
                bank.paymentsBetween(institutionId, bankRef, baselineStart, windowStart)
                    .map(baseline -> new Sales(lastWindow, baseline)));
  }

  /** After a lesson was asked for: the order's lessons going faster than taught (PLT-14). */
  public Uni<Void> afterConsumptionRequest(CommandContext context, Order order) {
    return consumptions
        .requestedSince(order.id(), clock.now().minus(Duration.ofDays(7)))
        .chain(
            n ->
                tripIfAny(
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
            RiskRules.consumptionWithoutAttendance(miss.orderId(), miss.sessionId()))
        .replaceWithVoid();
  }

  /** After a parent's refund request: refund surge (row 13 c). */
  public Uni<Void> afterRefundRequest(CommandContext context, Order order) {
    return refunds
        .requestedSince(order.institutionId(), clock.now().minus(Duration.ofDays(7)))
        .chain(
            count ->
                tripIfAny(
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
    return tripIfAny(
            context,
            s.institutionId(),
            s.district(),
            RiskRules.reserve(s.reserveFen(), settings.supervision().riskReserveMinFen()))
        .replaceWithVoid();
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
            stale ->
                OneAtATime.count(
                    stale,
                    order ->
                        tripIfAny(
                            system,
                            order.institutionId(),
                            order.district(),
                            RiskRules.stale(
                                Duration.between(order.lastActivityAt(), now).toDays(),
                                order.unconsumedFen(),
                                days))));
  }
}
