package cn.anshan.oversight.fee.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Proposals in every status, reached through the legal path only. */
final class Proposals {
  static final Instant NOW = Instant.parse("2026-06-10T02:00:00Z");
  static final Term TERM =
      new Term("2026-autumn", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 15));
  static final FeeTerms TERMS =
      new FeeTerms(
          FeeBasis.SERVICE_CHARGE,
          SchoolLevel.PRIMARY,
          new CostBreakdown(4_200_000, 600_000, 1_500_000, 300_000),
          440,
          15_000);

  private Proposals() {}

  static FeeProposal draft() {
    return new FeeProposal(
        new FeeDraft("school-1", "tiedong", "admin-1", TERM, ProgrammeType.AFTER_SCHOOL, TERMS),
        1,
        null,
        NOW);
  }

  static List<Vote> votes(int votesFor, int votesAgainst, int abstained) {
    List<Vote> votes = new ArrayList<>();
    votes.addAll(Collections.nCopies(votesFor, Vote.FOR));
    votes.addAll(Collections.nCopies(votesAgainst, Vote.AGAINST));
    votes.addAll(Collections.nCopies(abstained, Vote.ABSTAIN));
    return votes;
  }

  static void agree(FeeProposal p) {
    p.recordConsultation(
        ConsultationMethod.PARENT_COMMITTEE,
        LocalDate.of(2026, 6, 9),
        new ConsultationVotes(votes(11, 2, 1), 14, 50),
        "parent-1",
        NOW);
  }

  static void disagree(FeeProposal p) {
    p.recordConsultation(
        ConsultationMethod.HEARING,
        LocalDate.of(2026, 6, 9),
        new ConsultationVotes(votes(3, 9, 0), 12, 50),
        "parent-1",
        NOW);
  }

  /** A proposal in {@code status}; CONSULTED has no signature yet. */
  static FeeProposal in(FeeStatus status) {
    FeeProposal p = draft();
    switch (status) {
      case DRAFT -> {}
      case CONSULTED -> agree(p);
      case RETURNED -> {
        agree(p);
        p.returnSubmission(Department.PRICING, List.of("itemise utilities"), NOW);
      }
      case SUBMITTED -> submitted(p);
      case APPROVED -> {
        submitted(p);
        approve(p);
      }
      case REJECTED -> {
        submitted(p);
        p.reject(List.of("too many participants assumed"), NOW);
      }
      case PUBLISHED -> {
        submitted(p);
        approve(p);
        p.publish(List.of(), "admin-1", NOW);
      }
      case SUPERSEDED -> {
        submitted(p);
        approve(p);
        p.publish(List.of(), "admin-1", NOW);
        p.supersede(draft(), NOW);
      }
    }
    if (p.status() != status) {
      throw new IllegalStateException("fixture reached " + p.status() + ", not " + status);
    }
    return p;
  }

  static void submitted(FeeProposal p) {
    agree(p);
    p.sign(Department.EDUCATION, "reg-1", NOW);
    p.sign(Department.PRICING, "price-1", NOW);
  }

  static void approve(FeeProposal p) {
    p.approve(15_000, TERM.start(), TERM.end(), FeeRulesTest.LIMITS, "gov-1", NOW);
  }
}
