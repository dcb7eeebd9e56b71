package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.programme.CommitteeSeat;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class CommitteeSeatRepository
    implements PanacheRepositoryBase<CommitteeSeat, CommitteeSeat.Key> {

  /** The representatives sitting on the school's parent committee. */
  public Uni<Set<String>> committee(String schoolId) {
    return find("schoolId", schoolId)
        .list()
        .map(
            seats -> seats.stream().map(CommitteeSeat::representative).collect(Collectors.toSet()));
  }

  public Uni<Void> unseat(String schoolId, String representative) {
    return deleteById(new CommitteeSeat.Key(schoolId, representative)).replaceWithVoid();
  }
}
