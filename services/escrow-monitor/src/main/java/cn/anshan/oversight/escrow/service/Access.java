package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.security.Roles;

/**
 * Object-level checks (DESIGN §4): parents see only their own family's orders, operators only their
 * institution, regulators their district, auditors everything; anything else is a 404.
 */
public final class Access {
  private Access() {}

  public static boolean sees(Actor actor, Order order) {
    return actor.role().equals(Roles.PARENT)
        ? order.familyId().equals(actor.subject())
        : actor.oversees(order.institutionId(), order.district());
  }

  public static Order visible(Actor actor, Order order, Object id) {
    if (order == null || !sees(actor, order)) {
      throw ProblemException.notFound("order " + id);
    }
    return order;
  }

  /** The parent who placed the order, or 404. */
  public static Order ownedBy(Actor parent, Order order, Object id) {
    if (order == null || !order.familyId().equals(parent.subject())) {
      throw ProblemException.notFound("order " + id);
    }
    return order;
  }

  /** An operator of the order's institution, or 404. */
  public static Order operatedBy(Actor operator, Order order, Object id) {
    if (order == null || !order.institutionId().equals(operator.institutionId())) {
      throw ProblemException.notFound("order " + id);
    }
    return order;
  }

  /**
   * Only a regulator of the order's district acts on its refunds and lessons; to anyone else {@code
   * what} is a 404, as if absent.
   */
  public static void inDistrict(Actor regulator, Order order, String what) {
    if (!regulator.inDistrict(order.district())) {
      throw ProblemException.notFound(what);
    }
  }

  public static OrderRepository.Scope scope(Actor actor) {
    return switch (actor.role()) {
      case Roles.AUDITOR -> new OrderRepository.Scope(null, null, null);
      case Roles.REGULATOR -> {
        if (actor.district() == null) {
          throw ProblemException.forbidden("the token carries no district claim");
        }
        yield new OrderRepository.Scope(null, null, actor.district());
      }
      case Roles.INSTITUTION_OPERATOR -> {
        if (actor.institutionId() == null) {
          throw ProblemException.forbidden("the token carries no institution_id claim");
        }
        yield new OrderRepository.Scope(null, actor.institutionId(), null);
      }
      default -> new OrderRepository.Scope(actor.subject(), null, null);
    };
  }
}
