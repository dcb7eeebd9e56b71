package cn.anshan.oversight.fee.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LN-ASV-06 state machine DRAFT → CONSULTED → SUBMITTED → APPROVED → PUBLISHED with returns,
 * rejections and supersession: every (status, act) pair, legal or not.
 */
class FeeStateMachineTest {

  /** The acts of the process, as plain calls on the entity. */
  enum Act {
    AMEND(p -> p.amend(Proposals.TERMS, FeeRulesTest.LIMITS)),
    CONSULT_AGREED(Proposals::agree),
    CONSULT_NOT_AGREED(Proposals::disagree),
    SIGN_EDUCATION(p -> p.sign(Department.EDUCATION, "reg-2", Proposals.NOW)),
    SIGN_PRICING(p -> p.sign(Department.PRICING, "price-2", Proposals.NOW)),
    RETURN(p -> p.returnSubmission(Department.EDUCATION, List.of("why"), Proposals.NOW)),
    APPROVE(Proposals::approve),
    REJECT(p -> p.reject(List.of("no"), Proposals.NOW)),
    PUBLISH(p -> p.publish(List.of(), "admin-1", Proposals.NOW)),
    SUPERSEDE(p -> p.supersede(Proposals.draft(), Proposals.NOW)),
    REVISE(
        p -> p.revise(Proposals.TERMS, List.of(), FeeRulesTest.LIMITS, "admin-1", Proposals.NOW));

    final Consumer<FeeProposal> run;

    Act(Consumer<FeeProposal> run) {
      this.run = run;
    }
  }

  /** The legal transitions; every pair not listed must be refused. */
  static final Map<FeeStatus, Map<Act, FeeStatus>> LEGAL = new EnumMap<>(FeeStatus.class);

  static {
    for (FeeStatus s : FeeStatus.values()) {
      LEGAL.put(s, new EnumMap<>(Act.class));
    }
    LEGAL.get(FeeStatus.DRAFT).put(Act.AMEND, FeeStatus.DRAFT);
    LEGAL.get(FeeStatus.DRAFT).put(Act.CONSULT_AGREED, FeeStatus.CONSULTED);
    LEGAL.get(FeeStatus.DRAFT).put(Act.CONSULT_NOT_AGREED, FeeStatus.DRAFT);
    LEGAL.get(FeeStatus.CONSULTED).put(Act.SIGN_EDUCATION, FeeStatus.CONSULTED);
    LEGAL.get(FeeStatus.CONSULTED).put(Act.SIGN_PRICING, FeeStatus.CONSULTED);
    LEGAL.get(FeeStatus.CONSULTED).put(Act.RETURN, FeeStatus.RETURNED);
    LEGAL.get(FeeStatus.RETURNED).put(Act.AMEND, FeeStatus.DRAFT);
    LEGAL.get(FeeStatus.RETURNED).put(Act.CONSULT_AGREED, FeeStatus.CONSULTED);
    LEGAL.get(FeeStatus.RETURNED).put(Act.CONSULT_NOT_AGREED, FeeStatus.DRAFT);
    LEGAL.get(FeeStatus.SUBMITTED).put(Act.APPROVE, FeeStatus.APPROVED);
    LEGAL.get(FeeStatus.SUBMITTED).put(Act.REJECT, FeeStatus.REJECTED);
    LEGAL.get(FeeStatus.APPROVED).put(Act.PUBLISH, FeeStatus.PUBLISHED);
    LEGAL.get(FeeStatus.PUBLISHED).put(Act.SUPERSEDE, FeeStatus.SUPERSEDED);
    LEGAL.get(FeeStatus.PUBLISHED).put(Act.REVISE, FeeStatus.PUBLISHED);
  }

