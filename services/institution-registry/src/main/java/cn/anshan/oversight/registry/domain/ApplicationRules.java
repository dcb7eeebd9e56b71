package cn.anshan.oversight.registry.domain;

import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules an application must meet before a regulator may approve it. Every broken rule is
 * reported, not just the first, so the applicant can fix them all at once.
 */
public final class ApplicationRules {
  private ApplicationRules() {}

  public static List<RuleViolation> check(ApplicationForm form, ApplicationStandard standard) {
    List<RuleViolation> violations = new ArrayList<>();
    checkNewApprovalsAllowed(form, violations);
    checkStartUpCapital(form.startUpCapital(), standard.minStartUpCapitalYuan(), violations);
    return standing(form, standard.premises(), violations);
  }

  /**
   * The same rules again when the application is decided, because configuration may have changed;
   * an application filed before REG-08 was checked (no capital recorded) is not refused for lacking
   * it, since its applicant cannot amend an open application.
   */
  public static List<RuleViolation> recheck(ApplicationForm form, ApplicationStandard standard) {
    List<RuleViolation> violations = new ArrayList<>();
    checkNewApprovalsAllowed(form, violations);
    if (form.startUpCapital() != null) {
      checkStartUpCapital(form.startUpCapital(), standard.minStartUpCapitalYuan(), violations);
    }
    return standing(form, standard.premises(), violations);
  }

  /** REG-08: a new institution declares its start-up capital, at least the configured minimum. */
  private static void checkStartUpCapital(
      StartUpCapital capital, long minimumYuan, List<RuleViolation> out) {
    if (capital == null) {
      out.add(
          new RuleViolation(
              "REG-08",
              "a new institution declares its start-up capital (at least %d yuan) with its evidence"
                  .formatted(minimumYuan)));
    } else if (capital.yuan() < minimumYuan) {
      out.add(
          new RuleViolation(
              "REG-08",
              "start-up capital must be at least %d yuan; the application declares %d"
                  .formatted(minimumYuan, capital.yuan())));
    }
  }

  /**
   * An institution approved before the platform existed: REG-04 forbids only <em>new</em>
   * subject-type approvals, and requires existing subject-type institutions to be re-registered as
   * non-profit 民非 — so the legal form is checked, the new-approval ban is not.
   */
  public static List<RuleViolation> checkExisting(ApplicationForm form, PremisesStandard premises) {
    List<RuleViolation> violations = new ArrayList<>();
    if (form.category() == Category.SUBJECT && form.legalForm() != LegalForm.MINFEI) {
      violations.add(
          new RuleViolation(
              "REG-04", "an existing subject-type institution must be re-registered as a 民非"));
    }
    return standing(form, premises, violations);
  }

  private static List<RuleViolation> standing(
      ApplicationForm form, PremisesStandard premises, List<RuleViolation> violations) {
    checkLegalForm(form, violations);
    checkSubCategory(form, violations);
    if (form.mode() == Mode.OFFLINE) {
      checkPremises(form, premises, violations);
    }
    return violations;
  }

  /** REG-04: no new subject-type institutions, and none at all for pre-school children. */
  private static void checkNewApprovalsAllowed(ApplicationForm form, List<RuleViolation> out) {
    if (form.category() == Category.SUBJECT) {
      boolean compulsory = form.studentStages().stream().anyMatch(StudentStage::isCompulsory);
      out.add(
          new RuleViolation(
              "REG-04",
              compulsory
                  ? "no new subject-type institutions are approved for compulsory-education students"
                  : "no new subject-type institutions are approved"));
    }
    if (form.studentStages().contains(StudentStage.PRESCHOOL)) {
      out.add(
          new RuleViolation("REG-04", "no new institutions are approved for pre-school children"));
    }
  }

  /**
   * REG-04/REG-12: a subject-type institution must be a non-profit 民非. REG-07: a non-subject one
   * needs a business licence, a 民非 or a public-institution certificate, which every legal form here
   * is.
   */
  private static void checkLegalForm(ApplicationForm form, List<RuleViolation> out) {
    if (form.category() == Category.SUBJECT && form.legalForm() != LegalForm.MINFEI) {
      out.add(
          new RuleViolation(
              "REG-06", "a subject-type institution must be registered as a non-profit 民非"));
    }
  }

  /**
   * §11 row 1: online institutions are approved, and so supervised (REG-09), at province level
   * (REG-12: online training is licensed by the provincial education department), so an online
   * application is filed with the province's authority; offline ones stay local (REG-08).
   */
  public static List<RuleViolation> checkApprovalLevel(
      ApplicationForm form, String provinceAuthority) {
    if (form.mode() == Mode.ONLINE && !provinceAuthority.equals(form.district())) {
      return List.of(
          new RuleViolation(
              "REG-12",
              "an online institution is approved at province level: file it with district %s, not %s"
                  .formatted(provinceAuthority, form.district())));
    }
    if (form.mode() == Mode.OFFLINE && provinceAuthority.equals(form.district())) {
      return List.of(
          new RuleViolation(
              "REG-08",
              "an offline institution is approved locally by the district of its premises, not by"
                  + " the province"));
    }
    return List.of();
  }

