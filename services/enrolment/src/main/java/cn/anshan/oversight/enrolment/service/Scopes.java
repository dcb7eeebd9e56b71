package cn.anshan.oversight.enrolment.service;

import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;

/** Object-level visibility of DESIGN §4 for things that belong to a school and a district. */
public final class Scopes {
  private Scopes() {}

  /**
   * Auditors see all, regulators their district, school admins their school, parents only what
   * {@code guardianSub} names as theirs.
   */
  public static boolean sees(Actor actor, String guardianSub, String schoolId, String district) {
    return switch (actor.role()) {
      case Roles.AUDITOR -> true;
      case Roles.REGULATOR -> actor.inDistrict(district);
      case Roles.SCHOOL_ADMIN -> schoolId != null && schoolId.equals(actor.schoolId());
      case Roles.PARENT -> guardianSub != null && guardianSub.equals(actor.subject());
      default -> false;
    };
  }

  /** The school of a school admin; 403 when the token carries no school_id claim. */
  public static String school(Actor actor) {
    if (actor.schoolId() == null || actor.schoolId().isBlank()) {
      throw ProblemException.forbidden("the token carries no school_id claim");
    }
    return actor.schoolId();
  }

  /** The district of a regulator or school admin; 403 when the token carries none. */
  public static String district(Actor actor) {
    if (actor.district() == null || actor.district().isBlank()) {
      throw ProblemException.forbidden("the token carries no district claim");
    }
    return actor.district();
  }
}
