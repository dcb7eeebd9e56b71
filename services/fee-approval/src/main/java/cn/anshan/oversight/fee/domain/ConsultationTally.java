package cn.anshan.oversight.fee.domain;

import cn.anshan.oversight.kit.problem.ProblemException;
import java.util.List;

/**
 * The parent committee's result counted from its representatives' own votes (LN-ASV-06 家长自愿): it
 * counts only once more than the configured share of the school's representatives have voted (by
 * default half), and the parents agree when more of them voted for than against.
 */
public record ConsultationTally(int votesFor, int votesAgainst, int votesAbstained) {

  /** Counts the votes of one round against the size of the school's parent committee. */
  public static ConsultationTally count(ConsultationVotes round) {
    List<Vote> votes = round.votes();
    if ((long) votes.size() * 100 <= (long) round.voters() * round.quorumPercent()) {
      throw ProblemException.rule(
          FeeRules.PROCESS,
          "家长自愿: "
              + votes.size()
              + " of the school's "
              + round.voters()
              + " parent representatives have voted; more than "
              + round.quorumPercent()
              + " % must vote before the consultation is recorded");
    }
    return new ConsultationTally(
        (int) votes.stream().filter(v -> v == Vote.FOR).count(),
        (int) votes.stream().filter(v -> v == Vote.AGAINST).count(),
        (int) votes.stream().filter(v -> v == Vote.ABSTAIN).count());
  }

  public ConsultationOutcome outcome() {
    return votesFor > votesAgainst ? ConsultationOutcome.AGREED : ConsultationOutcome.NOT_AGREED;
  }
}
