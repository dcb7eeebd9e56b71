package cn.anshan.oversight.registry.domain.standing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.ApplicationForm;
import cn.anshan.oversight.registry.domain.ApplicationStandard;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Institution;
import cn.anshan.oversight.registry.domain.LegalForm;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.NonSubjectApproval;
import cn.anshan.oversight.registry.domain.PremisesStandard;
import cn.anshan.oversight.registry.domain.StartUpCapital;
import cn.anshan.oversight.registry.domain.StudentStage;
import cn.anshan.oversight.registry.domain.SubCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StandingTest {
  static final LocalDate DAY = LocalDate.of(2026, 6, 1);

  static Institution approved() {
    ApplicationStandard standard =
        new ApplicationStandard(
            new PremisesStandard(new BigDecimal("3"), new BigDecimal("100")),
            300_000,
            NonSubjectApproval.EDUCATION);
    Institution institution = Institution.start("inst-1");
    institution.apply(
        new ApplicationForm(
            "Robotics club",
            Category.NON_SUBJECT,
            SubCategory.SCIENCE_TECH,
            Mode.OFFLINE,
            "tiedong",
            LegalForm.BUSINESS,
            Set.of(StudentStage.PRIMARY),
            new BigDecimal("300"),
            20,
            new StartUpCapital(500_000, "验资报告")),
        standard,
        "liaoning",
        "operator",
        Instant.EPOCH);
    institution.approve(standard, "reg-1", Instant.EPOCH);
    return institution;
  }

  static OperatingLicence licence(LocalDate from, LocalDate to) {
    OperatingLicence licence = new OperatingLicence("inst-1");
    licence.issue(
        "L-1",
        Category.NON_SUBJECT,
        SubCategory.SCIENCE_TECH,
        Mode.OFFLINE,
        from,
        to,
        "reg-1",
        Instant.EPOCH);
    return licence;
  }

  static LegalRegistration registration() {
    LegalRegistration registration = new LegalRegistration("inst-1");
    registration.file(
        RegistrationType.BUSINESS_LICENCE, "91210300MA0000000X", null, "op", Instant.EPOCH);
    return registration;
  }

  static List<String> rules(Standing standing) {
    return standing.reasons().stream().map(RuleViolation::rule).toList();
  }

  @Test
  void lst01WhiteOnlyWithApprovalLicenceAndRegistration() {
    Standing standing =
        Standing.assess(approved(), licence(DAY, DAY.plusYears(3)), registration(), List.of(), DAY);
    assertEquals(ListStatus.WHITE, standing.listStatus());
    assertTrue(standing.operational());
  }

  @Test
  void reg06WithoutRegistrationTheInstitutionIsNotOperational() {
    Standing standing =
        Standing.assess(approved(), licence(DAY, DAY.plusYears(3)), null, List.of(), DAY);
    assertEquals(ListStatus.NONE, standing.listStatus());
    assertFalse(standing.operational());
    assertEquals(List.of("REG-06"), rules(standing));
  }

  @Test
  void licenceIsValidOnItsLastDayAndNotTheDayAfter() {
    LocalDate end = LocalDate.of(2026, 12, 31);
    Institution institution = approved();
    assertEquals(
        ListStatus.WHITE,
        Standing.assess(institution, licence(DAY, end), registration(), List.of(), end)
            .listStatus());
    Standing after =
        Standing.assess(institution, licence(DAY, end), registration(), List.of(), end.plusDays(1));
    assertEquals(ListStatus.NONE, after.listStatus());
    assertEquals(List.of("REG-06"), rules(after));
  }

  @Test
  void lst01RevokedLicenceBlackLists() {
    OperatingLicence revoked = licence(DAY, DAY.plusYears(3));
    revoked.revoke("ENF-01: licence revocation", Instant.EPOCH);
    Standing standing = Standing.assess(approved(), revoked, registration(), List.of(), DAY);
    assertEquals(ListStatus.BLACK, standing.listStatus());
    assertEquals(List.of("LST-01"), rules(standing));
  }

  @Test
  void enf01StoppingOrderBlackListsButAWarningDoesNot() {
    Institution institution = approved();
    OperatingLicence licence = licence(DAY, DAY.plusYears(3));
    Sanction warning =
        new Sanction("inst-1", SanctionType.WARNING, "ENF-01", "ads", "reg", Instant.EPOCH);
    assertEquals(
        ListStatus.WHITE,
        Standing.assess(institution, licence, registration(), List.of(warning), DAY).listStatus());
    Sanction stop =
        new Sanction(
            "inst-1",
            SanctionType.STOP_OPERATING,
            "INS-01",
            "fire exits blocked",
            "reg",
            Instant.EPOCH);
    Standing black = Standing.assess(institution, licence, registration(), List.of(stop), DAY);
    assertEquals(ListStatus.BLACK, black.listStatus());
    assertEquals(List.of("ENF-01"), rules(black));
    stop.lift("reg", Instant.EPOCH);
    assertEquals(
        ListStatus.WHITE,
        Standing.assess(institution, licence, registration(), List.of(stop), DAY).listStatus());
  }

  @Test
  void reg05RegistrationMustFollowALicenceChangeByTheDueDate() {
    Institution institution = approved();
    LocalDate due = LocalDate.of(2026, 6, 10);
    institution.expectRegistrationBy(due);
    OperatingLicence licence = licence(DAY, DAY.plusYears(3));
    assertEquals(
        ListStatus.WHITE,
        Standing.assess(institution, licence, registration(), List.of(), due).listStatus());
    Standing late =
        Standing.assess(institution, licence, registration(), List.of(), due.plusDays(1));
    assertEquals(ListStatus.NONE, late.listStatus());
    assertEquals(List.of("REG-05"), rules(late));
    institution.registrationFiled();
    assertEquals(
        ListStatus.WHITE,
        Standing.assess(institution, licence, registration(), List.of(), due.plusDays(1))
            .listStatus());
  }

  @Test
  void reg06SubjectInstitutionsRegisterAsMinfei() {
    assertEquals(
        List.of("REG-06"),
        StandingRules.registration(Category.SUBJECT, RegistrationType.BUSINESS_LICENCE, null, DAY)
            .stream()
            .map(RuleViolation::rule)
            .toList());
    assertTrue(
        StandingRules.registration(Category.SUBJECT, RegistrationType.MINFEI_CERTIFICATE, null, DAY)
            .isEmpty());
    assertTrue(
        StandingRules.registration(
                Category.NON_SUBJECT, RegistrationType.PUBLIC_INSTITUTION_CERTIFICATE, null, DAY)
            .isEmpty());
  }
}
