package cn.anshan.oversight.escrow.service;

import static cn.anshan.oversight.escrow.domain.ledger.AccountType.CUSTODY_CASH;
import static cn.anshan.oversight.escrow.domain.ledger.AccountType.RESERVE_CASH;
import static cn.anshan.oversight.escrow.domain.ledger.AccountType.RESERVE_HELD;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.domain.entitlement.InstitutionStanding;
import cn.anshan.oversight.escrow.domain.ledger.JournalEntry;
import cn.anshan.oversight.escrow.domain.ledger.Movements;
import cn.anshan.oversight.escrow.domain.order.SaleRules;
import cn.anshan.oversight.escrow.domain.supervision.CustodyAgreement;
import cn.anshan.oversight.escrow.domain.supervision.Supervision;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionMode;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionRules;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionRules.AccountOpening;
import cn.anshan.oversight.escrow.repository.BankMovementRepository;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.StandingRepository;
import cn.anshan.oversight.escrow.repository.SupervisionRepository;
import cn.anshan.oversight.escrow.service.Views.ReserveReceipt;
import cn.anshan.oversight.escrow.service.Views.SupervisionView;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.outbox.Outbox;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Supervision setup (PRE-09…13, LN-PRE-02/03, §11 row 9): one dedicated account per institution
 * under a filed agreement; the risk reserve and its configured minimum.
 */
@ApplicationScoped
public class SupervisionService {
  private final SupervisionRepository supervisions;
  private final OrderRepository orders;
  private final StandingRepository standings;
  private final BankMovementRepository bank;
  private final Ledgers ledgers;
  private final RiskService risk;
  private final Outbox outbox;
  private final OversightClock clock;
  private final EscrowSettings settings;

  public SupervisionService(
      SupervisionRepository supervisions,
      OrderRepository orders,
      StandingRepository standings,
      BankMovementRepository bank,
      Ledgers ledgers,
      RiskService risk,
      Outbox outbox,
      OversightClock clock,
      EscrowSettings settings) {
    this.supervisions = supervisions;
    this.orders = orders;
    this.standings = standings;
    this.bank = bank;
    this.ledgers = ledgers;
    this.risk = risk;
    this.outbox = outbox;
    this.clock = clock;
    this.settings = settings;
  }

  /** PRE-10 / LN-PRE-02: the operator records the filed agreement and the one account. */
  @WithTransaction
  public Uni<SupervisionView> setUp(
      CommandContext command, String institutionId, CustodyAgreement agreement) {
    Actor operator = command.actor();
    if (!institutionId.equals(operator.institutionId())) {
      throw ProblemException.notFound("institution " + institutionId);
    }
    SupervisionRules.requireAllowedMode(settings.supervision().allowedModes(), agreement.mode());
    return opening(institutionId, agreement.accountNo())
        .chain(opening -> open(command, institutionId, opening, agreement));
  }

  private Uni<AccountOpening> opening(String institutionId, String accountNo) {
    return standings
        .findById(institutionId)
        .map(standing -> new AccountOpening(standing, null, false))
        .chain(
            o ->
                supervisions
                    .findById(institutionId)
                    .map(s -> new AccountOpening(o.standing(), s, false)))
        .chain(
            o ->
                supervisions
                    .accountNoTaken(accountNo)
                    .map(taken -> new AccountOpening(o.standing(), o.existing(), taken)));
  }

  private Uni<SupervisionView> open(
      CommandContext command,
      String institutionId,
      AccountOpening opening,
      CustodyAgreement agreement) {
    Decision<Supervision> opened =
        Supervision.open(
            institutionId,
            opening,
            agreement,
            command.actor().subject(),
            clock.now(),
            settings.supervision().riskReserveMinFen());
    return outbox
        .appendNew(command, opened, supervisions::persist)
        .call(s -> risk.reserve(command, s))
        .chain(s -> view(s, opening.standing()));
  }

  /** PRE-12: the custody bank reports a deposit into the risk reserve. */
  @WithTransaction
  public Uni<ReserveReceipt> depositReserve(
      CommandContext command, String bankRef, String institutionId, long amountFen) {
    String hash = "RESERVE|" + institutionId + "|" + amountFen;
    return bank.hashOf(bankRef)
        .chain(
            seen ->
                seen.isPresent()
                    ? reserveReplayed(bankRef, seen.get(), hash, institutionId, amountFen)
                    : reserveAccount(institutionId)
                        .chain(s -> reserveDeposited(command, s, bankRef, hash, amountFen)));
  }

