package cn.anshan.oversight.registry.repository.unlicensed;

import cn.anshan.oversight.registry.domain.standing.ListStatus;
import cn.anshan.oversight.registry.domain.unlicensed.UnlicensedOperator;
import cn.anshan.oversight.registry.repository.NameSearch;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UnlicensedOperatorRepository
    implements PanacheRepositoryBase<UnlicensedOperator, UUID> {

  /** One page in (recordedAt, id) order after the cursor; {@code district} null for all. */
  public Uni<List<UnlicensedOperator>> page(
      String district, Instant afterAt, UUID afterId, int limit) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters params = new Parameters();
    if (district != null) {
      query.append(" and district = :district");
      params.and("district", district);
    }
    if (afterAt != null) {
      query.append(" and (recordedAt > :afterAt or (recordedAt = :afterAt and id > :afterId))");
      params.and("afterAt", afterAt).and("afterId", afterId);
    }
    query.append(" order by recordedAt, id");
    return find(query.toString(), params).page(0, limit).list();
  }

  /** Black-listed operators whose name contains {@code text}, case-insensitively (PLT-12). */
  public Uni<List<UnlicensedOperator>> blacklistedNamed(String text, int limit) {
    return find(
            "listStatus = ?1 and lower(name) like ?2 order by name, id",
            ListStatus.BLACK,
            NameSearch.containing(text))
        .page(0, limit)
        .list();
  }
}
