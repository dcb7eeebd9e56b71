package cn.anshan.oversight.escrow.service;

import static cn.anshan.oversight.escrow.domain.ledger.AccountType.CUSTODY_CASH;
import static cn.anshan.oversight.escrow.domain.ledger.AccountType.FAMILY_ESCROW;
import static cn.anshan.oversight.escrow.domain.ledger.AccountType.INSTITUTION_PAYABLE;

import cn.anshan.oversight.escrow.domain.ledger.Ledger;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.repository.LedgerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Runs one ledger unit of work for an order and stores it; a refused movement is a 422. */
@ApplicationScoped
public class Ledgers {
  private final LedgerRepository repository;

  public Ledgers(LedgerRepository repository) {
    this.repository = repository;
  }

  public <T> Uni<T> forOrder(Order order, boolean withReservations, Function<Ledger, T> work) {
    List<String> accounts =
        List.of(
            CUSTODY_CASH.idFor(order.institutionId()),
            FAMILY_ESCROW.idFor(order.id()),
            INSTITUTION_PAYABLE.idFor(order.institutionId()));
    return inLedger(accounts, withReservations ? order.id() : null, work);
  }

  public <T> Uni<T> forAccounts(List<String> accounts, Function<Ledger, T> work) {
    return inLedger(accounts, null, work);
  }

  /** A movement the ledger refuses (ProblemException naming its REL rule) saves nothing. */
  private <T> Uni<T> inLedger(
      List<String> accounts, UUID reservationsOf, Function<Ledger, T> work) {
    return repository
        .open(accounts, reservationsOf)
        .chain(
            ledger -> {
              T result = work.apply(ledger);
              return repository.save(ledger).replaceWith(result);
            });
  }

  /** Posted balance of one account on its normal side; 0 when it does not exist yet. */
  public Uni<Long> balance(String accountId) {
    return repository
        .accounts(List.of(accountId))
        .map(list -> list.isEmpty() ? 0L : list.get(0).balance());
  }
}
