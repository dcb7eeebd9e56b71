package cn.anshan.oversight.registry.service;

import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.registry.domain.Institution;

/**
 * Who sees an institution: DESIGN §4's scope (operator, district regulator, auditor) and, for a
 * non-subject institution, the sector department of its sector and district that co-supervises it
 * (REG-02, PLT-05). Anyone else is answered as if it did not exist.
 */
public final class InstitutionScope {
  private InstitutionScope() {}

  public static Institution visible(Actor actor, Institution institution, String institutionId) {
    boolean visible =
        institution != null
            && (actor.oversees(institutionId, institution.district())
                || coSupervises(actor, institution));
    if (!visible) {
      throw ProblemException.notFound("institution " + institutionId);
    }
    return institution;
  }

  /** REG-02: the acting sector department co-supervises this non-subject institution. */
  public static boolean coSupervises(Actor actor, Institution institution) {
    return actor.coSupervises(institution.sector(), institution.district());
  }
}
