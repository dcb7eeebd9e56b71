package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.domain.order.LessonEvidence;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import java.util.List;
import java.util.UUID;

/**
 * REL-04: the order's child is not among those the institution reported attending the session.
 * Refused like any broken rule (nothing of the request is stored); the attempt itself is then
 * recorded as a risk signal in a transaction of its own ({@link
 * RiskService#consumptionWithoutAttendance}).
 */
public final class AttendanceMissing extends ProblemException {
  private final String institutionId;
  private final String district;
  private final UUID orderId;
  private final UUID sessionId;

  AttendanceMissing(Order order, UUID sessionId) {
    super(
        Problem.ofRules(
            List.of(
                new RuleViolation(
                    LessonEvidence.HELD,
                    "the order's child did not attend session "
                        + sessionId
                        + " as the institution reported it: no lesson to consume"))));
    this.institutionId = order.institutionId();
    this.district = order.district();
    this.orderId = order.id();
    this.sessionId = sessionId;
  }

  public String institutionId() {
    return institutionId;
  }

  public String district() {
    return district;
  }

  public UUID orderId() {
    return orderId;
  }

  public UUID sessionId() {
    return sessionId;
  }
}
