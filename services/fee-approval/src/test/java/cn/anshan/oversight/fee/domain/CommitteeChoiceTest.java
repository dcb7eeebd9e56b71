package cn.anshan.oversight.fee.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.problem.ProblemException;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LN-ASV-06 家长自愿: the committee, not the school, chooses its members. */
class CommitteeChoiceTest {
  static final CommitteeChoice EMPTY = new CommitteeChoice(Set.of(), 2);
  static final CommitteeChoice THREE = new CommitteeChoice(Set.of("a", "b", "c"), 2);

  @Test
  @DisplayName("LN-ASV-06: an empty committee is founded by the configured number of parents")
  void foundingTakesTheConfiguredNumberOfParents() {
    CommitteeChoice.Tally one = EMPTY.tally(MotionKind.SEAT, "x", Set.of("p"));
    assertEquals(SeatingBasis.FOUNDING_PARENTS, one.basis());
    assertEquals(2, one.needed());
    assertFalse(one.carried());
    assertTrue(EMPTY.tally(MotionKind.SEAT, "x", Set.of("p", "q")).carried());
    assertEquals(422, status(() -> EMPTY.requireMayEndorse(MotionKind.SEAT, "x", "p", false)));
    EMPTY.requireMayEndorse(MotionKind.SEAT, "x", "p", true);
  }

  @Test
  @DisplayName(
      "LN-ASV-06: a strict majority of the sitting representatives seats; others do not count")
  void aMajorityOfTheSittingSeats() {
    assertEquals(2, THREE.tally(MotionKind.SEAT, "x", Set.of("a")).needed());
    assertFalse(THREE.tally(MotionKind.SEAT, "x", Set.of("a", "gone")).carried());
    assertTrue(THREE.tally(MotionKind.SEAT, "x", Set.of("a", "b")).carried());
    assertEquals(
        SeatingBasis.COMMITTEE_MAJORITY, THREE.tally(MotionKind.SEAT, "x", Set.of()).basis());
    // once the committee has members, other parents of the school no longer choose
    assertEquals(403, status(() -> THREE.requireMayEndorse(MotionKind.SEAT, "x", "p", true)));
  }

  @Test
  @DisplayName("LN-ASV-06: a majority of the other representatives removes; not the one concerned")
  void aMajorityOfTheOthersRemoves() {
    assertEquals(2, THREE.tally(MotionKind.UNSEAT, "c", Set.of()).needed());
    assertFalse(THREE.tally(MotionKind.UNSEAT, "c", Set.of("a", "c")).carried());
    assertTrue(THREE.tally(MotionKind.UNSEAT, "c", Set.of("a", "b")).carried());
    assertEquals(403, status(() -> THREE.requireMayEndorse(MotionKind.UNSEAT, "c", "c", true)));
    assertEquals(404, status(() -> THREE.requireMayEndorse(MotionKind.UNSEAT, "x", "a", true)));
    // a sole representative can only step down: there is no one else to decide
    CommitteeChoice one = new CommitteeChoice(Set.of("a"), 1);
    assertEquals(403, status(() -> one.requireMayEndorse(MotionKind.UNSEAT, "a", "a", true)));
  }

  @Test
  @DisplayName("LN-ASV-06: no one endorses themselves, and a seated parent does not stand again")
  void noSelfEndorsementAndNoSecondSeat() {
    assertEquals(403, status(() -> EMPTY.requireMayEndorse(MotionKind.SEAT, "x", "x", true)));
    assertEquals(409, status(() -> THREE.requireMayStand("a")));
    assertEquals(409, status(() -> THREE.requireMayEndorse(MotionKind.SEAT, "a", "b", true)));
    THREE.requireMayStand("x");
  }

  @Test
  @DisplayName(
      "LN-ASV-06: an endorsement counts once, carries with the others', and needs a candidacy")
  void anEndorsementCountsOnceAndNeedsADeclaredCandidacy() {
    CommitteeChoice.Endorsement first =
        THREE.endorse(MotionKind.SEAT, "x", "a", true, true, Set.of("b"));
    assertTrue(first.counted());
    assertEquals(2, first.tally().endorsements());
    assertTrue(first.tally().carried());
    CommitteeChoice.Endorsement again =
        THREE.endorse(MotionKind.SEAT, "x", "a", true, true, Set.of("a"));
    assertFalse(again.counted());
    assertEquals(1, again.tally().endorsements());
    // a removal is opened by its first endorsement; a candidacy is declared by the candidate
    assertTrue(THREE.endorse(MotionKind.UNSEAT, "c", "a", true, false, Set.of()).counted());
    assertEquals(
        404, status(() -> THREE.endorse(MotionKind.SEAT, "x", "a", true, false, Set.of())));
    assertEquals(
        403, status(() -> THREE.endorse(MotionKind.SEAT, "x", "p", true, false, Set.of())));
  }

  private static int status(Runnable decision) {
    return assertThrows(ProblemException.class, decision::run).problem().status();
  }
}
