package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.domain.supervision.CustodyBank;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.repository.SupervisionRepository;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * PRE-10 / PRE-12 (issue 17 item 6): a bank reports movements only of the accounts whose filed
 * agreement names it. Checked before the command's own transaction, replays included, so a foreign
 * bank learns nothing but the refusal; the binding it reads (the agreement's bank, an order's
 * institution) never changes once written.
 */
@ApplicationScoped
public class CustodyBanks {
  private final SupervisionRepository supervisions;
  private final OrderRepository orders;

  public CustodyBanks(SupervisionRepository supervisions, OrderRepository orders) {
    this.supervisions = supervisions;
    this.orders = orders;
  }

  /** The reporting bank holds the institution's supervised account, or 404 / 403. */
  @WithSession
  public Uni<Void> admit(Actor bank, String institutionId) {
    return supervisions
        .custodyBankOf(institutionId)
        .map(
            agreed ->
                ProblemException.requireFound(agreed, "supervised account of " + institutionId))
        .map(
            agreed -> {
              if (!agreed.is(bank.bankId())) {
                throw refused(bank, institutionId, agreed);
              }
              return null;
            });
  }

  /** The reporting bank holds the account the order is paid into, or 404 / 403. */
  @WithSession
  public Uni<Void> admitForOrder(Actor bank, UUID orderId) {
    return orders
        .institutionOf(orderId)
        .map(institutionId -> ProblemException.requireFound(institutionId, "order " + orderId))
        .chain(institutionId -> admit(bank, institutionId));
  }

  private static ProblemException refused(Actor bank, String institutionId, CustodyBank agreed) {
    String who =
        bank.bankId() == null ? "a token without a bank_id claim" : "bank " + bank.bankId();
    return ProblemException.rule(
        403,
        agreed.rule(),
        who
            + " may not report movements of institution "
            + institutionId
            + "'s supervised account: its filed agreement names another bank");
  }
}
