package cn.anshan.oversight.registry.domain.staff;

import cn.anshan.oversight.kit.problem.RuleViolation;
import cn.anshan.oversight.registry.domain.Category;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a staff filing and a departure must meet (DOMAIN.md §4). Every broken rule is reported,
 * not just the first.
 *
 * <p>STF-04 is kept as an invariant of the roster: a change that lowers the share of full-time
 * teaching staff (filing anyone who is not a full-time teacher, or the departure of a full-time
 * teacher) is refused when the roster after it would be below the minimum. Changes that raise the
 * share (filing a full-time teacher, the departure of anyone else) are never refused by STF-04, so
 * an institution that is below the minimum, e.g. after the minimum was raised, can always recover.
 * An institution replacing a full-time teacher files the successor first.
 */
public final class StaffRules {
  private StaffRules() {}

  public static List<RuleViolation> checkFiling(
      StaffForm form,
      Category institutionCategory,
      StaffRoster roster,
      boolean blacklisted,
      BigDecimal fullTimeRatioMin) {
    List<RuleViolation> violations = new ArrayList<>();
    checkQualification(form, institutionCategory, violations);
    if (form.inServiceTeacher()) {
      violations.add(
          new RuleViolation(
              "STF-02",
              "in-service teachers of primary schools, secondary schools or kindergartens may not"
                  + " be employed"));
    }
    if (!form.writtenLabourContract()) {
      violations.add(new RuleViolation("STF-03", "a written labour contract is required"));
    }
    if (!form.isFullTimeTeaching()) {
      checkRatio(roster.joining(false), fullTimeRatioMin, "filing this person", violations);
    }
    if (blacklisted) {
      violations.add(new RuleViolation("STF-06", "the person is on the staff blacklist (从业人员黑名单)"));
    }
    return violations;
  }

  public static List<RuleViolation> checkDeparture(
      StaffMember leaving, StaffRoster roster, BigDecimal fullTimeRatioMin) {
    List<RuleViolation> violations = new ArrayList<>();
    if (leaving.isFullTimeTeaching()) {
      checkRatio(
          roster.leaving(true),
          fullTimeRatioMin,
          "this full-time teacher leaving (file the successor first)",
          violations);
    }
    return violations;
  }

  /**
   * STF-05: full-time teaching staff of an offline class for school-age students ≥ 2 % of its
   * students, for pre-school children ≥ 6 % (the minimum is configured and passed in). For course
   * filing.
   */
  public static List<RuleViolation> checkClass(
      int fullTimeTeachers, int students, BigDecimal perClassRatioMin) {
    BigDecimal needed =
        perClassRatioMin.multiply(BigDecimal.valueOf(students)).setScale(0, RoundingMode.CEILING);
    if (BigDecimal.valueOf(fullTimeTeachers).compareTo(needed) >= 0) {
      return List.of();
    }
    return List.of(
        new RuleViolation(
            "STF-05",
            "a class of %d needs at least %s full-time teaching staff (%s %% of the students); it has %d"
                .formatted(
                    students,
                    needed.toPlainString(),
                    percent(perClassRatioMin),
                    fullTimeTeachers)));
  }

  /**
   * What a regulator's check found against what was filed: STF-01 when the declared certificate of
   * someone who needs one (teaching staff) or declared one is not confirmed, STF-02 when the person
   * is found to be an in-service teacher.
   */
  public static List<RuleViolation> checkVerification(
      StaffMember member, QualificationCheck check) {
    List<RuleViolation> breaches = new ArrayList<>();
    if (needsConfirmation(member) && !Boolean.TRUE.equals(check.qualificationConfirmed())) {
      breaches.add(
          new RuleViolation(
              "STF-01",
              member.qualificationType() == null
                  ? "teaching staff filed without a certificate; none was found"
                  : "the declared %s could not be confirmed for this person"
                      .formatted(member.qualificationType())));
    }
    if (check.inServiceTeacherFound()) {
      breaches.add(
          new RuleViolation(
              "STF-02",
              "the person is an in-service teacher of a primary school, secondary school or"
                  + " kindergarten, although the filing declared otherwise"));
    }
    return breaches;
  }

  /** A certificate is there to confirm when the post needs one or the operator declared one. */
  public static boolean needsConfirmation(StaffMember member) {
    return member.role() == StaffRole.TEACHING || member.qualificationType() != null;
  }

  /** STF-01: subject-type needs a teacher certificate; non-subject also accepts a PRO_CERT. */
  private static void checkQualification(
      StaffForm form, Category category, List<RuleViolation> out) {
    if (form.role() != StaffRole.TEACHING) {
      return;
    }
    QualificationType held = form.qualification() == null ? null : form.qualification().type();
    if (category == Category.SUBJECT && held != QualificationType.TEACHER_CERT) {
      out.add(
          new RuleViolation(
              "STF-01",
              "teaching staff of a subject-type institution need a teacher qualification"
                  + " certificate (TEACHER_CERT)"));
    } else if (category == Category.NON_SUBJECT && held == null) {
      out.add(
          new RuleViolation(
              "STF-01",
              "teaching staff of a non-subject institution need a teacher qualification or a"
                  + " professional competence certificate (TEACHER_CERT or PRO_CERT)"));
    }
  }

  private static void checkRatio(
      StaffRoster after, BigDecimal min, String change, List<RuleViolation> out) {
    if (!after.meetsFullTimeRatio(min)) {
      out.add(
          new RuleViolation(
              "STF-04",
              "full-time teaching staff must be at least %s %% of all staff; after %s they would be %d of %d"
                  .formatted(percent(min), change, after.fullTimeTeaching(), after.total())));
    }
  }

  private static String percent(BigDecimal ratio) {
    return ratio.movePointRight(2).stripTrailingZeros().toPlainString();
  }
}
