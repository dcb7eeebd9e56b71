package cn.anshan.oversight.enrolment.domain.programme;

import cn.anshan.oversight.kit.problem.ProblemException;
import java.util.HashSet;
import java.util.Set;

/**
 * LN-ASV-01: a programme's content is agreed with the school's parent committee. Each sitting
 * representative agrees for themselves; the content is agreed once a strict majority of the sitting
 * committee has (only agreements of representatives still sitting count).
 *
 * @param committee the representatives sitting now, as enrolment learnt them from fee-approval
 * @param endorsers who agreed to the programme's current content
 */
public record ContentAgreement(Set<String> committee, Set<String> endorsers) {
  public static final String RULE = "LN-ASV-01";

  /** Agreements of sitting representatives. */
  public int endorsements() {
    return (int) endorsers.stream().filter(committee::contains).count();
  }

  public int needed() {
    return committee.size() / 2 + 1;
  }

  public boolean agreed() {
    return !committee.isEmpty() && endorsements() >= needed();
  }

  /**
   * What {@code parent}'s agreement does: counted anew or not (twice counts once), and the result.
   */
  public record Vote(ContentAgreement agreement, boolean counted) {}

  /** {@code parent} agrees: the agreement with theirs added, unless they already agreed. */
  public Vote votedBy(String parent) {
    if (endorsers.contains(parent)) {
      return new Vote(this, false);
    }
    Set<String> endorsedBy = new HashSet<>(endorsers);
    endorsedBy.add(parent);
    return new Vote(new ContentAgreement(committee, endorsedBy), true);
  }

  /** Only a sitting representative of the programme's school agrees its content. */
  public void requireRepresentative(String parent) {
    if (!committee.contains(parent)) {
      throw ProblemException.rule(
          403,
          RULE,
          "the content is agreed with the school's parent committee: "
              + parent
              + " is not one of its "
              + committee.size()
              + " representatives (a seat taken a moment ago may take a moment to reach"
              + " enrolment)");
    }
  }

  /** The refusal of an enrolment in a programme whose content the committee has not agreed. */
  public static ProblemException notAgreed() {
    return ProblemException.rule(
        RULE,
        "the programme's content has not been agreed with the school's parent committee yet; the"
            + " school's representatives agree it (POST …/content-agreement) before families enrol");
  }
}