  static Stream<Arguments> everyPair() {
    List<Arguments> pairs = new ArrayList<>();
    for (FeeStatus s : FeeStatus.values()) {
      for (Act a : Act.values()) {
        pairs.add(Arguments.of(s, a));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "LN-ASV-06 {0} + {1}")
  @MethodSource("everyPair")
  void lnAsv06EveryStatusAndActIsLegalOnlyWhenTheTableSaysSo(FeeStatus from, Act act) {
    FeeProposal p = Proposals.in(from);
    FeeStatus expected = LEGAL.get(from).get(act);
    if (expected != null) {
      act.run.accept(p);
      assertEquals(expected, p.status());
    } else {
      ProblemException e = assertThrows(ProblemException.class, () -> act.run.accept(p));
      assertEquals("LN-ASV-06", e.problem().violations().get(0).rule());
      assertEquals(409, e.problem().status());
      assertEquals(from, p.status(), "a refused act changes nothing");
    }
  }

  @Test
  @DisplayName("LN-ASV-06: the second department's signature submits; the first does not")
  void lnAsv06BothSignaturesSubmitInEitherOrder() {
    FeeProposal a = Proposals.in(FeeStatus.CONSULTED);
    assertEquals(
        List.of("FeeSubmissionSigned.v1"),
        events(a.sign(Department.PRICING, "price-1", Proposals.NOW)));
    assertEquals(FeeStatus.CONSULTED, a.status());
    assertEquals(
        List.of("FeeSubmissionSigned.v1", "FeeJointlySubmitted.v1"),
        events(a.sign(Department.EDUCATION, "reg-1", Proposals.NOW)));
    assertEquals(FeeStatus.SUBMITTED, a.status());
    assertEquals(Proposals.NOW, a.submittedAt());

    FeeProposal b = Proposals.in(FeeStatus.CONSULTED);
    assertEquals(1, b.sign(Department.EDUCATION, "reg-1", Proposals.NOW).size());
    List<ProposalChange> submitted = b.sign(Department.PRICING, "price-1", Proposals.NOW);
    var signed = (FeeProposalEvents.FeeSubmissionSigned) submitted.get(0).event().data();
    assertEquals(FeeStatus.SUBMITTED, signed.proposal().status(), "the status the event left");
    assertEquals(FeeStatus.SUBMITTED, b.status());
  }

  @Test
  @DisplayName("LN-ASV-06: one department cannot sign twice, so it alone cannot submit")
  void lnAsv06ADepartmentCannotSignTwice() {
    FeeProposal p = Proposals.in(FeeStatus.CONSULTED);
    p.sign(Department.PRICING, "price-1", Proposals.NOW);
    ProblemException e =
        assertThrows(
            ProblemException.class, () -> p.sign(Department.PRICING, "price-2", Proposals.NOW));
    assertEquals("LN-ASV-06", e.problem().violations().get(0).rule());
    assertEquals(FeeStatus.CONSULTED, p.status());
    assertEquals("price-1", p.signatures().signedBy(Department.PRICING));
  }

  @Test
  @DisplayName("LN-ASV-06: a half-signed proposal can still be returned, and the return voids it")
  void lnAsv06ReturnAfterOneSignatureClearsIt() {
    FeeProposal p = Proposals.in(FeeStatus.CONSULTED);
    p.sign(Department.EDUCATION, "reg-1", Proposals.NOW);
    p.returnSubmission(Department.PRICING, List.of("itemise utilities"), Proposals.NOW);
    assertEquals(FeeStatus.RETURNED, p.status());
    assertNull(p.signatures().signedBy(Department.EDUCATION));
    assertEquals(List.of("itemise utilities"), p.submissionReturn().reasons());
    assertEquals(Department.PRICING, p.submissionReturn().department());
  }

  @Test
  @DisplayName("LN-ASV-06 家长自愿: amending voids the consultation, parents must agree again")
  void lnAsv06AmendingVoidsTheConsultation() {
    FeeProposal p = Proposals.in(FeeStatus.RETURNED);
    p.amend(Proposals.TERMS, FeeRulesTest.LIMITS);
    assertEquals(FeeStatus.DRAFT, p.status());
    assertNull(p.consultation());
    assertThrows(
        ProblemException.class, () -> p.sign(Department.EDUCATION, "reg-1", Proposals.NOW));
  }

  @Test
  @DisplayName(
      "LN-ASV-06 家长自愿: counted once more than the quorum voted; AGREED needs more for than"
          + " against")
  void lnAsv06TheOutcomeIsCountedFromTheVotes() {
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> ConsultationTally.count(new ConsultationVotes(Proposals.votes(2, 0, 0), 4, 50)));
    assertEquals("LN-ASV-06", e.problem().violations().get(0).rule());
    assertEquals(422, e.problem().status());
    assertEquals(
        new ConsultationTally(2, 1, 0),
        ConsultationTally.count(new ConsultationVotes(Proposals.votes(2, 1, 0), 5, 50)));
    // the quorum is the city's number: two thirds refuses 4 of 6, counts 5 of 6
    assertThrows(
        ProblemException.class,
        () -> ConsultationTally.count(new ConsultationVotes(Proposals.votes(4, 0, 0), 6, 67)));
    assertEquals(
        new ConsultationTally(5, 0, 0),
        ConsultationTally.count(new ConsultationVotes(Proposals.votes(5, 0, 0), 6, 67)));
    LocalDate day = LocalDate.of(2026, 6, 9);
    Instant now = Proposals.NOW;
    FeeProposal p = Proposals.draft();
    ProblemException none =
        assertThrows(
            ProblemException.class,
            () ->
                p.recordConsultation(
                    ConsultationMethod.PARENT_COMMITTEE,
                    day,
                    new ConsultationVotes(List.of(), 3, 50),
                    "parent-1",
                    now));
    assertEquals("LN-ASV-06", none.problem().violations().get(0).rule());
    assertEquals(1, p.consultationRound(), "a refused consultation spends nothing");
    p.recordConsultation(
        ConsultationMethod.PARENT_COMMITTEE,
        day,
        new ConsultationVotes(Proposals.votes(1, 1, 1), 5, 50),
        "parent-1",
        now);
    assertEquals(FeeStatus.DRAFT, p.status(), "a tie is no agreement");
    assertEquals(2, p.consultationRound(), "a recorded consultation spends its round's votes");
    p.recordConsultation(
        ConsultationMethod.PARENT_COMMITTEE,
        day,
        new ConsultationVotes(Proposals.votes(2, 1, 0), 5, 50),
        "parent-1",
        now);
    assertEquals(FeeStatus.CONSULTED, p.status());
    assertEquals(2, p.consultation().votesFor());
    assertEquals(1, p.consultation().votesAgainst());
    assertEquals(ConsultationOutcome.AGREED, p.consultation().outcome());
  }

  @Test
  @DisplayName("LN-ASV-06 家长自愿: the government may approve less than agreed, never more")
  void lnAsv06ApprovedFeeNotAboveTheAgreedFee() {
    FeeProposal p = Proposals.in(FeeStatus.SUBMITTED);
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () ->
                p.approve(
                    15_001,
                    Proposals.TERM.start(),
                    Proposals.TERM.end(),
                    FeeRulesTest.LIMITS,
                    "gov-1",
                    Proposals.NOW));
    assertEquals("LN-ASV-06", e.problem().violations().get(0).rule());
    assertEquals(FeeStatus.SUBMITTED, p.status());
    ProposalChange approved =
        p.approve(14_000, null, null, FeeRulesTest.LIMITS, "gov-1", Proposals.NOW);
    assertEquals(FeeStatus.APPROVED, p.status());
    assertEquals(14_000L, p.approval().feeFenPerMonth());
    assertEquals(Proposals.TERM.start(), p.approval().validFrom(), "no period: the whole term");
    assertEquals(Proposals.TERM.end(), p.approval().validTo());
    assertEquals("FeeApproved.v1", approved.event().name());
    assertEquals("14000 fen 2026-09-01..2027-01-15", approved.note());
  }

