package cn.anshan.oversight.registry.domain;

import static cn.anshan.oversight.registry.domain.Refusals.refused;
import static cn.anshan.oversight.registry.domain.Refusals.slug;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.problem.RuleViolation;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationRulesTest {
  static final ApplicationStandard STANDARD =
      new ApplicationStandard(
          new PremisesStandard(new BigDecimal("3"), new BigDecimal("100")),
          300_000,
          NonSubjectApproval.EDUCATION);
  static final StartUpCapital CAPITAL = new StartUpCapital(300_000, "验资报告 2026-0001");

  static ApplicationForm scienceClub(String area, int students) {
    return scienceClub(area, students, Set.of(StudentStage.PRIMARY));
  }

  static ApplicationForm scienceClub(String area, int students, Set<StudentStage> stages) {
    return new ApplicationForm(
        "Robotics club",
        Category.NON_SUBJECT,
        SubCategory.SCIENCE_TECH,
        Mode.OFFLINE,
        "tiedong",
        LegalForm.BUSINESS,
        stages,
        new BigDecimal(area),
        students,
        CAPITAL);
  }

  static List<String> rules(List<RuleViolation> violations) {
    return violations.stream().map(RuleViolation::rule).toList();
  }

  @Test
  void nonSubjectOfflineInstitutionWithEnoughSpaceIsAcceptable() {
    assertTrue(ApplicationRules.check(scienceClub("270", 90), STANDARD).isEmpty());
  }

  @Test
  void reg10NeedsThreeSquareMetresPerStudentInOneSlot() {
    List<RuleViolation> violations = ApplicationRules.check(scienceClub("269.99", 90), STANDARD);
    assertEquals(List.of("REG-10"), rules(violations));
    assertTrue(violations.get(0).detail().contains("270"));
  }

  @Test
  void reg10NeedsTheConfiguredMinimumArea() {
    assertEquals(
        List.of("REG-10"), rules(ApplicationRules.check(scienceClub("99.99", 10), STANDARD)));
    assertTrue(ApplicationRules.check(scienceClub("100", 10), STANDARD).isEmpty());
  }

  static ApplicationForm codingSchool(Mode mode, String district) {
    return new ApplicationForm(
        "Coding school",
        Category.NON_SUBJECT,
        SubCategory.SCIENCE_TECH,
        mode,
        district,
        LegalForm.BUSINESS,
        Set.of(StudentStage.JUNIOR_SECONDARY),
        new BigDecimal("300"),
        30,
        CAPITAL);
  }

  @Test
  void reg12OnlineInstitutionsAreApprovedAtProvinceLevelAndOfflineOnesLocally() {
    assertEquals(
        List.of("REG-12"),
        rules(
            ApplicationRules.checkApprovalLevel(codingSchool(Mode.ONLINE, "tiedong"), "liaoning")));
    assertTrue(
        ApplicationRules.checkApprovalLevel(codingSchool(Mode.ONLINE, "liaoning"), "liaoning")
            .isEmpty());
    assertEquals(
        List.of("REG-08"),
        rules(
            ApplicationRules.checkApprovalLevel(
                codingSchool(Mode.OFFLINE, "liaoning"), "liaoning")));
    assertTrue(
        ApplicationRules.checkApprovalLevel(codingSchool(Mode.OFFLINE, "tiedong"), "liaoning")
            .isEmpty());
  }

  @Test
  void onlineInstitutionsHaveNoPremisesRule() {
    ApplicationForm online =
        new ApplicationForm(
            "Coding online",
            Category.NON_SUBJECT,
            SubCategory.SCIENCE_TECH,
            Mode.ONLINE,
            "tiedong",
            LegalForm.BUSINESS,
            Set.of(StudentStage.JUNIOR_SECONDARY),
            BigDecimal.ZERO,
            30,
            CAPITAL);
    assertTrue(ApplicationRules.check(online, STANDARD).isEmpty());
  }

  @Test
  void reg04RefusesNewSubjectInstitutionsForCompulsoryEducationAndListsEveryBrokenRule() {
    ApplicationForm subject =
        new ApplicationForm(
            "Maths tutoring",
            Category.SUBJECT,
            null,
            Mode.OFFLINE,
            "tiedong",
            LegalForm.BUSINESS,
            Set.of(StudentStage.PRIMARY),
            new BigDecimal("50"),
            30,
            CAPITAL);
    List<RuleViolation> violations = ApplicationRules.check(subject, STANDARD);
    assertEquals(List.of("REG-04", "REG-06", "REG-10", "REG-10"), rules(violations));
    assertTrue(violations.get(0).detail().contains("compulsory-education"));
  }

  @Test
  void reg04RefusesNewInstitutionsForPreschoolChildrenOfAnyCategory() {
    ApplicationForm preschool =
        new ApplicationForm(
            "Little dancers",
            Category.NON_SUBJECT,
            SubCategory.CULTURE_ART,
            Mode.OFFLINE,
            "tiedong",
            LegalForm.BUSINESS,
            Set.of(StudentStage.PRESCHOOL),
            new BigDecimal("300"),
            20,
            CAPITAL);
    assertEquals(List.of("REG-04"), rules(ApplicationRules.check(preschool, STANDARD)));
  }

  @Test
  void reg02NonSubjectNeedsASubCategory() {
    ApplicationForm noSector =
        new ApplicationForm(
            "Club",
            Category.NON_SUBJECT,
            null,
            Mode.ONLINE,
            "tiedong",
            LegalForm.BUSINESS,
            Set.of(StudentStage.PRIMARY),
            BigDecimal.ZERO,
            10,
            CAPITAL);
    assertEquals(List.of("REG-02"), rules(ApplicationRules.check(noSector, STANDARD)));
  }

  @Test
  void approvalIsLocalAndMakesTheApproverTheSupervisor() {
    Institution application = Institution.start("inst-1");
    application.apply(
        scienceClub("300", 20), STANDARD, "liaoning", "operator", java.time.Instant.EPOCH);
    assertEquals(
        "REG-08",
        ApplicationRules.localApprovalViolation(application.form(), "lishan").orElseThrow().rule());
    assertTrue(ApplicationRules.localApprovalViolation(application.form(), "tiedong").isEmpty());
    assertEquals(
        "ApplicationApproved.v1",
        application.approve(STANDARD, "reg-7", java.time.Instant.EPOCH).name());
    assertEquals(ApplicationStatus.APPROVED, application.status());
    assertEquals("reg-7", application.supervisorId());
    assertEquals(2, application.version());
  }

  @Test
  void onlyARejectedInstitutionAppliesAgainAndTheRegisterTakesAnInstitutionOnce() {
    Institution application = Institution.applyingFor(null, "inst-1");
    application.apply(
        scienceClub("300", 20), STANDARD, "liaoning", "operator", java.time.Instant.EPOCH);
    assertEquals(
        "application-pending",
        slug(refused(409, () -> Institution.applyingFor(application, "inst-1"))));
    assertEquals(
        "application-pending",
        slug(
            refused(
                409,
                () ->
                    application.apply(
                        scienceClub("300", 20),
                        STANDARD,
                        "liaoning",
                        "operator",
                        java.time.Instant.EPOCH))));
    application.approve(STANDARD, "reg-7", java.time.Instant.EPOCH);
    assertEquals(
        "already-approved",
        slug(refused(409, () -> Institution.applyingFor(application, "inst-1"))));
    assertEquals(
        "already-registered",
        slug(refused(409, () -> Institution.registering(application, "inst-1"))));

    Institution rejected = Institution.applyingFor(null, "inst-2");
    rejected.apply(
        scienceClub("300", 20), STANDARD, "liaoning", "operator", java.time.Instant.EPOCH);
    rejected.reject(List.of(), "[\"incomplete\"]", "reg-7", java.time.Instant.EPOCH);
    assertEquals(rejected, Institution.applyingFor(rejected, "inst-2"));
    assertEquals(
        "InstitutionApplied.v1",
        rejected
            .apply(
                scienceClub("300", 20), STANDARD, "liaoning", "operator", java.time.Instant.EPOCH)
            .name());
    assertEquals(ApplicationStatus.APPLIED, rejected.status());
  }

  @Test
  void reg04ExistingSubjectInstitutionsMayStayIfReRegisteredAsMinfei() {
    ApplicationForm minfei =
        new ApplicationForm(
            "Maths centre",
            Category.SUBJECT,
            null,
            Mode.OFFLINE,
            "tiedong",
            LegalForm.MINFEI,
            Set.of(StudentStage.PRIMARY),
            new BigDecimal("300"),
            40,
            CAPITAL);
    assertTrue(ApplicationRules.checkExisting(minfei, STANDARD.premises()).isEmpty());
    ApplicationForm business =
        new ApplicationForm(
            "Maths centre",
            Category.SUBJECT,
            null,
            Mode.OFFLINE,
            "tiedong",
            LegalForm.BUSINESS,
            Set.of(StudentStage.PRIMARY),
            new BigDecimal("300"),
            40,
            CAPITAL);
    assertEquals(
        List.of("REG-04", "REG-06"),
        rules(ApplicationRules.checkExisting(business, STANDARD.premises())));
    // A new application of the same MINFEI institution is still refused: REG-04 bans new approvals.
    assertEquals(List.of("REG-04"), rules(ApplicationRules.check(minfei, STANDARD)));
  }

  @Test
  void reg08ANewInstitutionDeclaresAtLeastTheMinimumStartUpCapital() {
    ApplicationForm at = withCapital(new StartUpCapital(300_000, "验资报告"));
    assertTrue(ApplicationRules.check(at, STANDARD).isEmpty());
    List<RuleViolation> below =
        ApplicationRules.check(withCapital(new StartUpCapital(299_999, "验资报告")), STANDARD);
    assertEquals(List.of("REG-08"), rules(below));
    assertTrue(below.get(0).detail().contains("declares 299999"), below.get(0).detail());
    assertEquals(List.of("REG-08"), rules(ApplicationRules.check(withCapital(null), STANDARD)));
    // an institution approved before the platform is not asked for it
    assertTrue(ApplicationRules.checkExisting(withCapital(null), STANDARD.premises()).isEmpty());
    // deciding an application filed before REG-08 was checked: a missing figure is not held against
    // it (it cannot be amended while open), a declared one still has to meet the minimum
    assertTrue(ApplicationRules.recheck(withCapital(null), STANDARD).isEmpty());
    assertEquals(
        List.of("REG-08"),
        rules(ApplicationRules.recheck(withCapital(new StartUpCapital(1, "验资报告")), STANDARD)));
  }

  static ApplicationForm withCapital(StartUpCapital capital) {
    ApplicationForm f = scienceClub("300", 20);
    return new ApplicationForm(
        f.name(),
        f.category(),
        f.subCategory(),
        f.mode(),
        f.district(),
        f.legalForm(),
        f.studentStages(),
        f.premisesAreaSqm(),
        f.maxStudentsPerSlot(),
        capital);
  }

  @Test
  void theFormKeepsStudentStagesInDeclarationOrderAsEventsShowThem() {
    ApplicationForm form =
        scienceClub(
            "300",
            30,
            new LinkedHashSet<>(
                List.of(
                    StudentStage.SENIOR_SECONDARY, StudentStage.PRESCHOOL, StudentStage.PRIMARY)));
    assertEquals(
        List.of(StudentStage.PRESCHOOL, StudentStage.PRIMARY, StudentStage.SENIOR_SECONDARY),
        List.copyOf(form.studentStages()));
  }
}
