package cn.anshan.oversight.escrow.repository;

import cn.anshan.oversight.escrow.domain.supervision.CustodyBank;
import cn.anshan.oversight.escrow.domain.supervision.Supervision;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class SupervisionRepository implements PanacheRepositoryBase<Supervision, String> {
  public Uni<Supervision> findForUpdate(String institutionId) {
    return findById(institutionId, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * The bank the institution's agreement names, read as values: no entity enters the session, so a
   * later {@link #findForUpdate} still reads the row under its lock.
   */
  public Uni<CustodyBank> custodyBankOf(String institutionId) {
    return find("institutionId", institutionId).project(CustodyBank.class).firstResult();
  }

  public Uni<Boolean> accountNoTaken(String accountNo) {
    return count("accountNo", accountNo).map(n -> n > 0);
  }
}
