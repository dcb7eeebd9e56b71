package cn.anshan.oversight.registry.repository.pricing;

import cn.anshan.oversight.registry.domain.pricing.PriceSchedule;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class PriceScheduleRepository implements PanacheRepositoryBase<PriceSchedule, String> {

  /**
   * The schedule locked for share: a course filed while a new schedule is being adopted is checked
   * against the schedule that commits, never against one being replaced.
   */
  public Uni<PriceSchedule> readLocked(String locality) {
    return findById(locality, LockModeType.PESSIMISTIC_READ);
  }

  public Uni<PriceSchedule> lock(String locality) {
    return findById(locality, LockModeType.PESSIMISTIC_WRITE);
  }
}
