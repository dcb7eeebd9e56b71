package cn.anshan.oversight.system.story;

import static cn.anshan.oversight.system.story.StoryContext.OPERATOR_A;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_1;
import static cn.anshan.oversight.system.story.StoryContext.REGULATOR_TIEDONG;

import cn.anshan.oversight.clients.escrow.api.OrdersApi;
import cn.anshan.oversight.clients.escrow.model.OrderView;
import cn.anshan.oversight.clients.escrow.model.RefundStatus;
import cn.anshan.oversight.clients.escrow.model.RefundView;
import cn.anshan.oversight.clients.escrow.model.RequestRefund;
import cn.anshan.oversight.system.Clients;
import cn.anshan.oversight.system.StoryFailure;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Issue 8 step 5: parent-1 withdraws after the cooling-off window; the whole unconsumed value, the
 * disputed lesson included, goes back by the original route (CON-07). With the test clock the
 * institution stays silent and the request is accepted by itself after 5 working days (REL-05);
 * against a real-clock platform (the guided demo) the institution accepts it.
 */
public final class S5Withdrawal implements Step {

  @Override
  public String number() {
    return "5";
  }

  @Override
  public String title() {
    return "The parent withdraws and receives the unconsumed value";
  }

  @Override
  public void run(StoryContext s) {
    String esc = s.urls().escrow() + "/api/v1/escrow";
    String order = s.id("order1");
    // parent-1 asks and reads through the generated escrow client (issue 19 item 2)
    OrdersApi parent =
        s.clients()
            .as(PARENT_1)
            .showing("refundId", "status", "autoAcceptOn", "refundedFen", "unconsumedFen")
            .orders();
    RefundView requested =
        Clients.ok(
            () ->
                parent.requestRefund(
                    UUID.fromString(order),
                    new RequestRefund().reason("We are moving to another city."),
                    Clients.idempotencyKey()));
    String refund = requested.getRefundId().toString();
    if (requested.getStatus() != RefundStatus.PAID) {
      if (s.clock().movable()) {
        acceptedBySilence(s, refund, requested.getAutoAcceptOn());
      } else {
        s.api()
            .as(OPERATOR_A)
            .post(esc + "/refunds/" + refund + "/acceptance", null)
            .showing("status", "amountFen", "route")
            .send()
            .expect(200);
      }
    }
    OrderView after = Clients.ok(() -> parent.getOrder(UUID.fromString(order)));
    int released = s.has("autoConfirmed") ? 3 : 2;
    long expected = (40 - released) * S2CoursesAndSchedules.PRICE_FEN;
    if (after.getRefundedFen() != expected || after.getUnconsumedFen() != 0) {
      throw new StoryFailure("expected " + expected + " fen refunded and nothing left: " + after);
    }
    s.say()
        .note(
            "refunded "
                + expected
                + " fen = 40 lessons paid − "
                + released
                + " confirmed (the disputed one returns)");
    s.api()
        .as(REGULATOR_TIEDONG)
        .get(esc + "/institutions/" + s.id("institution") + "/supervision")
        .showing("custodyBalanceFen", "unconsumedFen")
        .send()
        .expect(200);
  }

  /** REL-05: the institution does not answer; its silence accepts the refund. */
  private static void acceptedBySilence(StoryContext s, String refund, LocalDate lastAnswerDay) {
    int days = (int) ChronoUnit.DAYS.between(s.today(), lastAnswerDay) + 1;
    s.clock().advanceDays(days);
    s.say()
        .note(
            "operator-a does not answer; the clock moves "
                + days
                + " days to "
                + s.today()
                + ", past the last answer day "
                + lastAnswerDay
                + " (REL-05)");
    RefundView[] last = new RefundView[1];
    s.await(
        "the escrow service accepted the refund on the institution's silence",
        () -> {
          last[0] =
              Clients.ok(
                  () ->
                      s.clients()
                          .as(PARENT_1)
                          .quietly()
                          .orders()
                          .getRefund(UUID.fromString(refund)));
          return last[0].getStatus() == RefundStatus.PAID;
        },
        () -> String.valueOf(last[0]));
    OrdersApi reader = s.clients().as(PARENT_1).showing("status", "amountFen", "route").orders();
    Clients.ok(() -> reader.getRefund(UUID.fromString(refund)));
  }
}
