package cn.anshan.oversight.registry.repository.staff;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Transaction-scoped advisory locks that serialise the checks spanning several rows: STF-04 counts
 * the whole roster, and STF-06 matches filings against the blacklist. Without them, two concurrent
 * filings could each see a roster that still meets the ratio, or a filing and a listing of the same
 * person could miss each other. Take them in this order, roster before person, so two transactions
 * never wait for each other.
 */
@ApplicationScoped
public class StaffLocks {
  private static final String LOCK =
      "select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) locked";

  /** Every filing and departure of one institution, one at a time. */
  public Uni<Void> roster(String institutionId) {
    return lock("staff-roster:" + institutionId);
  }

  /** Every filing and blacklisting of one person (by ID hash), one at a time. */
  public Uni<Void> person(String idHash) {
    return lock("staff-person:" + idHash);
  }

  private Uni<Void> lock(String name) {
    return Panache.getSession()
        .chain(
            session ->
                session.createNativeQuery(LOCK, Long.class).setParameter(1, name).getSingleResult())
        .replaceWithVoid();
  }
}
