package cn.anshan.oversight.fee.repository;

import cn.anshan.oversight.fee.domain.CommitteeMotion;
import cn.anshan.oversight.fee.domain.MotionKind;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CommitteeMotionRepository implements PanacheRepositoryBase<CommitteeMotion, UUID> {

  /** The open motion of this kind about {@code subject}, or null. */
  public Uni<CommitteeMotion> open(String schoolId, String subject, MotionKind kind) {
    return find("schoolId = ?1 and subject = ?2 and kind = ?3", schoolId, subject, kind)
        .firstResult();
  }

  public Uni<List<CommitteeMotion>> ofSchool(String schoolId) {
    return find("schoolId = ?1 order by openedAt, subject", schoolId).list();
  }

  /** Closes a motion; its endorsements go with it (on delete cascade). */
  public Uni<Void> close(CommitteeMotion motion) {
    return delete("id", motion.id()).replaceWithVoid();
  }
}
