package cn.anshan.oversight.fee.domain;

import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * LN-ASV-06: a published fee changes only through a revision that goes through the whole process
 * again, one at a time: the next revision number after every revision not rejected.
 */
public final class FeeRevision {
  private FeeRevision() {}

  /**
   * The new draft revising {@code current}, given every revision of the same school, term and
   * programme type; refused while another revision is in progress.
   */
  static FeeProposal of(
      FeeProposal current, List<FeeProposal> revisions, FeeTerms terms, String by, Instant now) {
    if (revisions.stream().anyMatch(FeeRevision::inProgress)) {
      throw ProblemException.rule(
          409, FeeRules.PROCESS, "a revision of this fee is already in progress");
    }
    int next =
        revisions.stream()
                .filter(p -> p.status() != FeeStatus.REJECTED)
                .mapToInt(FeeProposal::revision)
                .max()
                .orElse(0)
            + 1;
    FeeDraft draft =
        new FeeDraft(
            current.schoolId(),
            current.district(),
            by,
            current.term(),
            current.programmeType(),
            terms);
    return new FeeProposal(draft, next, current.id(), now);
  }

  /** The revision published before {@code publishing}, among every revision of the same fee. */
  static Optional<FeeProposal> publishedBefore(
      FeeProposal publishing, List<FeeProposal> revisions) {
    return revisions.stream()
        .filter(p -> p.status() == FeeStatus.PUBLISHED)
        .filter(p -> !p.id().equals(publishing.id()))
        .findFirst();
  }

  private static boolean inProgress(FeeProposal p) {
    return p.status() != FeeStatus.PUBLISHED
        && p.status() != FeeStatus.SUPERSEDED
        && p.status() != FeeStatus.REJECTED;
  }
}
