package cn.anshan.oversight.escrow.domain.order;

import cn.anshan.oversight.escrow.domain.entitlement.HeldSession;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.problem.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * 一课一消 on evidence (REL-04, REL-02): the lesson asked for must be a session of the order's course
 * that the registry reports held, that is over, inside the order's period. Whether the child
 * attended is checked apart, because a miss is also a risk signal. Plain Java.
 */
public final class LessonEvidence {
  /** REL-04: one lesson for one session that took place. */
  public static final String HELD = "REL-04";

  /** REL-02: only a lesson held within the order's period, not in the future. */
  public static final String IN_PERIOD = "REL-02";

  private LessonEvidence() {}

  /** Why {@code session} cannot be consumed for {@code order}, if it cannot. */
  private static Optional<RuleViolation> check(Order order, HeldSession session, Instant now) {
    if (session == null || !session.courseId().equals(order.courseId())) {
      return Optional.of(
          new RuleViolation(HELD, "not a session the registry scheduled for this order's course"));
    }
    if (!session.isHeld()) {
      return Optional.of(
          new RuleViolation(
              HELD,
              "session "
                  + session.sessionId()
                  + " was not reported held: report it at the registry first"));
    }
    LocalDate day = session.localStart().toLocalDate();
    if (!session.isOver(now)
        || day.isBefore(order.periodStart())
        || day.isAfter(order.periodEnd())) {
      return Optional.of(
          new RuleViolation(
              IN_PERIOD,
              "session of "
                  + session.localStart()
                  + " cannot be consumed: it must be over and lie in the order's period "
                  + order.periodStart()
                  + ".."
                  + order.periodEnd()));
    }
    return Optional.empty();
  }

  /** REL-04 / REL-02: refused unless {@code session} can be consumed for {@code order}. */
  public static void require(Order order, HeldSession session, Instant now) {
    check(order, session, now)
        .ifPresent(
            v -> {
              throw ProblemException.rules(List.of(v));
            });
  }

  /**
   * REL-04: one session is one lesson, for the order and for the child; {@code asked} is whether a
   * lesson was already asked for it.
   */
  public static void requireFirstAsk(boolean asked, UUID sessionId) {
    if (asked) {
      throw ProblemException.rule(
          409,
          HELD,
          "a lesson was already asked for session "
              + sessionId
              + " for this order or this child: one session is one lesson");
    }
  }
}
