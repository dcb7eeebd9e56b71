package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.family.Child;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ChildRepository implements PanacheRepositoryBase<Child, UUID> {

  /** A guardian's children in (registeredAt, id) order after the cursor. */
  public Uni<List<Child>> page(String guardianSub, Instant afterAt, UUID afterId, int limit) {
    if (afterAt == null) {
      return find("guardianSub = ?1 order by registeredAt, id", guardianSub).page(0, limit).list();
    }
    return find(
            "guardianSub = ?1 and (registeredAt > ?2 or (registeredAt = ?2 and id > ?3))"
                + " order by registeredAt, id",
            guardianSub,
            afterAt,
            afterId)
        .page(0, limit)
        .list();
  }
}
