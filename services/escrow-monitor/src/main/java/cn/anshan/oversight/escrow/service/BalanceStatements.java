package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.domain.ledger.AccountType;
import cn.anshan.oversight.escrow.domain.risk.RiskRules;
import cn.anshan.oversight.escrow.domain.risk.RiskRules.Trip;
import cn.anshan.oversight.escrow.domain.supervision.Supervision;
import cn.anshan.oversight.escrow.repository.LedgerRepository;
import cn.anshan.oversight.escrow.repository.SupervisionRepository;
import cn.anshan.oversight.escrow.service.Views.BalanceStatementReceipt;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.OversightClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Row 13 (a) and issue 17 item 7: the custody bank's statement of the balance it holds for a
 * supervised account, judged for coverage (PRE-08) and against the ledger (PRE-25); a breach trips
 * a risk warning ({@link RiskService}).
 */
@ApplicationScoped
public class BalanceStatements {
  private final SupervisionRepository supervisions;
  private final LedgerRepository ledger;
  private final RiskService risk;
  private final OversightClock clock;
  private final EscrowSettings settings;

  public BalanceStatements(
      SupervisionRepository supervisions,
      LedgerRepository ledger,
      RiskService risk,
      OversightClock clock,
      EscrowSettings settings) {
    this.supervisions = supervisions;
    this.ledger = ledger;
    this.risk = risk;
    this.clock = clock;
    this.settings = settings;
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
    RiskRules.requireStatedDay(day, today);
    // the end of the day; for today that is everything recorded so far
    Instant at = day.plusDays(1).atStartOfDay(OversightClock.BUSINESS_ZONE).toInstant();
    return supervisions
        .findById(institutionId)
        .map(s -> ProblemException.requireFound(s, "supervised account of " + institutionId))
        .chain(
            s ->
                SupervisionService.unconsumed(institutionId)
                    .map(
                        unconsumed ->
                            new Statement(
                                s, bankRef, day, day.equals(today), balanceFen, unconsumed)))
        .chain(
            statement ->
                ledger
                    .postedDebitBalanceBefore(AccountType.CUSTODY_CASH.idFor(institutionId), at)
                    .chain(held -> judge(command, statement, held)));
  }

  /**
   * A bank's statement of the balance it holds for a supervised account, and what the ledger owes.
   */
  private record Statement(
      Supervision supervision,
      String bankRef,
      LocalDate day,
      boolean current,
      long balanceFen,
      long unconsumed) {}

  private Uni<BalanceStatementReceipt> judge(
      CommandContext command, Statement statement, long ledgerFen) {
    Supervision s = statement.supervision();
    long balanceFen = statement.balanceFen();
    long unconsumed = statement.unconsumed();
    // coverage compares with today's unconsumed value: meaningless for an earlier day's balance
    Optional<Trip> coverage =
        statement.current()
            ? RiskRules.coverage(
                balanceFen,
                unconsumed,
                settings.risk().coverageMin(),
                settings.risk().coverageRed())
            : Optional.empty();
    Optional<Trip> reconciliation =
        RiskRules.reconciliation(
            balanceFen, ledgerFen, settings.risk().reconciliationToleranceFen());
    Double ratio = statement.current() && unconsumed > 0 ? (double) balanceFen / unconsumed : null;
    return risk.tripIfAny(command, s.institutionId(), s.district(), coverage)
        .chain(() -> risk.tripIfAny(command, s.institutionId(), s.district(), reconciliation))
        .replaceWith(
            new BalanceStatementReceipt(
                statement.bankRef(),
                s.institutionId(),
                statement.day(),
                balanceFen,
                ledgerFen,
                unconsumed,
                ratio,
                reconciliation.isEmpty(),
                coverage.isPresent() || reconciliation.isPresent()));
  }
}
