package cn.anshan.oversight.fee.repository;

import cn.anshan.oversight.fee.domain.ConsultationVote;
import cn.anshan.oversight.fee.domain.Vote;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsultationVoteRepository
    implements PanacheRepositoryBase<ConsultationVote, ConsultationVote.Key> {

  public Uni<ConsultationVote> lookup(UUID proposalId, int round, String representative) {
    return findById(new ConsultationVote.Key(proposalId, round, representative));
  }

  /** The votes of one round. */
  public Uni<List<Vote>> ofRound(UUID proposalId, int round) {
    return find("proposalId = ?1 and consultationRound = ?2", proposalId, round)
        .list()
        .map(rows -> rows.stream().map(ConsultationVote::vote).toList());
  }
}
