package cn.anshan.oversight.fee.repository;

import cn.anshan.oversight.fee.domain.ParentCommittee;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class ParentCommitteeRepository implements PanacheRepositoryBase<ParentCommittee, String> {

  /** Row-locked, so two concurrent changes of one committee never emit the same version. */
  public Uni<ParentCommittee> forUpdate(String schoolId) {
    return findById(schoolId, LockModeType.PESSIMISTIC_WRITE);
  }
}
