package cn.anshan.oversight.registry.service.unlicensed;

import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.unlicensed.UnlicensedOperator;
import cn.anshan.oversight.registry.repository.InstitutionRepository;
import cn.anshan.oversight.registry.repository.unlicensed.UnlicensedOperatorRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * PLT-12 and issue 18 item 1: a parent looks any operator up by name, approved or not. Recorded
 * operators appear only once sanctioned (black-listed): a record alone is a suspicion, not a
 * published fact.
 */
@ApplicationScoped
public class OperatorLookupService {
  static final int MATCHES = 20;

  private final InstitutionRepository institutions;
  private final UnlicensedOperatorRepository operators;

  public OperatorLookupService(
      InstitutionRepository institutions, UnlicensedOperatorRepository operators) {
    this.institutions = institutions;
    this.operators = operators;
  }

  /**
   * Up to {@value #MATCHES} of each kind whose name contains {@code text} (the resource checks its
   * length), by name.
   */
  @WithSession
  public Uni<List<PublicOperatorMatch>> byName(String text) {
    return institutions
        .approvedNamed(text, MATCHES)
        .chain(
            approved ->
                operators
                    .blacklistedNamed(text, MATCHES)
                    .map(
                        blacklisted ->
                            Stream.concat(
                                    approved.stream().map(OperatorLookupService::match),
                                    blacklisted.stream().map(OperatorLookupService::match))
                                .sorted(Comparator.comparing(PublicOperatorMatch::name))
                                .toList()));
  }

  private static PublicOperatorMatch match(Institution i) {
    return new PublicOperatorMatch(
        PublicOperatorMatch.Kind.INSTITUTION,
        i.institutionId(),
        i.name(),
        i.district(),
        i.listStatus(),
        null);
  }

  private static PublicOperatorMatch match(UnlicensedOperator o) {
    return new PublicOperatorMatch(
        PublicOperatorMatch.Kind.UNLICENSED_OPERATOR,
        o.id().toString(),
        o.name(),
        o.district(),
        o.listStatus(),
        o.finding().rule());
  }
}
