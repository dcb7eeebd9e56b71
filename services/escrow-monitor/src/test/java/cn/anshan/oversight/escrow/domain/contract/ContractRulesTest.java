package cn.anshan.oversight.escrow.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.escrow.domain.entitlement.Category;
import cn.anshan.oversight.escrow.domain.order.OrderFixtures;
import cn.anshan.oversight.kit.problem.RuleViolation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §11 row 8: CON-02, REG-06, CON-05 and PRE-06 before the model contract is signed. */
class ContractRulesTest {
  static final LocalDate TODAY = LocalDate.parse("2026-04-20");
  static final InstitutionParticulars COMPLETE = OrderFixtures.PARTICULARS;

  static ContractRules.Draft draft(
      Category category, String mode, PaymentPlan plan, int instalments, PaymentMethod method) {
    return new ContractRules.Draft(category, mode, 10, plan, instalments, method, TODAY);
  }

  static ContractRules.Draft lumpSum() {
    return draft(Category.NON_SUBJECT, "OFFLINE", PaymentPlan.LUMP_SUM, 1, PaymentMethod.CARD);
  }

  static List<String> rules(InstitutionParticulars institution, ContractRules.Draft draft) {
    return ContractRules.check(institution, draft, 3).stream().map(RuleViolation::rule).toList();
  }

  @Test
  void aCompleteInstitutionAndALumpSumMaySign() {
    assertEquals(List.of(), rules(COMPLETE, lumpSum()));
  }

  @Test
  void con02TheInstitutionMustBeNamedWithLicenceAndRegistration() {
    InstitutionParticulars noRegistration =
        new InstitutionParticulars(
            COMPLETE.name(),
            "OFFLINE",
            COMPLETE.licenceNo(),
            COMPLETE.licenceValidTo(),
            null,
            null,
            null);
    List<RuleViolation> found = ContractRules.check(noRegistration, lumpSum(), 3);
    assertEquals(List.of("CON-02"), found.stream().map(RuleViolation::rule).toList());
    assertTrue(found.get(0).detail().contains("unified social credit code"));
    assertEquals(
        List.of("CON-02"),
        rules(new InstitutionParticulars(null, null, null, null, null, null, null), lumpSum()));
  }

  @Test
  void reg06TheLicenceAndRegistrationMustBeValidOnTheSigningDay() {
    InstitutionParticulars licenceEndsToday =
        new InstitutionParticulars(
            COMPLETE.name(), "OFFLINE", "L-1", TODAY, "BUSINESS_LICENCE", "CC", null);
    assertEquals(List.of(), rules(licenceEndsToday, lumpSum()));
    InstitutionParticulars licenceEndedYesterday =
        new InstitutionParticulars(
            COMPLETE.name(), "OFFLINE", "L-1", TODAY.minusDays(1), "BUSINESS_LICENCE", "CC", null);
    assertEquals(List.of("REG-06"), rules(licenceEndedYesterday, lumpSum()));
    InstitutionParticulars registrationEnded =
        new InstitutionParticulars(
            COMPLETE.name(),
            "OFFLINE",
            "L-1",
            COMPLETE.licenceValidTo(),
            "BUSINESS_LICENCE",
            "CC",
            TODAY.minusDays(1));
    assertEquals(List.of("REG-06"), rules(registrationEnded, lumpSum()));
  }

  @Test
  void reg06SubjectTrainingNeedsAMinfeiRegistrationAndTheLicencesMode() {
    ContractRules.Draft subject =
        draft(Category.SUBJECT, "OFFLINE", PaymentPlan.LUMP_SUM, 1, PaymentMethod.CARD);
    assertEquals(List.of("REG-06"), rules(COMPLETE, subject));
    InstitutionParticulars minfei =
        new InstitutionParticulars(
            COMPLETE.name(),
            "OFFLINE",
            "L-1",
            COMPLETE.licenceValidTo(),
            "MINFEI_CERTIFICATE",
            "CC",
            null);
    assertEquals(List.of(), rules(minfei, subject));
    ContractRules.Draft online =
        draft(Category.NON_SUBJECT, "ONLINE", PaymentPlan.LUMP_SUM, 1, PaymentMethod.CARD);
    assertEquals(List.of("REG-06"), rules(COMPLETE, online));
  }

  @Test
  void pre06ATrainingLoanIsNeverSigned() {
    List<RuleViolation> found =
        ContractRules.check(
            COMPLETE,
            draft(
                Category.NON_SUBJECT,
                "OFFLINE",
                PaymentPlan.LUMP_SUM,
                1,
                PaymentMethod.TRAINING_LOAN),
            3);
    assertEquals(List.of("PRE-06"), found.stream().map(RuleViolation::rule).toList());
    assertTrue(found.get(0).detail().contains("CON-05"));
  }

  @Test
  void con05ALumpSumIsOneInstalmentAndInstalmentsStayWithinTheLessonsAndTheCap() {
    assertEquals(
        List.of("CON-05"),
        rules(
            COMPLETE,
            draft(Category.NON_SUBJECT, "OFFLINE", PaymentPlan.LUMP_SUM, 2, PaymentMethod.CARD)));
    assertEquals(
        List.of("CON-05"),
        rules(
            COMPLETE,
            draft(
                Category.NON_SUBJECT, "OFFLINE", PaymentPlan.INSTALMENTS, 1, PaymentMethod.CARD)));
    assertEquals(
        List.of(),
        rules(
            COMPLETE,
            draft(
                Category.NON_SUBJECT, "OFFLINE", PaymentPlan.INSTALMENTS, 3, PaymentMethod.CARD)));
    assertEquals(
        List.of("CON-05"),
        rules(
            COMPLETE,
            draft(
                Category.NON_SUBJECT, "OFFLINE", PaymentPlan.INSTALMENTS, 4, PaymentMethod.CARD)));
    ContractRules.Draft twoLessonsInThree =
        new ContractRules.Draft(
            Category.NON_SUBJECT,
            "OFFLINE",
            2,
            PaymentPlan.INSTALMENTS,
            3,
            PaymentMethod.CARD,
            TODAY);
    assertEquals(List.of("CON-05"), rules(COMPLETE, twoLessonsInThree));
  }

  @Test
  void instalmentsSplitTheLessonsEvenlyEarlierOnesTakingTheRemainder() {
    assertEquals(4, Instalments.lessonsIn(10, 3, 1));
    assertEquals(3, Instalments.lessonsIn(10, 3, 2));
    assertEquals(3, Instalments.lessonsIn(10, 3, 3));
    assertEquals(10, Instalments.lessonsIn(10, 1, 1));
    for (int lessons = 1; lessons <= 60; lessons++) {
      for (int count = 1; count <= Math.min(lessons, 12); count++) {
        int sum = 0;
        for (int n = 1; n <= count; n++) {
          sum += Instalments.lessonsIn(lessons, count, n);
        }
        assertEquals(lessons, sum, lessons + " lessons in " + count);
      }
    }
  }
}
