package cn.anshan.oversight.registry.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.StudentStage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffRulesTest {
  static final BigDecimal HALF = new BigDecimal("0.50");
  static final Qualification TEACHER_CERT =
      new Qualification(QualificationType.TEACHER_CERT, "20232100142000123");
  static final Qualification PRO_CERT = new Qualification(QualificationType.PRO_CERT, "S-2101-77");
  static final StaffRoster ONE_FULL_TIME_TEACHER = new StaffRoster(1, 1);

  static StaffForm teacher(boolean fullTime, Qualification qualification) {
    return new StaffForm(
        "王老师",
        "hash",
        StaffRole.TEACHING,
        fullTime,
        qualification,
        false,
        true,
        StaffEvidence.NONE);
  }

  static StaffForm other(boolean fullTime) {
    return new StaffForm(
        "李会计", "hash", StaffRole.OTHER, fullTime, null, false, true, StaffEvidence.NONE);
  }

  static List<String> rules(List<RuleViolation> violations) {
    return violations.stream().map(RuleViolation::rule).toList();
  }

  static List<String> filing(StaffForm form, Category category, StaffRoster roster) {
    return rules(StaffRules.checkFiling(form, category, roster, false, HALF));
  }

  static StaffMember filed(StaffForm form) {
    return StaffMember.file(
            "s-1",
            "i-1",
            "tiedong",
            Category.NON_SUBJECT,
            form,
            new StaffRoster(0, 0),
            new BackgroundCheck(false, false),
            BigDecimal.ZERO,
            "op",
            Instant.parse("2026-03-10T02:00:00Z"))
        .member();
  }

  static List<String> departure(StaffForm form, StaffRoster roster) {
    return rules(StaffRules.checkDeparture(filed(form), roster, HALF));
  }

  // Subject-type institutions cannot be approved through the API any more (REG-04), so STF-01 for
  // them is proven here only.
  @Test
  void stf01SubjectTypeTeachingStaffNeedATeacherCertificate() {
    assertEquals(
        List.of(), filing(teacher(true, TEACHER_CERT), Category.SUBJECT, new StaffRoster(0, 0)));
    assertEquals(
        List.of("STF-01"),
        filing(teacher(true, PRO_CERT), Category.SUBJECT, new StaffRoster(0, 0)));
    assertEquals(
        List.of("STF-01"), filing(teacher(true, null), Category.SUBJECT, new StaffRoster(0, 0)));
  }

  @Test
  void stf01NonSubjectTeachingStaffNeedATeacherOrProfessionalCertificate() {
    StaffRoster empty = new StaffRoster(0, 0);
    assertEquals(List.of(), filing(teacher(true, TEACHER_CERT), Category.NON_SUBJECT, empty));
    assertEquals(List.of(), filing(teacher(true, PRO_CERT), Category.NON_SUBJECT, empty));
    List<RuleViolation> refused =
        StaffRules.checkFiling(teacher(true, null), Category.NON_SUBJECT, empty, false, HALF);
    assertEquals(List.of("STF-01"), rules(refused));
    assertTrue(refused.get(0).detail().contains("PRO_CERT"));
  }

  @Test
  void stf01DoesNotApplyToStaffWhoDoNotTeach() {
    assertEquals(List.of(), filing(other(false), Category.SUBJECT, new StaffRoster(1, 1)));
  }

  @Test
  void stf02InServiceSchoolTeachersAreRefused() {
    StaffForm moonlighting =
        new StaffForm(
            "赵老师", "hash", StaffRole.TEACHING, true, TEACHER_CERT, true, true, StaffEvidence.NONE);
    assertEquals(
        List.of("STF-02"), filing(moonlighting, Category.NON_SUBJECT, ONE_FULL_TIME_TEACHER));
    assertEquals(
        List.of(),
        filing(teacher(true, TEACHER_CERT), Category.NON_SUBJECT, ONE_FULL_TIME_TEACHER));
  }

  @Test
  void stf03AWrittenLabourContractIsRequired() {
    StaffForm noContract =
        new StaffForm(
            "钱老师", "hash", StaffRole.TEACHING, true, PRO_CERT, false, false, StaffEvidence.NONE);
    assertEquals(
        List.of("STF-03"), filing(noContract, Category.NON_SUBJECT, ONE_FULL_TIME_TEACHER));
  }

  @Test
  void stf04FilingSomeoneElseIsAllowedExactlyAtTheMinimumShare() {
    // 1 full-time teacher + this part-timer = 1 of 2 = 50 %: allowed.
    assertEquals(
        List.of(), filing(teacher(false, PRO_CERT), Category.NON_SUBJECT, new StaffRoster(1, 1)));
    // 1 of 3 = 33 %: refused, naming the counts.
    List<RuleViolation> refused =
        StaffRules.checkFiling(
            other(true), Category.NON_SUBJECT, new StaffRoster(2, 1), false, HALF);
    assertEquals(List.of("STF-04"), rules(refused));
    assertTrue(refused.get(0).detail().contains("1 of 3"), refused.get(0).detail());
    // The first filing of an institution must therefore be a full-time teacher.
    assertEquals(
        List.of("STF-04"), filing(other(true), Category.NON_SUBJECT, new StaffRoster(0, 0)));
  }

  @Test
  void stf04FilingAFullTimeTeacherIsNeverRefusedEvenBelowTheMinimum() {
    assertEquals(
        List.of(), filing(teacher(true, PRO_CERT), Category.NON_SUBJECT, new StaffRoster(5, 0)));
  }

  @Test
  void stf04UsesTheConfiguredMinimumExactly() {
    BigDecimal sixty = new BigDecimal("0.60");
    // 3 of 5 = 60 %: allowed; 3 of 6: refused.
    assertTrue(
        StaffRules.checkFiling(
                other(true), Category.NON_SUBJECT, new StaffRoster(4, 3), false, sixty)
            .isEmpty());
    assertEquals(
        List.of("STF-04"),
        rules(
            StaffRules.checkFiling(
                other(true), Category.NON_SUBJECT, new StaffRoster(5, 3), false, sixty)));
  }

  @Test
  void stf04AFullTimeTeacherMayLeaveOnlyIfTheShareStaysAtTheMinimum() {
    StaffForm fullTimeTeacher = teacher(true, PRO_CERT);
    // 3 staff, 2 full-time teachers; one leaves: 1 of 2 = 50 %: allowed.
    assertEquals(List.of(), departure(fullTimeTeacher, new StaffRoster(3, 2)));
    // 4 staff, 2 full-time teachers; one leaves: 1 of 3: refused.
    assertEquals(List.of("STF-04"), departure(fullTimeTeacher, new StaffRoster(4, 2)));
    // The last member may leave: nobody is left to count.
    assertEquals(List.of(), departure(fullTimeTeacher, new StaffRoster(1, 1)));
  }

  @Test
  void stf04OthersLeavingOnlyRaiseTheShareAndAreNeverRefused() {
    assertEquals(List.of(), departure(other(true), new StaffRoster(5, 1)));
    assertEquals(List.of(), departure(teacher(false, PRO_CERT), new StaffRoster(5, 1)));
  }

  @Test
  void stf04RefusedDepartureChangesNothing() {
    StaffMember member = filed(teacher(true, PRO_CERT));
    ProblemException refused =
        assertThrows(
            ProblemException.class,
            () ->
                member.leave(
                    new StaffRoster(4, 2), HALF, "op", Instant.parse("2026-04-01T00:00:00Z")));
    assertEquals(List.of("STF-04"), rules(refused.problem().violations()));
    assertTrue(member.isActive());
    assertEquals(1, member.version());
    member.leave(new StaffRoster(3, 2), HALF, "op", Instant.EPOCH);
    assertEquals(StaffStatus.LEFT, member.status());
    assertEquals(2, member.version());
    ProblemException again =
        assertThrows(
            ProblemException.class,
            () -> member.leave(new StaffRoster(2, 1), HALF, "op", Instant.EPOCH));
    assertEquals(409, again.problem().status());
    assertEquals(2, member.version());
  }

  @Test
  void stf06BlacklistedPeopleAreRefused() {
    assertEquals(
        List.of("STF-06"),
        rules(
            StaffRules.checkFiling(
                teacher(true, PRO_CERT), Category.NON_SUBJECT, new StaffRoster(0, 0), true, HALF)));
  }

  /**
   * A part-time teacher with no qualification, filed with a subject institution of 2 (1 full-time).
   */
  static StaffMember.Filing everythingWrong(BackgroundCheck person) {
    StaffForm form =
        new StaffForm(
            "孙某", "hash", StaffRole.TEACHING, false, null, true, false, StaffEvidence.NONE);
    return StaffMember.file(
        "s-2",
        "i-1",
        "tiedong",
        Category.SUBJECT,
        form,
        new StaffRoster(2, 1),
        person,
        HALF,
        "op",
        Instant.EPOCH);
  }

  @Test
  void everyBrokenRuleIsListedAndNothingIsFiled() {
    StaffMember.Filing filing = everythingWrong(new BackgroundCheck(false, true));
    assertEquals(
        List.of("STF-01", "STF-02", "STF-03", "STF-04", "STF-06"), rules(filing.violations()));
    ProblemException refused = assertThrows(ProblemException.class, filing::member);
    assertEquals(filing.violations(), refused.problem().violations());
  }

  @Test
  void aPersonAlreadyActiveHereIsAConflictBeforeAnyRule() {
    ProblemException refused =
        assertThrows(
            ProblemException.class, () -> everythingWrong(new BackgroundCheck(true, true)));
    assertEquals(409, refused.problem().status());
    assertTrue(refused.problem().type().endsWith("/staff-already-filed"));
  }

  @Test
  void stf05ClassStaffingTakesThePreSchoolShareAndSparesOnlineClasses() {
    ClassStaffing staffing = new ClassStaffing(new BigDecimal("0.02"), new BigDecimal("0.06"));
    StaffRoster twoTeachers = new StaffRoster(2, 2);
    assertTrue(
        staffing.check(Mode.OFFLINE, 50, Set.of(StudentStage.PRIMARY), twoTeachers).isEmpty());
    assertEquals(
        List.of("STF-05"),
        rules(staffing.check(Mode.OFFLINE, 50, Set.of(StudentStage.PRESCHOOL), twoTeachers)));
    assertTrue(
        staffing.check(Mode.ONLINE, 500, Set.of(StudentStage.PRESCHOOL), twoTeachers).isEmpty());
  }

  @Test
  void stf05FullTimeTeachersPerClassAreAtLeastTheShareOfStudents() {
    BigDecimal schoolAge = new BigDecimal("0.02");
    assertTrue(StaffRules.checkClass(1, 50, schoolAge).isEmpty());
    assertEquals(List.of("STF-05"), rules(StaffRules.checkClass(1, 51, schoolAge)));
    assertTrue(StaffRules.checkClass(2, 51, schoolAge).isEmpty());
    assertEquals(List.of("STF-05"), rules(StaffRules.checkClass(0, 1, schoolAge)));
    BigDecimal preSchool = new BigDecimal("0.06");
    assertTrue(StaffRules.checkClass(1, 16, preSchool).isEmpty());
    List<RuleViolation> refused = StaffRules.checkClass(1, 17, preSchool);
    assertEquals(List.of("STF-05"), rules(refused));
    assertTrue(refused.get(0).detail().contains("at least 2"), refused.get(0).detail());
  }

  @Test
  void nationalIdNumbersCarryACorrectCheckCharacter() {
    assertTrue(NationalIdNumbers.isWellFormed("11010519491231002X"));
    assertTrue(NationalIdNumbers.isWellFormed("11010519491231002x"));
    assertTrue(NationalIdNumbers.isWellFormed("440524188001010014"));
    assertFalse(NationalIdNumbers.isWellFormed("440524188001010015"));
    assertFalse(NationalIdNumbers.isWellFormed("110105194912310021"));
    assertFalse(NationalIdNumbers.isWellFormed("4405241880010100"));
    assertFalse(NationalIdNumbers.isWellFormed(null));
  }

  @Test
  void idHashIsKeyedStableAndIgnoresTheCaseOfTheCheckLetter() {
    NationalIdHasher hasher = new NationalIdHasher("key-a");
    String hash = hasher.hash("21030219900101123X");
    assertEquals(hash, hasher.hash("21030219900101123x"));
    assertEquals(64, hash.length());
    assertFalse(hash.contains("21030219900101123"));
    assertNotEquals(hash, new NationalIdHasher("key-b").hash("21030219900101123X"));
    assertNotEquals(hash, hasher.hash("210302199001011231"));
  }
}