  /** The same bank reference again: the same receipt (without a new deposit), or 409 if reused. */
  private Uni<ReserveReceipt> reserveReplayed(
      String bankRef, String seenHash, String hash, String institutionId, long amountFen) {
    if (!seenHash.equals(hash)) {
      throw BankReferences.reused(bankRef);
    }
    return supervisions
        .findById(institutionId)
        .map(s -> new ReserveReceipt(bankRef, institutionId, amountFen, s.reserveFen(), null));
  }

  /** The institution's supervision, locked, in reserve mode (PRE-12). */
  private Uni<Supervision> reserveAccount(String institutionId) {
    return supervisions
        .findForUpdate(institutionId)
        .map(s -> ProblemException.requireFound(s, "supervised account of " + institutionId))
        .map(SupervisionRules::requireReserveMode);
  }

  private Uni<ReserveReceipt> reserveDeposited(
      CommandContext command, Supervision s, String bankRef, String hash, long amountFen) {
    String institutionId = s.institutionId();
    Instant now = clock.now();
    long min = settings.supervision().riskReserveMinFen();
    return ledgers
        .forAccounts(
            List.of(RESERVE_CASH.idFor(institutionId), RESERVE_HELD.idFor(institutionId)),
            ledger -> Movements.depositReserve(ledger, institutionId, amountFen, bankRef, now))
        .call(entry -> bank.record(bankRef, "RESERVE", hash, institutionId, null, amountFen, now))
        .call(
            (JournalEntry entry) ->
                outbox.append(
                    command,
                    s.record(s.reserveDeposited(amountFen, bankRef, min, entry.id(), now))))
        .call(() -> risk.reserve(command, s))
        .map(entry -> new ReserveReceipt(bankRef, institutionId, amountFen, s.reserveFen(), now));
  }

  /** Operators their own institution, regulators their district, auditors all. */
  @WithSession
  public Uni<SupervisionView> get(Actor actor, String institutionId) {
    return supervisions
        .findById(institutionId)
        .map(
            s ->
                ProblemException.requireFound(
                    s,
                    "supervised account of " + institutionId,
                    found -> actor.oversees(found.institutionId(), found.district())))
        .chain(s -> standings.findById(institutionId).chain(standing -> view(s, standing)));
  }

  /** What the institution holds in custody and owes in lessons, as its account view shows it. */
  private record Holdings(long custodyFen, long unconsumedFen, Long exitRefundsOpen) {}

  private Uni<SupervisionView> view(Supervision s, InstitutionStanding standing) {
    boolean lost = standing != null && standing.lostStanding();
    return ledgers
        .balance(CUSTODY_CASH.idFor(s.institutionId()))
        .chain(custody -> unconsumed(s.institutionId()).map(u -> new Holdings(custody, u, null)))
        .chain(
            h ->
                lost
                    ? orders
                        .openCount(s.institutionId())
                        .map(open -> new Holdings(h.custodyFen(), h.unconsumedFen(), open))
                    : Uni.createFrom().item(h))
        .map(h -> view(s, standing, h));
  }

  private SupervisionView view(Supervision s, InstitutionStanding standing, Holdings h) {
    return new SupervisionView(
        s.institutionId(),
        s.district(),
        s.mode(),
        s.bankName(),
        s.accountNo(),
        s.agreementNo(),
        s.agreementFiledWith(),
        s.openedAt(),
        s.reserveFen(),
        s.mode() == SupervisionMode.RISK_RESERVE
            ? settings.supervision().riskReserveMinFen()
            : null,
        SaleRules.mayCollect(standing),
        standing == null ? "NONE" : standing.listStatus(),
        h.custodyFen(),
        h.unconsumedFen(),
        h.exitRefundsOpen(),
        s.version());
  }

  /**
   * Row 13 (a): value of unconsumed lessons: paid (every instalment received so far), not released,
   * not refunded.
   */
  public static Uni<Long> unconsumed(String institutionId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select cast(coalesce(sum(paid_fen - released_fen - refunded_fen), 0) as bigint)"
                            + " from prepay_order where institution_id = ?1 and paid_at is not null",
                        Long.class)
                    .setParameter(1, institutionId)
                    .getSingleResult());
  }
}
