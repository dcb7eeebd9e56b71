package cn.anshan.oversight.registry.repository.unlicensed;

import cn.anshan.oversight.registry.domain.unlicensed.OperatorSanction;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OperatorSanctionRepository implements PanacheRepositoryBase<OperatorSanction, UUID> {

  public Uni<List<OperatorSanction>> of(UUID operatorId) {
    return list("operatorId = ?1 order by imposedAt, id", operatorId);
  }
}
