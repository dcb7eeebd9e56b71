package cn.anshan.oversight.registry.repository.premises;

import cn.anshan.oversight.registry.domain.premises.Premises;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PremisesRepository implements PanacheRepositoryBase<Premises, UUID> {

  /** One page of an institution's sites in (filedAt, id) order strictly after the cursor. */
  public Uni<List<Premises>> page(String institutionId, Instant afterAt, UUID afterId, int limit) {
    if (afterAt == null) {
      return find("institutionId = ?1 order by filedAt, id", institutionId).page(0, limit).list();
    }
    return find(
            "institutionId = ?1 and (filedAt > ?2 or (filedAt = ?2 and id > ?3))"
                + " order by filedAt, id",
            institutionId,
            afterAt,
            afterId)
        .page(0, limit)
        .list();
  }

  /** Leases ending by {@code by} that were not yet warned about for their current end date. */
  public Uni<List<Premises>> leaseEndingUnwarned(LocalDate by, int limit) {
    return find(
            "leaseEnd <= ?1 and (leaseWarnedFor is null or leaseWarnedFor <> leaseEnd)"
                + " order by leaseEnd, id",
            by)
        .page(0, limit)
        .list();
  }
}
