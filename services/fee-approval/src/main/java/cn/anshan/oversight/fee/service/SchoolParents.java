package cn.anshan.oversight.fee.service;

import cn.anshan.oversight.fee.domain.FeeRules;
import cn.anshan.oversight.fee.domain.RegisteredChild;
import cn.anshan.oversight.fee.repository.RegisteredChildRepository;
import cn.anshan.oversight.kit.db.LearnedFacts;
import cn.anshan.oversight.kit.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The parents of each school, as enrolment knows them (ChildRegistered): a parent committee is made
 * of the school's own parents (LN-ASV-06), so the school cannot seat anyone else on it.
 */
@ApplicationScoped
public class SchoolParents {
  private final RegisteredChildRepository children;

  public SchoolParents(RegisteredChildRepository children) {
    this.children = children;
  }

  /** ChildRegistered: learnt once (the Inbox already dedupes the event; this dedupes the child). */
  public Uni<Void> childRegistered(RegisteredChild child) {
    return LearnedFacts.learnOnce(children, child.childId(), child);
  }

  /** Whether {@code subject} registered a child at {@code schoolId}. */
  public Uni<Boolean> isParentAt(String schoolId, String subject) {
    return children.guardsAChildAt(schoolId, subject);
  }

  /** A 422 naming LN-ASV-06 unless {@code subject} registered a child at {@code schoolId}. */
  public Uni<Void> requireParentAt(String schoolId, String subject) {
    return isParentAt(schoolId, subject)
        .invoke(
            parent -> {
              if (!parent) {
                throw ProblemException.rule(
                    FeeRules.PROCESS,
                    "家长自愿: "
                        + subject
                        + " has no child registered at school "
                        + schoolId
                        + " (enrolment), so cannot represent its parent committee; a child"
                        + " registered a moment ago may take a moment to reach fee-approval");
              }
            })
        .replaceWithVoid();
  }
}
