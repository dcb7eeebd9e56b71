package cn.anshan.oversight.registry.domain.premises;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.StudentStage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** REG-08 and REG-10 checks of a filed site; every broken rule is listed. */
public final class PremisesRules {
  private PremisesRules() {}

  public static List<RuleViolation> check(
      PremisesForm form,
      String institutionDistrict,
      Set<StudentStage> stages,
      LocalDate today,
      PremisesLimits limits) {
    List<RuleViolation> violations = new ArrayList<>();
    if (!form.district().equals(institutionDistrict)) {
      violations.add(
          new RuleViolation(
              "REG-08",
              "the site is in "
                  + form.district()
                  + " but the institution was approved in "
                  + institutionDistrict
                  + "; approval is local"));
    }
    checkBuilding(form, stages, limits, violations);
    checkClassrooms(form, limits, violations);
    checkLease(form, today, limits, violations);
    return violations;
  }

  /** REG-10: the building, the floor for the ages taught, and the premises' area. */
  private static void checkBuilding(
      PremisesForm form,
      Set<StudentStage> stages,
      PremisesLimits limits,
      List<RuleViolation> violations) {
    if (form.buildingType() == BuildingType.RESIDENTIAL) {
      violations.add(new RuleViolation("REG-10", "no training in residential flats"));
    }
    if (form.floorLevel() < 1) {
      violations.add(
          new RuleViolation(
              "REG-10", "no training in basements (floor " + form.floorLevel() + ")"));
    }
    if (teachesYoungChildren(stages) && form.floorLevel() > limits.youngChildrenMaxFloor()) {
      violations.add(
          new RuleViolation(
              "REG-10",
              "children aged 12 or under may not be taught above floor "
                  + limits.youngChildrenMaxFloor()
                  + " (site is on floor "
                  + form.floorLevel()
                  + ")"));
    }
    if (form.areaSqm().compareTo(limits.minAreaSqm()) < 0) {
      violations.add(
          new RuleViolation(
              "REG-10",
              "premises area "
                  + form.areaSqm().toPlainString()
                  + " m² is below the minimum "
                  + limits.minAreaSqm().toPlainString()
                  + " m²"));
    }
  }

  /** REG-10: each classroom's area per student, and all of them within the premises. */
  private static void checkClassrooms(
      PremisesForm form, PremisesLimits limits, List<RuleViolation> violations) {
    BigDecimal classroomsArea = BigDecimal.ZERO;
    for (Classroom room : form.classrooms()) {
      classroomsArea = classroomsArea.add(room.areaSqm());
      BigDecimal needed =
          limits.minSqmPerStudent().multiply(BigDecimal.valueOf(room.maxStudents()));
      if (needed.compareTo(room.areaSqm()) > 0) {
        violations.add(
            new RuleViolation(
                "REG-10",
                "classroom '"
                    + room.name()
                    + "' of "
                    + room.areaSqm().toPlainString()
                    + " m² holds at most "
                    + maxStudents(room.areaSqm(), limits)
                    + " students at "
                    + limits.minSqmPerStudent().toPlainString()
                    + " m² each, not "
                    + room.maxStudents()));
      }
    }
    if (classroomsArea.compareTo(form.areaSqm()) > 0) {
      violations.add(
          new RuleViolation(
              "REG-10",
              "classrooms total "
                  + classroomsArea.toPlainString()
                  + " m², more than the premises' "
                  + form.areaSqm().toPlainString()
                  + " m²"));
    }
  }

  /** REG-10: the lease runs long enough from today. */
  private static void checkLease(
      PremisesForm form, LocalDate today, PremisesLimits limits, List<RuleViolation> violations) {
    LocalDate leaseNeeded = today.plusMonths(limits.minLeaseMonths());
    if (form.leaseEnd().isBefore(leaseNeeded)) {
      violations.add(
          new RuleViolation(
              "REG-10",
              "the lease must run at least "
                  + limits.minLeaseMonths()
                  + " months, until "
                  + leaseNeeded
                  + " or later (ends "
                  + form.leaseEnd()
                  + ")"));
    }
  }

  /** REG-10: students one room holds in one time slot, area ÷ m² per student, rounded down. */
  public static int maxStudents(BigDecimal areaSqm, PremisesLimits limits) {
    return areaSqm.divideToIntegralValue(limits.minSqmPerStudent()).intValue();
  }

  private static boolean teachesYoungChildren(Set<StudentStage> stages) {
    return stages.contains(StudentStage.PRESCHOOL) || stages.contains(StudentStage.PRIMARY);
  }
}
