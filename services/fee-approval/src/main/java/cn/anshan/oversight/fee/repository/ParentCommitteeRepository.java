package cn.anshan.oversight.fee.repository;

import cn.anshan.oversight.fee.domain.ParentCommittee;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;

@ApplicationScoped
public class ParentCommitteeRepository implements PanacheRepositoryBase<ParentCommittee, String> {

  /**
   * Creates the committee unless it exists; of two first convenings at once, one inserts and the
   * other waits for it and inserts nothing. Answers whether this call created it.
   */
  public Uni<Boolean> convene(String schoolId, String district, Instant at) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "insert into parent_committee (school_id, district, version, convened_at)"
                            + " values (?1, ?2, 0, ?3) on conflict (school_id) do nothing")
                    .setParameter(1, schoolId)
                    .setParameter(2, district)
                    .setParameter(3, at)
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  /** Row-locked, so two concurrent changes of one committee never emit the same version. */
  public Uni<ParentCommittee> forUpdate(String schoolId) {
    return findById(schoolId, LockModeType.PESSIMISTIC_WRITE);
  }
}
