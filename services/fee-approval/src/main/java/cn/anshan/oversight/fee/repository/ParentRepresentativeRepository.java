package cn.anshan.oversight.fee.repository;

import cn.anshan.oversight.fee.domain.ParentRepresentative;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class ParentRepresentativeRepository
    implements PanacheRepositoryBase<ParentRepresentative, ParentRepresentative.Key> {

  public Uni<ParentRepresentative> lookup(String schoolId, String subject) {
    return findById(new ParentRepresentative.Key(schoolId, subject));
  }

  public Uni<List<ParentRepresentative>> ofSchool(String schoolId) {
    return find("schoolId = ?1 order by registeredAt, subject", schoolId).list();
  }

  /** The subjects of the school's sitting representatives. */
  public Uni<Set<String>> sitting(String schoolId) {
    return ofSchool(schoolId)
        .map(reps -> reps.stream().map(ParentRepresentative::subject).collect(Collectors.toSet()));
  }

  /**
   * How many representatives of the school's parent committee may vote on a proposal: all but the
   * school admin who drafted it, should that account represent the parents too.
   */
  public Uni<Long> voters(String schoolId, String drafter) {
    return count("schoolId = ?1 and subject <> ?2", schoolId, drafter);
  }

  /** The schools a parent represents. */
  public Uni<List<String>> schoolsOf(String subject) {
    return find("subject = ?1", subject)
        .list()
        .map(rows -> rows.stream().map(ParentRepresentative::schoolId).toList());
  }
}
