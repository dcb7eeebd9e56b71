package cn.anshan.oversight.fee.domain;

import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The value rules of an after-school fee (DOMAIN.md §8, §11 row 19), as plain Java. */
public final class FeeRules {
  /** 以支定收 / 支价相符 / 非营利性: the fee covers cost, no profit margin. */
  public static final String COST_RECOVERY = "LN-ASV-06";

  /** The configured cap per student per month (200 yuan by default). */
  public static final String CAP = "LN-ASV-03";

  /** Per-level caps (UNCONFIRMED attribution, so configuration). */
  public static final String LEVEL_CAP = "LN-ASV-05";

  /** No new fee items, no collection through parent committees or third parties. */
  public static final String NO_IMPROPER_CHARGING = "ASV-04";

  /** The approval process: consultation, joint submission, government approval, publication. */
  public static final String PROCESS = "LN-ASV-06";

  private FeeRules() {}

  /**
   * ASV-04: the fee is collected by the school only, never by a parent committee or third party.
   */
  public static void requireSchoolPayee(String payee) {
    if (payee != null && !payee.equals("SCHOOL")) {
      throw ProblemException.rule(
          NO_IMPROPER_CHARGING,
          "after-school fees are collected by the school only, never through a parent committee"
              + " or a third party (payee "
              + payee
              + ")");
    }
  }

  /**
   * LN-ASV-06: one standard per school, term and programme type, changed through a revision; only
   * after a rejection may the school propose again.
   */
  public static void requireFirstStandard(
      List<FeeProposal> revisions, String termId, ProgrammeType programmeType) {
    if (revisions.stream().anyMatch(p -> p.status() != FeeStatus.REJECTED)) {
      throw ProblemException.rule(
          409,
          PROCESS,
          "the school already has a fee proposal for "
              + termId
              + " "
              + programmeType
              + "; one standard per school, term and programme type,"
              + " changed through a revision");
    }
  }

  /** Terms a fee may be proposed with: every broken rule is listed in one refusal. */
  public static void require(ProgrammeType programmeType, FeeTerms terms, FeeLimits limits) {
    List<RuleViolation> violations = check(programmeType, terms, limits);
    ProblemException.requireNone(violations);
  }

  /** Every rule the proposed terms break, empty when the proposal may be drafted. */
  public static List<RuleViolation> check(
      ProgrammeType programmeType, FeeTerms terms, FeeLimits limits) {
    List<RuleViolation> violations = new ArrayList<>();
    if (!limits.catalogue().contains(new FeeLimits.FeeItem(programmeType, terms.basis()))) {
      violations.add(
          new RuleViolation(
              NO_IMPROPER_CHARGING,
              "no new fee items: "
                  + programmeType
                  + " charged as "
                  + terms.basis()
                  + " is not in the approved catalogue"));
    }
    violations.addAll(
        checkAmount(
            programmeType,
            terms.schoolLevel(),
            terms.costs(),
            terms.expectedParticipants(),
            terms.proposedFeeFenPerMonth()));
    violations.addAll(
        checkCap(programmeType, terms.schoolLevel(), terms.proposedFeeFenPerMonth(), limits));
    return violations;
  }

  /**
   * LN-ASV-06 以支定收 / 支价相符: fee × participants must not exceed the monthly cost, i.e. fee ≤ cost ÷
   * participants with no profit margin. Compared in integers so no rounding lets a fen of profit
   * through.
   */
  public static List<RuleViolation> checkAmount(
      ProgrammeType programmeType,
      SchoolLevel level,
      CostBreakdown costs,
      int participants,
      long feeFen) {
    long total = costs.totalFen();
    if (participants < 1 || Math.multiplyExact(feeFen, (long) participants) > total) {
      return List.of(
          new RuleViolation(
              COST_RECOVERY,
              "以支定收/支价相符: "
                  + feeFen
                  + " fen per student per month exceeds the cost per participant ("
                  + total
                  + " fen ÷ "
                  + participants
                  + " = "
                  + (participants < 1 ? "-" : Long.toString(total / Math.max(1, participants)))
                  + " fen); no profit margin is allowed"));
    }
    return List.of();
  }

  /** LN-ASV-03 (general cap) or LN-ASV-05 (a level's own cap). */
  public static List<RuleViolation> checkCap(
      ProgrammeType programmeType, SchoolLevel level, long feeFen, FeeLimits limits) {
    long cap = limits.capFor(level, programmeType);
    if (feeFen > cap) {
      boolean own =
          (programmeType == ProgrammeType.SATURDAY && level.senior())
              || limits.levelCapsFen().containsKey(level);
      return List.of(
          new RuleViolation(
              own ? LEVEL_CAP : CAP,
              feeFen
                  + " fen per student per month exceeds the cap of "
                  + cap
                  + " fen for "
                  + level
                  + " "
                  + programmeType));
    }
    return List.of();
  }

  /** LN-ASV-06: the approved fee applies for a period inside the term, in order. */
  public static void requireApprovalPeriod(Term term, LocalDate from, LocalDate to) {
    List<FieldError> errors = new ArrayList<>();
    if (!term.contains(from)) {
      errors.add(new FieldError("/validFrom", "must lie inside the term"));
    }
    if (!term.contains(to)) {
      errors.add(new FieldError("/validTo", "must lie inside the term"));
    }
    if (to.isBefore(from)) {
      errors.add(new FieldError("/validTo", "must not be before validFrom"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.ofFields(errors));
    }
  }

  /**
   * LN-ASV-06: consultation (家长自愿), joint submission, approval and publication happen in that
   * order, so {@code act} is taken only from the {@code allowed} statuses (409 else).
   */
  static void requireStep(String act, FeeStatus status, FeeStatus... allowed) {
    if (!Arrays.asList(allowed).contains(status)) {
      throw ProblemException.rule(
          409,
          PROCESS,
          "cannot "
              + act
              + " a "
              + status
              + " fee proposal (allowed from "
              + Arrays.toString(allowed)
              + "): consultation (家长自愿), joint submission, approval and publication happen"
              + " in that order");
    }
  }

  /**
   * The approved amount is checked again: against the cost (以支定收, LN-ASV-06) and the cap
   * (LN-ASV-03/05), every broken rule listed; then against the fee the parents agreed to, which it
   * may not exceed (家长自愿).
   */
  public static void requireApprovableFee(FeeProposal proposal, long feeFen, FeeLimits limits) {
    FeeTerms t = proposal.terms();
    List<RuleViolation> violations = new ArrayList<>();
    violations.addAll(
        checkAmount(
            proposal.programmeType(),
            t.schoolLevel(),
            t.costs(),
            t.expectedParticipants(),
            feeFen));
    violations.addAll(checkCap(proposal.programmeType(), t.schoolLevel(), feeFen, limits));
    ProblemException.requireNone(violations);
    if (feeFen > t.proposedFeeFenPerMonth()) {
      throw ProblemException.rule(
          PROCESS,
          "家长自愿: the approved fee ("
              + feeFen
              + " fen) may not exceed the fee the parents agreed to ("
              + t.proposedFeeFenPerMonth()
              + " fen)");
    }
  }
}
