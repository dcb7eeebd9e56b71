package cn.anshan.oversight.registry.repository.standing;

import cn.anshan.oversight.registry.domain.standing.Sanction;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SanctionRepository implements PanacheRepositoryBase<Sanction, UUID> {
  public Uni<List<Sanction>> inForce(String institutionId) {
    return list("institutionId = ?1 and liftedAt is null order by imposedAt", institutionId);
  }
}
