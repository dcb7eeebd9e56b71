package cn.anshan.oversight.registry.repository.inspection;

import cn.anshan.oversight.registry.domain.inspection.Rectification;
import cn.anshan.oversight.registry.domain.inspection.RectificationStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RectificationRepository implements PanacheRepositoryBase<Rectification, UUID> {
  public Uni<List<Rectification>> ofInspection(UUID inspectionId) {
    return list("inspectionId = ?1 order by deadline, id", inspectionId);
  }

  /** Open orders whose deadline has passed; index {@code rectification_open}. */
  public Uni<List<Rectification>> overdueOn(LocalDate day, int limit) {
    return find("status = ?1 and deadline < ?2 order by deadline", RectificationStatus.ORDERED, day)
        .page(0, limit)
        .list();
  }
}
