package cn.anshan.oversight.registry.repository.staff;

import cn.anshan.oversight.registry.domain.staff.StaffBlacklistEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StaffBlacklistRepository
    implements PanacheRepositoryBase<StaffBlacklistEntry, String> {

  public Uni<StaffBlacklistEntry> findByIdHash(String idHash) {
    return find("idHash", idHash).firstResult();
  }
}
