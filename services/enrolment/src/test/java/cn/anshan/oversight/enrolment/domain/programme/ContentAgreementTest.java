package cn.anshan.oversight.enrolment.domain.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.problem.ProblemException;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** LN-ASV-01: the content is agreed by a strict majority of the sitting parent committee. */
class ContentAgreementTest {

  @Test
  @DisplayName("LN-ASV-01: a strict majority of the sitting committee; leavers do not count")
  void lnAsv01StrictMajorityOfTheSittingCommittee() {
    Set<String> four = Set.of("a", "b", "c", "d");
    assertEquals(3, new ContentAgreement(four, Set.of()).needed());
    assertFalse(new ContentAgreement(four, Set.of("a", "b")).agreed());
    assertFalse(new ContentAgreement(four, Set.of("a", "b", "gone")).agreed());
    assertEquals(2, new ContentAgreement(four, Set.of("a", "b", "gone")).endorsements());
    assertTrue(new ContentAgreement(four, Set.of("a", "b", "c")).agreed());
    // no committee, no agreement
    assertFalse(new ContentAgreement(Set.of(), Set.of("a")).agreed());
  }

  @Test
  @DisplayName("LN-ASV-01: only a sitting representative agrees (403 naming the rule)")
  void lnAsv01OnlyRepresentativesAgree() {
    ContentAgreement agreement = new ContentAgreement(Set.of("a"), Set.of());
    agreement.requireRepresentative("a");
    ProblemException refused =
        assertThrows(ProblemException.class, () -> agreement.requireRepresentative("x"));
    assertEquals(403, refused.problem().status());
    assertTrue(
        refused.getMessage().contains("LN-ASV-01")
            || refused.problem().toString().contains("LN-ASV-01"));
  }

  @Test
  @DisplayName("LN-ASV-01: a representative's agreement counts once")
  void lnAsv01AnAgreementCountsOnce() {
    ContentAgreement one = new ContentAgreement(Set.of("a", "b", "c"), Set.of("a"));
    ContentAgreement.Vote second = one.votedBy("b");
    assertTrue(second.counted());
    assertTrue(second.agreement().agreed());
    ContentAgreement.Vote again = one.votedBy("a");
    assertFalse(again.counted());
    assertEquals(1, again.agreement().endorsements());
  }
}
