package cn.anshan.oversight.fee.repository;

import cn.anshan.oversight.fee.domain.MotionEndorsement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class MotionEndorsementRepository
    implements PanacheRepositoryBase<MotionEndorsement, MotionEndorsement.Key> {

  /** The parents who endorsed a motion (empty for none or no motion). */
  public Uni<Set<String>> endorsers(UUID motionId) {
    if (motionId == null) {
      return Uni.createFrom().item(Set.of());
    }
    return find("motionId", motionId)
        .list()
        .map(rows -> rows.stream().map(MotionEndorsement::endorser).collect(Collectors.toSet()));
  }

  /** The endorsers of each of {@code motionIds}. */
  public Uni<Map<UUID, Set<String>>> endorsers(Collection<UUID> motionIds) {
    if (motionIds.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return find("motionId in ?1", List.copyOf(motionIds))
        .list()
        .map(
            rows ->
                rows.stream()
                    .collect(
                        Collectors.groupingBy(
                            MotionEndorsement::motionId,
                            Collectors.mapping(MotionEndorsement::endorser, Collectors.toSet()))));
  }
}
