package cn.anshan.oversight.registry.domain.unlicensed;

import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.complaint.Complaint;
import java.util.ArrayList;
import java.util.List;

/** ENF-02 and ENF-03 for operators that train without approval (issue 18 item 1). */
public final class UnlicensedRules {
  public static final String UNLICENSED = "ENF-02";
  public static final String DISGUISED = "ENF-03";

  private UnlicensedRules() {}

  /**
   * ENF-02: an operator found through a complaint names one about an unlisted operator in the
   * regulator's district; {@code complaint} is null when the reference names none.
   */
  public static void requireComplaintSource(
      Complaint complaint, String sourceReference, String district) {
    if (complaint == null
        || !complaint.district().equals(district)
        || !complaint.aboutUnlistedOperator()) {
      throw ProblemException.rule(
          UNLICENSED,
          "sourceReference "
              + sourceReference
              + " is not a complaint about an unlisted operator in district "
              + district);
    }
  }

  /** A part of the test that is asserted must say where its evidence is. */
  public static List<RuleViolation> evidence(ThreePartTest test) {
    List<RuleViolation> violations = new ArrayList<>();
    if (test.venueOrOnline() && blank(test.venueEvidence())) {
      violations.add(missing(UNLICENSED, "a venue, website or app"));
    }
    if (test.staffCount() > 0 && blank(test.staffEvidence())) {
      violations.add(missing(UNLICENSED, test.staffCount() + " staff"));
    }
    if (test.organised() && blank(test.organisationEvidence())) {
      violations.add(missing(UNLICENSED, "an organisation with division of work"));
    }
    if (test.subjectTraining() && blank(test.trainingEvidence())) {
      violations.add(missing(DISGUISED, "subject-type training"));
    }
    return violations;
  }

  /** The outcomes and fine band the finding allows; empty when the order fits. */
  public static List<RuleViolation> sanction(
      OperatorFinding finding, SanctionOrder order, FineBands bands) {
    if (finding == null) {
      return List.of(
          new RuleViolation(
              UNLICENSED, "assess the operator against the ENF-02 test before sanctioning it"));
    }
    if (finding == OperatorFinding.NOT_ESTABLISHED) {
      return List.of(
          new RuleViolation(
              UNLICENSED,
              "the assessment established neither an unlicensed institution (ENF-02) nor"
                  + " disguised subject-type training (ENF-03): there is nothing to sanction"));
    }
    String rule = finding.rule();
    boolean unlicensed = finding == OperatorFinding.UNLICENSED_INSTITUTION;
    var allowed = unlicensed ? OperatorSanctionType.ENF_02 : OperatorSanctionType.ENF_03;
    if (!allowed.contains(order.type())) {
      return List.of(
          new RuleViolation(
              rule, order.type() + " is not an outcome of " + rule + "; allowed: " + allowed));
    }
    List<RuleViolation> violations = new ArrayList<>();
    if (order.type() == OperatorSanctionType.FINE) {
      violations.addAll(unlicensed ? gainsFine(order, bands) : cappedFine(order, bands));
    } else if (order.fineFen() != null || order.illegalGainsFen() != null) {
      violations.add(new RuleViolation(rule, "only a FINE carries fineFen or illegalGainsFen"));
    }
    if (order.type() == OperatorSanctionType.REFERRAL && blank(order.referredTo())) {
      violations.add(new RuleViolation(rule, "a REFERRAL names the agency it goes to"));
    }
    return violations;
  }

  /** ENF-02: a fine of min–max times the illegal gains. */
  private static List<RuleViolation> gainsFine(SanctionOrder order, FineBands bands) {
    Long gains = order.illegalGainsFen();
    Long fine = order.fineFen();
    if (gains == null || gains <= 0 || fine == null) {
      return List.of(
          new RuleViolation(
              UNLICENSED, "an ENF-02 fine states the illegal gains and the fine, both in fen"));
    }
    long low = Math.multiplyExact(gains, (long) bands.minGainsMultiple());
    long high = Math.multiplyExact(gains, (long) bands.maxGainsMultiple());
    if (fine < low || fine > high) {
      return List.of(
          new RuleViolation(
              UNLICENSED,
              "an ENF-02 fine is "
                  + bands.minGainsMultiple()
                  + "–"
                  + bands.maxGainsMultiple()
                  + " times the illegal gains: "
                  + low
                  + "–"
                  + high
                  + " fen, not "
                  + fine));
    }
    return List.of();
  }

  /** ENF-03: a fine up to the configured cap, for serious cases. */
  private static List<RuleViolation> cappedFine(SanctionOrder order, FineBands bands) {
    Long fine = order.fineFen();
    if (fine == null || fine <= 0 || fine > bands.disguisedTrainingCapFen()) {
      return List.of(
          new RuleViolation(
              DISGUISED,
              "an ENF-03 fine is more than 0 and at most "
                  + bands.disguisedTrainingCapFen()
                  + " fen, not "
                  + fine));
    }
    if (order.illegalGainsFen() != null) {
      return List.of(new RuleViolation(DISGUISED, "an ENF-03 fine is not measured by gains"));
    }
    return List.of();
  }

  private static RuleViolation missing(String rule, String part) {
    return new RuleViolation(rule, "the test asserts " + part + " but names no evidence");
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
