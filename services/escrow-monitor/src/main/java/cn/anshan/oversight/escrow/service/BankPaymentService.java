package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.domain.ledger.EntryKind;
import cn.anshan.oversight.escrow.domain.ledger.JournalEntry;
import cn.anshan.oversight.escrow.domain.ledger.Movements;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.PrepaymentRules;
import cn.anshan.oversight.escrow.domain.order.SaleRules;
import cn.anshan.oversight.escrow.repository.BankMovementRepository;
import cn.anshan.oversight.escrow.repository.LedgerRepository;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.StandingRepository;
import cn.anshan.oversight.escrow.service.Views.PaymentReceipt;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The custody bank's payment into escrow (PRE-05, PRE-25, LN-PRE-05): the ledger receives it, then
 * reserves one lesson's price per lesson it pays for (REL-01).
 */
@ApplicationScoped
public class BankPaymentService {
  private final OrderRepository orders;
  private final StandingRepository standings;
  private final BankMovementRepository bank;
  private final Ledgers ledgers;
  private final LedgerRepository ledgerEntries;
  private final RiskService risk;
  private final ExitRefundService refunds;
  private final Outbox outbox;
  private final OversightClock clock;

  public BankPaymentService(
      OrderRepository orders,
      StandingRepository standings,
      BankMovementRepository bank,
      Ledgers ledgers,
      LedgerRepository ledgerEntries,
      RiskService risk,
      ExitRefundService refunds,
      Outbox outbox,
      OversightClock clock) {
    this.orders = orders;
    this.standings = standings;
    this.bank = bank;
    this.ledgers = ledgers;
    this.ledgerEntries = ledgerEntries;
    this.risk = risk;
    this.refunds = refunds;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** What the bank reports: its reference, the order, the amount and the payment route. */
  public record BankPayment(String bankRef, UUID orderId, long amountFen, String route) {}

  /** A result and whether it replays an earlier identical bank movement. */
  public record Replayable<T>(T value, boolean replayed) {}

  /**
   * PRE-05 / PRE-25: the custody bank reports a family's payment into the dedicated account, with
   * its own reference (a repeated reference with the same content answers the same receipt): the
   * whole amount of a lump-sum order or the next instalment (CON-05). The ledger receives it and
   * reserves each lesson it pays for the institution (REL-01).
   */
  @WithTransaction
  public Uni<Replayable<PaymentReceipt>> receivePayment(
      CommandContext command, BankPayment request) {
    String hash =
        "PAYMENT|" + request.orderId() + "|" + request.amountFen() + "|" + request.route();
    return bank.hashOf(request.bankRef())
        .chain(
            seen -> {
              if (seen.isPresent()) {
                if (!seen.get().equals(hash)) {
                  throw BankReferences.reused(request.bankRef());
                }
                return replayed(request);
              }
              return payDue(command, request, hash);
            });
  }

  private Uni<Replayable<PaymentReceipt>> payDue(
      CommandContext command, BankPayment request, String hash) {
    return orders
        .findForUpdate(request.orderId())
        .map(order -> due(request, order))
        .chain(
            order ->
                standings
                    .findById(order.institutionId())
                    .map(standing -> new Payable(order, SaleRules.mayCollect(standing))))
        .chain(payable -> pay(command, payable.order(), request, hash, payable.entitled()));
  }

  /** The order the payment is due on, and whether its institution may collect (LST-01). */
  private record Payable(Order order, boolean entitled) {}

  /** The order, if the payment is exactly its next instalment at the filed price. */
  private static Order due(BankPayment request, Order order) {
    if (order == null) {
      throw ProblemException.notFound("order " + request.orderId());
    }
    order.requireAwaitingPayment();
    PrepaymentRules.requireNextInstalment(order.nextInstalment(), request.amountFen());
    return order;
  }

  /** The receipt a repeated bank reference answers again, from what the first one stored. */
  private Uni<Replayable<PaymentReceipt>> replayed(BankPayment request) {
    return orders
        .findById(request.orderId())
        .chain(
            order ->
                standings
                    .findById(order.institutionId())
                    .map(standing -> new Replay(order, SaleRules.mayCollect(standing))))
        .chain(
            replay ->
                ledgerEntries
                    .entriesOf(replay.order().id())
                    .map(entries -> replay.reserving(reservedBy(entries, request.bankRef()))))
        .chain(
            replay ->
                bank.receivedAt(request.bankRef())
                    .map(at -> new Replayable<>(replay.receipt(request, at), true)));
  }

  /** What a replayed receipt is made of, gathered one read at a time. */
  private record Replay(Order order, boolean entitled, int lessonsReserved) {
    Replay(Order order, boolean entitled) {
      this(order, entitled, 0);
    }

    Replay reserving(int lessons) {
      return new Replay(order, entitled, lessons);
    }

    PaymentReceipt receipt(BankPayment request, Instant receivedAt) {
      return BankPaymentService.receipt(request, order, lessonsReserved, entitled, receivedAt);
    }
  }

  /** The receipt of {@code request}'s instalment of {@code order}, first given or replayed. */
  private static PaymentReceipt receipt(
      BankPayment request, Order order, int lessonsReserved, boolean entitled, Instant at) {
    return new PaymentReceipt(
        request.bankRef(),
        order.id(),
        order.institutionId(),
        request.amountFen(),
        request.route(),
        lessonsReserved,
        entitled,
        at);
  }

  private static int reservedBy(List<JournalEntry> entries, String bankRef) {
    return (int)
        entries.stream()
            .filter(e -> e.kind() == EntryKind.PENDING && bankRef.equals(e.reference()))
            .count();
  }

  private Uni<Replayable<PaymentReceipt>> pay(
      CommandContext command, Order order, BankPayment request, String hash, boolean entitled) {
    Order.Instalment instalment = order.nextInstalment();
    return ledgers
        .forOrder(
            order,
            false,
            ledger ->
                Movements.receivePrepayment(
                    ledger,
                    order.institutionId(),
                    order.id(),
                    instalment.amountFen(),
                    instalment.firstLesson(),
                    instalment.lessons(),
                    request.bankRef(),
                    clock.now()))
        .chain(
            (List<JournalEntry> reservations) -> {
              Instant now = clock.now();
              PendingEvent received =
                  order.instalmentPaid(request.bankRef(), request.route(), entitled, now);
              PaymentReceipt receipt = receipt(request, order, reservations.size(), entitled, now);
              return bank.record(
                      request.bankRef(),
                      "PAYMENT",
                      hash,
                      order.institutionId(),
                      order.id(),
                      request.amountFen(),
                      now)
                  .call(() -> announced(command, order, received, request, entitled))
                  .replaceWith(new Replayable<>(receipt, false));
            });
  }

  /**
   * Announces the payment, then looks at what it means for risk, and sends it back at once if the
   * institution may not collect (LST-01).
   */
  private Uni<Void> announced(
      CommandContext command,
      Order order,
      PendingEvent received,
      BankPayment request,
      boolean entitled) {
    return outbox
        .append(command, order.record(received))
        .call(
            () ->
                risk.afterPayment(command, order, request.bankRef(), request.amountFen(), entitled))
        .call(
            () ->
                entitled
                    ? Uni.createFrom().voidItem()
                    : refunds.returnPayment(command.byThePlatform("escrow-monitor"), order));
  }
}
