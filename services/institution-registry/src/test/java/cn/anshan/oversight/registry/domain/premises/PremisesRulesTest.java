package cn.anshan.oversight.registry.domain.premises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.StudentStage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** REG-08/REG-10 boundaries of a filed site, allowed and refused side by side. */
class PremisesRulesTest {
  static final LocalDate TODAY = LocalDate.parse("2026-01-01");
  static final PremisesLimits LIMITS =
      new PremisesLimits(new BigDecimal("3"), new BigDecimal("100"), 3, 12);
  static final Set<StudentStage> PRIMARY = Set.of(StudentStage.PRIMARY);

  static Classroom room(String area, int maxStudents) {
    return new Classroom(null, "Room " + area, new BigDecimal(area), maxStudents);
  }

  static PremisesForm site(
      int floor, BuildingType type, String area, LocalDate leaseEnd, Classroom... rooms) {
    return new PremisesForm(
        "18 Nanhua Street", "tiedong", floor, type, new BigDecimal(area), leaseEnd, List.of(rooms));
  }

  static PremisesForm ok(Classroom... rooms) {
    return site(1, BuildingType.COMMERCIAL, "150", LocalDate.parse("2027-01-01"), rooms);
  }

  static List<RuleViolation> check(PremisesForm form, Set<StudentStage> stages) {
    return PremisesRules.check(form, "tiedong", stages, TODAY, LIMITS);
  }

  @Test
  void reg10ThreeSqmPerStudentExactlyHoldsAndOneMoreIsRefused() {
    assertEquals(List.of(), check(ok(room("60", 20)), PRIMARY));
    List<RuleViolation> over = check(ok(room("60", 21)), PRIMARY);
    assertEquals(1, over.size());
    assertEquals("REG-10", over.get(0).rule());
    assertTrue(over.get(0).detail().contains("at most 20"), over.get(0).detail());
  }

  @Test
  void reg10JustUnderSixtySqmHoldsNineteenNotTwenty() {
    assertEquals(List.of(), check(ok(room("59.99", 19)), PRIMARY));
    List<RuleViolation> over = check(ok(room("59.99", 20)), PRIMARY);
    assertEquals(List.of("REG-10"), over.stream().map(RuleViolation::rule).toList());
    assertEquals(19, PremisesRules.maxStudents(new BigDecimal("59.99"), LIMITS));
    assertEquals(20, PremisesRules.maxStudents(new BigDecimal("60"), LIMITS));
  }

  @Test
  void reg10PrimaryPupilsOnFloorThreeButNotFour() {
    LocalDate lease = LocalDate.parse("2027-01-01");
    assertEquals(
        List.of(), check(site(3, BuildingType.COMMERCIAL, "150", lease, room("60", 20)), PRIMARY));
    List<RuleViolation> high =
        check(site(4, BuildingType.COMMERCIAL, "150", lease, room("60", 20)), PRIMARY);
    assertEquals(1, high.size());
    assertTrue(high.get(0).detail().contains("12 or under"), high.get(0).detail());
    assertEquals(
        1,
        check(
                site(4, BuildingType.COMMERCIAL, "150", lease, room("60", 20)),
                Set.of(StudentStage.PRESCHOOL))
            .size());
  }

  @Test
  void reg10FloorFourIsAllowedWhenNoYoungChildrenAreTaught() {
    assertEquals(
        List.of(),
        check(
            site(4, BuildingType.COMMERCIAL, "150", LocalDate.parse("2027-01-01"), room("60", 20)),
            Set.of(StudentStage.JUNIOR_SECONDARY, StudentStage.SENIOR_SECONDARY)));
  }

  @Test
  void reg10BasementIsRefusedGroundFloorAllowed() {
    Set<StudentStage> older = Set.of(StudentStage.SENIOR_SECONDARY);
    LocalDate lease = LocalDate.parse("2027-01-01");
    assertEquals(
        List.of(), check(site(1, BuildingType.COMMERCIAL, "150", lease, room("60", 20)), older));
    List<RuleViolation> basement =
        check(site(-1, BuildingType.COMMERCIAL, "150", lease, room("60", 20)), older);
    assertEquals(1, basement.size());
    assertTrue(basement.get(0).detail().contains("basement"), basement.get(0).detail());
  }

  @Test
  void reg10ResidentialFlatIsRefusedOtherBuildingsAllowed() {
    LocalDate lease = LocalDate.parse("2027-01-01");
    assertEquals(
        List.of(), check(site(2, BuildingType.OTHER, "150", lease, room("60", 20)), PRIMARY));
    List<RuleViolation> flat =
        check(site(2, BuildingType.RESIDENTIAL, "150", lease, room("60", 20)), PRIMARY);
    assertEquals(1, flat.size());
    assertTrue(flat.get(0).detail().contains("residential"), flat.get(0).detail());
  }

  @Test
  void reg10LeaseOfTwelveMonthsHoldsElevenMonthsThirtyDaysIsRefused() {
    assertEquals(
        List.of(),
        check(
            site(1, BuildingType.COMMERCIAL, "150", LocalDate.parse("2027-01-01"), room("60", 20)),
            PRIMARY));
    List<RuleViolation> short_ =
        check(
            site(1, BuildingType.COMMERCIAL, "150", LocalDate.parse("2026-12-31"), room("60", 20)),
            PRIMARY);
    assertEquals(1, short_.size());
    assertTrue(short_.get(0).detail().contains("12 months"), short_.get(0).detail());
  }

  @Test
  void reg10ClassroomsMayFillButNotExceedThePremises() {
    LocalDate lease = LocalDate.parse("2027-01-01");
    assertEquals(
        List.of(),
        check(
            site(1, BuildingType.COMMERCIAL, "100", lease, room("60", 20), room("40", 13)),
            PRIMARY));
    List<RuleViolation> over =
        check(
            site(1, BuildingType.COMMERCIAL, "100", lease, room("60", 20), room("40.01", 13)),
            PRIMARY);
    assertEquals(1, over.size());
    assertTrue(over.get(0).detail().contains("classrooms total"), over.get(0).detail());
  }

  @Test
  void reg10MinimumAreaHoldsAtTheMinimumAndIsRefusedJustBelow() {
    LocalDate lease = LocalDate.parse("2027-01-01");
    assertEquals(
        List.of(), check(site(1, BuildingType.COMMERCIAL, "100", lease, room("60", 20)), PRIMARY));
    List<RuleViolation> small =
        check(site(1, BuildingType.COMMERCIAL, "99.99", lease, room("60", 20)), PRIMARY);
    assertEquals(1, small.size());
    assertTrue(small.get(0).detail().contains("below the minimum"), small.get(0).detail());
  }

  @Test
  void reg08SiteOutsideTheApprovingDistrictIsRefused() {
    PremisesForm lishan =
        new PremisesForm(
            "1 Lishan Road",
            "lishan",
            1,
            BuildingType.COMMERCIAL,
            new BigDecimal("150"),
            LocalDate.parse("2027-01-01"),
            List.of(room("60", 20)));
    assertEquals(
        List.of("REG-08"), check(lishan, PRIMARY).stream().map(RuleViolation::rule).toList());
  }

  @Test
  void everyBrokenRuleIsListed() {
    List<RuleViolation> all =
        check(
            site(-1, BuildingType.RESIDENTIAL, "50", LocalDate.parse("2026-06-30"), room("60", 21)),
            PRIMARY);
    // residential, basement, area, classroom capacity, classrooms over area, lease
    assertEquals(6, all.size(), all.toString());
    assertTrue(all.stream().allMatch(v -> v.rule().equals("REG-10")));
  }
}
