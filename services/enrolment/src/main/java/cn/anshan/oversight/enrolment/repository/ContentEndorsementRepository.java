package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.programme.ContentEndorsement;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ContentEndorsementRepository
    implements PanacheRepositoryBase<ContentEndorsement, ContentEndorsement.Key> {

  /** Who agreed to the programme's current content. */
  public Uni<Set<String>> endorsers(UUID programmeId) {
    return find("programmeId", programmeId)
        .list()
        .map(
            rows ->
                rows.stream().map(ContentEndorsement::representative).collect(Collectors.toSet()));
  }

  /** New content: the agreements given to the old one no longer count (LN-ASV-01). */
  public Uni<Void> voidFor(UUID programmeId) {
    return delete("programmeId", programmeId).replaceWithVoid();
  }
}
