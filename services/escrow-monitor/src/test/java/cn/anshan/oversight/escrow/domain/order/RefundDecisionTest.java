package cn.anshan.oversight.escrow.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.escrow.domain.entitlement.Category;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionMode;
import cn.anshan.oversight.kit.events.PendingEvent;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.AnswerPeriod;
import cn.anshan.oversight.kit.time.CalendarProducer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Refunds decided on the order's loaded facts (CON-06, CON-07, REL-05, REL-09, §11 row 12): each
 * transition changes the refund and the order together and returns the events the order numbers.
 */
class RefundDecisionTest {
  static final ZoneId ANSHAN = ZoneId.of("Asia/Shanghai");
  static final Instant PLACED = Instant.parse("2026-04-01T02:00:00Z");

  /** Past the cooling-off window of an order whose class started on 2026-04-01. */
  static final Instant LATER = Instant.parse("2026-06-15T02:00:00Z");

  static final AnswerPeriod FIVE_DAYS =
      new AnswerPeriod(CalendarProducer.load(List.of(2026), new ObjectMapper()), 5);

  /** A paid order of 10 lessons at 100 yuan whose class starts on {@code periodStart}. */
  static Order paidOrder(LocalDate periodStart) {
    Order order =
        new Order(
            "inst-1",
            "tiedong",
            UUID.randomUUID(),
            Category.NON_SUBJECT,
            "family-1",
            UUID.randomUUID(),
            10,
            10_000,
            periodStart,
            periodStart.plusMonths(2),
            SupervisionMode.CUSTODY,
            OrderFixtures.lumpSum(7, 24),
            PLACED);
    order.instalmentPaid("bank-1", "WECHAT_PAY", true, PLACED);
    return order;
  }

  static OrderChange<Refund> request(Order order, List<Refund> earlier, Instant at) {
    return Refund.requestedByParent(
        order, earlier, "moving away", at, LocalDate.ofInstant(at, ANSHAN), FIVE_DAYS, ANSHAN);
  }

  /** A request after the window, refused by the institution. */
  static Refund refused(Order order, List<Refund> earlier) {
    Refund refund = request(order, earlier, LATER).subject();
    refund.refuse(order, LATER);
    return refund;
  }

  static List<String> names(List<PendingEvent> events) {
    return events.stream().map(PendingEvent::name).toList();
  }

  @Test
  @DisplayName("CON-06: a request inside the cooling-off window is due by right, no answer day")
  void con06CoolingOff() {
    Order order = paidOrder(LocalDate.parse("2026-04-05"));
    OrderChange<Refund> request = request(order, List.of(), PLACED);

    assertTrue(request.subject().coolingOff());
    assertNull(request.subject().autoAcceptOn());
    assertEquals(OrderStatus.REFUND_REQUESTED, order.status());
    assertEquals(List.of("RefundRequested.v1"), names(request.events()));
    assertEquals(
        "RefundAccepted.v1",
        request.subject().accept(order, Acceptance.COOLING_OFF, PLACED).name(),
        "accepted at once");
  }

  @Test
  @DisplayName("REL-05: after the window the institution answers within 5 working days")
  void rel05AnswerDay() {
    Order order = paidOrder(LocalDate.parse("2026-04-01"));
    Refund refund = request(order, List.of(), LATER).subject();

    assertFalse(refund.coolingOff());
    assertEquals(LocalDate.parse("2026-06-23"), refund.autoAcceptOn(), "Dragon Boat skipped");
    assertTrue(refund.autoAccept(order, LocalDate.parse("2026-06-23"), FIVE_DAYS, LATER).isEmpty());
    assertEquals(
        "RefundAutoAccepted.v1",
        refund
            .autoAccept(order, LocalDate.parse("2026-06-24"), FIVE_DAYS, LATER)
            .orElseThrow()
            .name());
  }

  @Test
  @DisplayName("§11 row 12: refused, the refund goes to the regulator; no new request meanwhile")
  void escalatedBlocksANewRequest() {
    Order order = paidOrder(LocalDate.parse("2026-04-01"));
    Refund refund = request(order, List.of(), LATER).subject();

    assertEquals("RefundDisputeEscalated.v1", refund.refuse(order, LATER).name());
    assertEquals(RefundStatus.ESCALATED, refund.status());
    assertEquals(OrderStatus.PAID, order.status(), "the order goes on until the regulator decides");
    ProblemException blocked =
        assertThrows(ProblemException.class, () -> request(order, List.of(refund), LATER));
    assertTrue(blocked.problem().detail().contains("with the regulator"));
    assertThrows(
        ProblemException.class,
        () -> refund.accept(order, Acceptance.INSTITUTION, LATER),
        "answered once only");
  }

  @Test
  @DisplayName("§11 row 12: REJECT closes the request; REFUND accepts it for payment (CON-07)")
  void regulatorDecides() {
    Order order = paidOrder(LocalDate.parse("2026-04-01"));
    Refund rejected = refused(order, List.of());

    assertEquals(List.of("RefundDisputeDecided.v1"), names(rejected.decide(order, false, LATER)));
    assertEquals(RefundStatus.REJECTED, rejected.status());

    Refund refunded = refused(order, List.of(rejected));
    assertEquals(
        List.of("RefundDisputeDecided.v1", "RefundAccepted.v1"),
        names(refunded.decide(order, true, LATER)));
    PendingEvent paid =
        refunded.paid(order, Acceptance.REGULATOR, 100_000, 10, Refund.UNCONSUMED_RULE, LATER);
    assertEquals("RefundPaid.v1", paid.name());
    assertEquals(OrderStatus.REFUNDED, order.status());
    assertEquals(0, order.unconsumedFen());
    assertThrows(
        ProblemException.class,
        () -> refunded.paid(order, Acceptance.REGULATOR, 1, 0, Refund.UNCONSUMED_RULE, LATER),
        "paid once only");
  }

  @Test
  @DisplayName("REL-09: an exit refund pays the open refund, else opens one accepted")
  void rel09Exit() {
    Order order = paidOrder(LocalDate.parse("2026-04-01"));
    Refund open = request(order, List.of(), LATER).subject();

    assertEquals(open, Refund.openOf(List.of(open)).orElseThrow());
    OrderChange<Refund> exit = Refund.openedForExit(order, LATER, ANSHAN);
    assertEquals(RefundCause.INSTITUTION, exit.subject().cause());
    assertEquals(List.of("RefundRequested.v1", "RefundAccepted.v1"), names(exit.events()));
  }

  @Test
  @DisplayName(
      "REL-09: a refund the regulator rejected is closed: the exit refund pays the newer one")
  void rel09ExitLeavesARejectedRefundClosed() {
    Order order = paidOrder(LocalDate.parse("2026-04-01"));
    Refund rejected = refused(order, List.of());
    rejected.decide(order, false, LATER);
    Refund newer = request(order, List.of(rejected), LATER).subject();

    assertEquals(newer, Refund.openOf(List.of(rejected, newer)).orElseThrow());
    assertTrue(Refund.openOf(List.of(rejected)).isEmpty(), "the exit refund opens its own");
    ProblemException refused =
        assertThrows(
            ProblemException.class,
            () -> rejected.paid(order, Acceptance.REGULATOR, 1, 0, Refund.UNCONSUMED_RULE, LATER));
    assertEquals(409, refused.problem().status());
    assertEquals(RefundStatus.REJECTED, rejected.status());
  }
}
