package cn.anshan.oversight.escrow.repository;

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

  public Uni<Boolean> accountNoTaken(String accountNo) {
    return count("accountNo", accountNo).map(n -> n > 0);
  }
}
