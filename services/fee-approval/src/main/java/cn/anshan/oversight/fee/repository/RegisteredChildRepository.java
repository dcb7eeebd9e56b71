package cn.anshan.oversight.fee.repository;

import cn.anshan.oversight.fee.domain.RegisteredChild;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class RegisteredChildRepository implements PanacheRepositoryBase<RegisteredChild, UUID> {

  /** Whether {@code guardian} registered a child at {@code schoolId}. */
  public Uni<Boolean> guardsAChildAt(String schoolId, String guardian) {
    return count("schoolId = ?1 and guardian = ?2", schoolId, guardian).map(n -> n > 0);
  }
}
