package cn.anshan.oversight.fee.repository;

import cn.anshan.oversight.fee.domain.FeeHistoryEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FeeHistoryRepository implements PanacheRepositoryBase<FeeHistoryEntry, UUID> {

  public Uni<List<FeeHistoryEntry>> of(UUID proposalId) {
    return find("proposalId = ?1 order by proposalVersion", proposalId).list();
  }
}