  @Test
  @DisplayName("ASV-04: the only payee the model can express is the school")
  void asv04ThePayeeIsAlwaysTheSchool() {
    assertEquals(List.of(Payee.SCHOOL), List.of(Payee.values()));
    for (FeeStatus s : FeeStatus.values()) {
      assertEquals(Payee.SCHOOL, Proposals.in(s).payee());
    }
  }

  @Test
  void onlyRecordingAnEventCountsTheVersionWithoutGaps() {
    FeeProposal p = Proposals.draft();
    var drafted = FeeProposalEvents.drafted(p);
    FeeProposalEvents.amended(p);
    assertEquals(0, p.version());
    assertEquals(1, p.record(drafted).aggregateVersion());
    assertEquals(2, p.record(FeeProposalEvents.amended(p)).aggregateVersion());
    assertEquals(2, p.version());
    assertThrows(IllegalStateException.class, () -> Proposals.draft().record(drafted));
  }

  @Test
  @DisplayName(
      "LN-ASV-06: publishing a revision supersedes the one published before it, that change first")
  void lnAsv06PublishingSupersedesThePreviousRevisionFirst() {
    FeeProposal old = Proposals.in(FeeStatus.PUBLISHED);
    FeeProposal next = Proposals.in(FeeStatus.APPROVED);
    List<ProposalChange> changes = next.publish(List.of(old, next), "admin-1", Proposals.NOW);
    assertEquals(List.of("FeeSuperseded.v1", "FeePublished.v1"), events(changes));
    assertEquals(List.of(old, next), changes.stream().map(ProposalChange::proposal).toList());
    assertEquals(FeeStatus.SUPERSEDED, old.status());
    assertEquals(next.id(), old.supersession().supersededBy());
    assertEquals(FeeStatus.PUBLISHED, next.status());
  }

  @Test
  @DisplayName("LN-ASV-03: an approval above the cap is refused and changes nothing")
  void lnAsv03AnApprovalAboveTheCapChangesNothing() {
    FeeProposal p = Proposals.in(FeeStatus.SUBMITTED);
    FeeLimits lowCap =
        new FeeLimits(
            10_000,
            Map.of(),
            FeeRulesTest.LIMITS.saturdaySeniorCapFen(),
            FeeRulesTest.LIMITS.catalogue());
    ProblemException e =
        assertThrows(
            ProblemException.class,
            () -> p.approve(14_000, null, null, lowCap, "gov-1", Proposals.NOW));
    assertTrue(
        e.problem().violations().stream().anyMatch(v -> v.rule().equals("LN-ASV-03")),
        e.getMessage());
    assertEquals(FeeStatus.SUBMITTED, p.status());
    assertNull(p.approval());
  }

  private static List<String> events(List<ProposalChange> changes) {
    return changes.stream().map(c -> c.event().name()).toList();
  }
}
