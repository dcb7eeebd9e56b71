package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.domain.family.RegisteredChild;
import cn.anshan.oversight.escrow.repository.ChildRepository;
import cn.anshan.oversight.kit.db.LearnedFacts;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The children guardians linked in enrolment (PLT-08), learnt from ChildRegistered: an order names
 * one of the parent's own children by reference, so per-child audit works without a name or an ID
 * number ever reaching escrow.
 */
@ApplicationScoped
public class Children {
  /** PLT-08: a guardian links a child; an order is for one of the guardian's children. */
  public static final String CHILD_RULE = "PLT-08";

  private final ChildRepository children;

  public Children(ChildRepository children) {
    this.children = children;
  }

  /** ChildRegistered: the guardian's child, learnt once. */
  public Uni<Void> registered(RegisteredChild child) {
    return LearnedFacts.learnOnce(children, child.childId(), child);
  }

  /**
   * The parent's own child, or a 422 naming PLT-08: another family's child and a child enrolment
   * has not told escrow about look the same, so the answer reveals nothing about other families.
   */
  public Uni<RegisteredChild> ofGuardian(Actor parent, UUID childId) {
    return children
        .findById(childId)
        .map(
            child -> {
              if (child == null || !child.guardedBy(parent.subject())) {
                throw ProblemException.rule(
                    CHILD_RULE,
                    "child "
                        + childId
                        + " is not linked to you: link the child in enrolment first"
                        + " (POST /api/v1/children); it may take a moment to reach escrow");
              }
              return child;
            });
  }
}
