package cn.anshan.oversight.fee.domain;

import cn.anshan.oversight.kit.problem.ProblemException;

/** Who may take part in a consultation, and how often (LN-ASV-06 家长自愿). */
public final class ConsultationRules {
  private ConsultationRules() {}

  /** Each representative votes once per round; {@code earlier} is their vote of it, or null. */
  public static void requireFirstVote(ConsultationVote earlier) {
    if (earlier != null) {
      throw ProblemException.rule(
          409,
          FeeRules.PROCESS,
          "家长自愿: you already voted "
              + earlier.vote()
              + " in this consultation; each representative votes once");
    }
  }

  /**
   * The parents agree, not the school that proposes: an account holding both roles cannot record
   * the consultation on its own proposal.
   */
  public static void requireNotDrafter(String parent, FeeProposal proposal) {
    if (parent.equals(proposal.draftedBy())) {
      throw ProblemException.rule(
          403,
          FeeRules.PROCESS,
          "家长自愿: the school admin who drafted the proposal cannot record the"
              + " parents' consultation on it");
    }
  }
}
