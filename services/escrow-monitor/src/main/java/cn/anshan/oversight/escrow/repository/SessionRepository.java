package cn.anshan.oversight.escrow.repository;

import cn.anshan.oversight.escrow.domain.entitlement.HeldSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Held sessions and who attended them (REL-04 evidence). */
@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<HeldSession, UUID> {

  /**
   * Records the attending children of a held session; a repeated child is kept once. The session
   * row is flushed first: the inserts refer to it.
   */
  public Uni<Void> attended(UUID sessionId, List<UUID> children) {
    Uni<Void> all = Panache.getSession().chain(s -> s.flush());
    for (UUID child : children) {
      all =
          all.chain(
              () ->
                  Panache.getSession()
                      .chain(
                          s ->
                              s.createNativeQuery(
                                      "insert into session_attendance (session_id, child_id)"
                                          + " values (?1, ?2) on conflict do nothing")
                                  .setParameter(1, sessionId)
                                  .setParameter(2, child)
                                  .executeUpdate())
                      .replaceWithVoid());
    }
    return all;
  }

  /** Whether the institution reported {@code child} as attending {@code sessionId}. */
  public Uni<Boolean> didAttend(UUID sessionId, UUID child) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select count(*) from session_attendance where session_id = ?1"
                            + " and child_id = ?2",
                        Long.class)
                    .setParameter(1, sessionId)
                    .setParameter(2, child)
                    .getSingleResult())
        .map(n -> n > 0);
  }
}
