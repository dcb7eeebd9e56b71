package cn.anshan.oversight.fee.domain;

import cn.anshan.oversight.kit.problem.ProblemException;
import java.util.HashSet;
import java.util.Set;

/**
 * How a school's parent committee chooses its members (LN-ASV-01, LN-ASV-06 家长自愿; issue 18 item 5):
 * the school convenes it but seats no one. A parent of the school stands; a majority of the sitting
 * representatives seats a candidate or removes one of themselves; a committee with no members is
 * founded by the endorsement of {@code foundingEndorsements} other parents of the school.
 *
 * @param sitting the Keycloak subjects of the representatives sitting now
 */
public record CommitteeChoice(Set<String> sitting, int foundingEndorsements) {

  /** The endorsements that count now, how many carry the motion, and on what basis. */
  public record Tally(int endorsements, int needed, SeatingBasis basis) {
    public boolean carried() {
      return endorsements >= needed;
    }
  }

  /** A parent who already sits cannot stand again. */
  public void requireMayStand(String candidate) {
    if (sitting.contains(candidate)) {
      throw ProblemException.conflict(
          "representative-seated", candidate + " already represents the school's parent committee");
    }
  }

  /**
   * A representative steps down themselves; no one else can remove them but a majority of the
   * committee (removal-endorsements).
   */
  public void requireMayResign(String subject, String parent) {
    if (!sitting.contains(subject)) {
      throw ProblemException.notFound("representative " + subject);
    }
    if (!subject.equals(parent)) {
      throw ProblemException.rule(
          403,
          FeeRules.PROCESS,
          "家长自愿: a representative steps down themselves or is removed by a majority"
              + " of the other representatives (removal-endorsements), by no one else");
    }
  }

  /**
   * Refuses an endorsement the committee's rule does not give {@code endorser}: no one endorses a
   * motion about themselves; a seated candidate needs none; once the committee has members only
   * they choose; before that, only parents of the school ({@code endorserIsParent}) found it.
   */
  public void requireMayEndorse(
      MotionKind kind, String subject, String endorser, boolean endorserIsParent) {
    if (endorser.equals(subject)) {
      throw ProblemException.rule(
          403, FeeRules.PROCESS, "家长自愿: a parent cannot endorse a motion about themselves");
    }
    if (kind == MotionKind.SEAT) {
      requireMayStand(subject);
    } else if (!sitting.contains(subject)) {
      throw ProblemException.notFound("representative " + subject);
    }
    if (kind == MotionKind.SEAT && sitting.isEmpty()) {
      if (!endorserIsParent) {
        throw ProblemException.rule(
            FeeRules.PROCESS,
            "家长自愿: "
                + endorser
                + " has no child registered at the school, so cannot found its parent committee");
      }
    } else if (!sitting.contains(endorser)) {
      throw ProblemException.rule(
          403,
          FeeRules.PROCESS,
          "家长自愿: the committee's "
              + sitting.size()
              + " sitting representatives choose its members, and "
              + endorser
              + " is not one of them");
    }
  }

  /** What one endorsement does: whether it counts anew (endorsing twice counts once), the tally. */
  public record Endorsement(boolean counted, Tally tally) {}

  /**
   * {@code endorser} endorses the motion about {@code subject}: the open one ({@code motionOpen},
   * endorsed so far by {@code endorsers}) or, for a removal, the one this endorsement opens; a
   * candidacy must have been declared first (404). Refused as {@link #requireMayEndorse} says.
   */
  public Endorsement endorse(
      MotionKind kind,
      String subject,
      String endorser,
      boolean endorserIsParent,
      boolean motionOpen,
      Set<String> endorsers) {
    requireMayEndorse(kind, subject, endorser, endorserIsParent);
    if (motionOpen && endorsers.contains(endorser)) {
      // counted once; but the committee may have shrunk since, so the motion may carry
      return new Endorsement(false, tally(kind, subject, endorsers));
    }
    if (!motionOpen && kind == MotionKind.SEAT) {
      throw ProblemException.notFound("candidacy of " + subject);
    }
    Set<String> endorsedBy = new HashSet<>(endorsers);
    endorsedBy.add(endorser);
    return new Endorsement(true, tally(kind, subject, endorsedBy));
  }

  /**
   * Counts {@code endorsers} as the rule stands now: a founding candidacy counts every endorsing
   * parent; otherwise only endorsers who still sit count, and a strict majority of the voters (the
   * sitting representatives, less the one a removal is about) carries the motion.
   */
  public Tally tally(MotionKind kind, String subject, Set<String> endorsers) {
    if (kind == MotionKind.SEAT && sitting.isEmpty()) {
      return new Tally(endorsers.size(), foundingEndorsements, SeatingBasis.FOUNDING_PARENTS);
    }
    long voters = sitting.stream().filter(s -> !s.equals(subject)).count();
    int counted =
        (int) endorsers.stream().filter(e -> sitting.contains(e) && !e.equals(subject)).count();
    return new Tally(counted, (int) (voters / 2 + 1), SeatingBasis.COMMITTEE_MAJORITY);
  }
}