  /**
   * REG-08: registration is local, so a regulator takes onto the register only premises of their
   * own district ({@code regulatorDistrict}); 403 naming the rule otherwise.
   */
  public static void requireRegistrableBy(ApplicationForm form, String regulatorDistrict) {
    if (regulatorDistrict == null || !regulatorDistrict.equals(form.district())) {
      throw notThisDistrict(
          new RuleViolation(
              "REG-08",
              "registration is local: the premises are in district "
                  + form.district()
                  + ", the regulator's district is "
                  + regulatorDistrict));
    }
  }

  /**
   * §11 row 1: a form filed at the wrong level (REG-12 online at the province, REG-08 offline
   * locally) is refused with its other broken rules ({@code rules}) listed too.
   */
  static void requireFiledAtItsLevel(
      ApplicationForm form, String provinceAuthority, List<RuleViolation> rules) {
    List<RuleViolation> all = new ArrayList<>(checkApprovalLevel(form, provinceAuthority));
    all.addAll(rules);
    ProblemException.requireNone(all);
  }

  /** REG-08: only a regulator of the premises' district decides the application (403 else). */
  static void requireDecidableBy(ApplicationForm form, String regulatorDistrict) {
    localApprovalViolation(form, regulatorDistrict)
        .ifPresent(
            v -> {
              throw notThisDistrict(v);
            });
  }

  /**
   * REG-08: approval is local, so only a regulator of the premises' district decides. Returns the
   * violation if {@code regulatorDistrict} is another one.
   */
  static Optional<RuleViolation> localApprovalViolation(
      ApplicationForm form, String regulatorDistrict) {
    if (form.district().equals(regulatorDistrict)) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleViolation(
            "REG-08",
            "approval is local: the application is in district %s, the regulator's district is %s"
                .formatted(form.district(), regulatorDistrict)));
  }

  /**
   * REG-08 / REG-02: where non-subject institutions are approved jointly, approval waits for the
   * sector department of the institution's sub-category to concur ({@code review}).
   */
  static void requireSectorConcurrence(
      ApplicationForm form, ApplicationStandard standard, SectorReview review) {
    boolean awaited =
        standard.nonSubjectApproval() == NonSubjectApproval.JOINT
            && form.category() == Category.NON_SUBJECT
            && (review == null || !review.concurred());
    if (awaited) {
      throw ProblemException.rules(
          List.of(
              new RuleViolation(
                  "REG-08",
                  "non-subject institutions are approved jointly with the sector department (REG-02):"
                      + " the "
                      + form.subCategory()
                      + " department of "
                      + form.district()
                      + (review == null ? " has not given its opinion" : " dissented"))));
    }
  }

  /** REG-08: a regulator of another district is refused (403), naming the rule. */
  static ProblemException notThisDistrict(RuleViolation violation) {
    return new ProblemException(
        Problem.ofRules(403, "Not this regulator's district", List.of(violation)));
  }

  /** REG-02: non-subject institutions belong to a sector; subject ones have none. */
  private static void checkSubCategory(ApplicationForm form, List<RuleViolation> out) {
    if (form.category() == Category.NON_SUBJECT && form.subCategory() == null) {
      out.add(
          new RuleViolation(
              "REG-02",
              "a non-subject institution must name its sub-category (SPORTS, CULTURE_ART or"
                  + " SCIENCE_TECH)"));
    }
    if (form.category() == Category.SUBJECT && form.subCategory() != null) {
      out.add(new RuleViolation("REG-02", "a subject-type institution has no sub-category"));
    }
  }

  /** REG-10: area per student in one time slot, and the minimum building area. */
  private static void checkPremises(
      ApplicationForm form, PremisesStandard standard, List<RuleViolation> out) {
    BigDecimal needed =
        standard.minSqmPerStudent().multiply(BigDecimal.valueOf(form.maxStudentsPerSlot()));
    if (form.premisesAreaSqm().compareTo(needed) < 0) {
      out.add(
          new RuleViolation(
              "REG-10",
              "%s students need at least %s m² (%s m² per student); the premises have %s m²"
                  .formatted(
                      form.maxStudentsPerSlot(),
                      needed.stripTrailingZeros().toPlainString(),
                      standard.minSqmPerStudent().stripTrailingZeros().toPlainString(),
                      form.premisesAreaSqm().stripTrailingZeros().toPlainString())));
    }
    if (form.premisesAreaSqm().compareTo(standard.minAreaSqm()) < 0) {
      out.add(
          new RuleViolation(
              "REG-10",
              "the premises must have at least %s m²; they have %s m²"
                  .formatted(
                      standard.minAreaSqm().stripTrailingZeros().toPlainString(),
                      form.premisesAreaSqm().stripTrailingZeros().toPlainString())));
    }
  }
}
