package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.escrow.domain.entitlement.FiledCourse;
import cn.anshan.oversight.escrow.domain.entitlement.InstitutionStanding;
import cn.anshan.oversight.escrow.domain.supervision.Supervision;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionMode;
import cn.anshan.oversight.kit.problem.ProblemException;

/** Whether a course may be sold and collected for now, and where its prepayment goes. */
public final class SaleRules {
  /** §11 row 3 / LST-01: only a white-listed, operational institution may sell and collect. */
  public static final String ENTITLEMENT_RULE = "LST-01";

  /** PRE-05: prepayments go only into the institution's own dedicated (supervised) account. */
  public static final String DEDICATED_ACCOUNT_RULE = "PRE-05";

  /** CON-05 / §11 row 8: the contract's supervision mode matches the institution's setup. */
  public static final String CONTRACT_MODE_RULE = "CON-05";

  private SaleRules() {}

  /** LST-01: whether the institution may sell and collect; a standing not yet reported may not. */
  public static boolean mayCollect(InstitutionStanding standing) {
    return standing != null && standing.entitled();
  }

  /** The filed course, unless the registry took it off sale. */
  public static FiledCourse requireOnSale(FiledCourse course) {
    course
        .whyNotOnSale()
        .ifPresent(
            stop -> {
              throw ProblemException.rule(
                  stop.rule(), "course " + course.courseId() + " is not on sale: " + stop.detail());
            });
    return course;
  }

  /** LST-01: the institution's standing, if it may sell; {@code null} is a standing unknown. */
  public static InstitutionStanding requireEntitled(
      FiledCourse course, InstitutionStanding standing) {
    if (!mayCollect(standing)) {
      throw ProblemException.rule(
          ENTITLEMENT_RULE,
          "institution "
              + course.institutionId()
              + " may not sell or collect: it is not white-listed and operational (list status "
              + (standing == null ? "unknown" : standing.listStatus())
              + ")");
    }
    return standing;
  }

  /**
   * LST-01 for money already taken: while the institution may not collect, it neither asks for
   * lessons nor is paid for them (a 409 that changes nothing until its standing is restored).
   */
  public static void requireMayCollect(Order order, InstitutionStanding standing, String what) {
    if (!mayCollect(standing)) {
      throw ProblemException.rule(
          409,
          ENTITLEMENT_RULE,
          "institution "
              + order.institutionId()
              + " may not collect now (not white-listed and operational): "
              + what
              + " stop until it may again");
    }
  }

  /** PRE-05 and CON-05: the institution's supervised account, in the mode the contract ticks. */
  public static Supervision requireSupervisedAs(
      SupervisionMode contracted, FiledCourse course, Supervision supervision) {
    if (supervision == null) {
      throw ProblemException.rule(
          DEDICATED_ACCOUNT_RULE,
          "institution "
              + course.institutionId()
              + " has no supervised account to take prepayments into");
    }
    if (supervision.mode() != contracted) {
      throw ProblemException.rule(
          CONTRACT_MODE_RULE,
          "the contract ticks "
              + contracted
              + " but the institution is supervised by "
              + supervision.mode());
    }
    return supervision;
  }
}
