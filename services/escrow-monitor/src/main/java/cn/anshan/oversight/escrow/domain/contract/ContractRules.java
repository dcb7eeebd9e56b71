package cn.anshan.oversight.escrow.domain.contract;

import cn.anshan.oversight.escrow.domain.entitlement.Category;
import cn.anshan.oversight.kit.problem.RuleViolation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What must hold before the model contract is signed (§11 row 8): the institution's particulars
 * complete (CON-02), the documents a guardian is told to check valid and of the right kind for the
 * course (REG-06), a payment clause that is a lump sum or whole instalments (CON-05) and no
 * training loan (PRE-06). Plain Java.
 */
public final class ContractRules {
  public static final String INSTITUTION_FIELDS = "CON-02";
  public static final String DOCUMENTS = "REG-06";
  public static final String PAYMENT = "CON-05";
  public static final String NO_TRAINING_LOAN = "PRE-06";

  /** REG-06: a subject-type institution must hold a 民办非企业单位登记证书. */
  static final String MINFEI = "MINFEI_CERTIFICATE";

  private ContractRules() {}

  /** The course and payment clause a parent asks to sign for. */
  public record Draft(
      Category category,
      String courseMode,
      int lessons,
      PaymentPlan plan,
      int instalments,
      PaymentMethod method,
      LocalDate signedOn) {}

  /** Every reason the contract may not be signed; empty when it may. */
  public static List<RuleViolation> check(
      InstitutionParticulars institution, Draft draft, int maxInstalments) {
    List<RuleViolation> violations = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    if (blank(institution.name())) {
      missing.add("name");
    }
    if (blank(institution.licenceNo()) || institution.licenceValidTo() == null) {
      missing.add("operating licence number and expiry");
    }
    if (blank(institution.creditCode()) || blank(institution.registrationType())) {
      missing.add("legal registration and unified social credit code");
    }
    if (!missing.isEmpty()) {
      violations.add(
          new RuleViolation(
              INSTITUTION_FIELDS,
              "the contract cannot name the institution: the registry has not published its "
                  + String.join(", ", missing)));
    }
    documents(institution, draft, violations);
    payment(draft, maxInstalments, violations);
    return violations;
  }

  private static void documents(
      InstitutionParticulars institution, Draft draft, List<RuleViolation> violations) {
    if (institution.licenceValidTo() != null
        && institution.licenceValidTo().isBefore(draft.signedOn())) {
      violations.add(
          new RuleViolation(
              DOCUMENTS,
              "the operating licence "
                  + institution.licenceNo()
                  + " expired on "
                  + institution.licenceValidTo()));
    }
    if (institution.registrationValidTo() != null
        && institution.registrationValidTo().isBefore(draft.signedOn())) {
      violations.add(
          new RuleViolation(
              DOCUMENTS, "the legal registration expired on " + institution.registrationValidTo()));
    }
    if (draft.category() == Category.SUBJECT
        && institution.registrationType() != null
        && !MINFEI.equals(institution.registrationType())) {
      violations.add(
          new RuleViolation(
              DOCUMENTS,
              "a subject-type course needs an institution registered as 民办非企业单位, not "
                  + institution.registrationType()));
    }
    if (institution.mode() != null
        && draft.courseMode() != null
        && !institution.mode().equals(draft.courseMode())) {
      violations.add(
          new RuleViolation(
              DOCUMENTS,
              "an "
                  + institution.mode()
                  + " licence does not cover an "
                  + draft.courseMode()
                  + " course"));
    }
  }

  private static void payment(Draft draft, int maxInstalments, List<RuleViolation> violations) {
    if (draft.method() == PaymentMethod.TRAINING_LOAN) {
      violations.add(
          new RuleViolation(
              NO_TRAINING_LOAN,
              "training loans may not pay for a primary or secondary student's training (CON-05)"));
    }
    if (draft.plan() == PaymentPlan.LUMP_SUM && draft.instalments() != 1) {
      violations.add(
          new RuleViolation(PAYMENT, "a lump sum is one instalment, not " + draft.instalments()));
    }
    int most = Math.min(maxInstalments, draft.lessons());
    if (draft.plan() == PaymentPlan.INSTALMENTS
        && (draft.instalments() < 2 || draft.instalments() > most)) {
      violations.add(
          new RuleViolation(
              PAYMENT,
              "instalments must be between 2 and "
                  + most
                  + " (each pays whole lessons, at most "
                  + maxInstalments
                  + "), not "
                  + draft.instalments()));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
