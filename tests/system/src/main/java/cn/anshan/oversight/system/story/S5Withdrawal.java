package cn.anshan.oversight.system.story;

import static cn.anshan.oversight.system.story.StoryContext.OPERATOR_A;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_1;
import static cn.anshan.oversight.system.story.StoryContext.REGULATOR_TIEDONG;

import cn.anshan.oversight.system.Answer;
import cn.anshan.oversight.system.StoryFailure;
import java.util.Map;

/**
 * Issue 8 step 5: parent-1 withdraws after the cooling-off window (REL-05); the institution accepts
 * and the whole unconsumed value, the disputed lesson included, goes back by the original route
 * (CON-07).
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
    Answer requested =
        s.api()
            .as(PARENT_1)
            .post(
                esc + "/orders/" + order + "/refund-requests",
                Map.of("reason", "We are moving to another city."))
            .showing("refundId", "status", "coolingOff", "autoAcceptOn")
            .send()
            .expect(201);
    String refund = requested.text("refundId");
    if (!"PAID".equals(requested.text("status"))) {
      s.api()
          .as(OPERATOR_A)
          .post(esc + "/refunds/" + refund + "/acceptance", null)
          .showing("status", "amountFen", "route")
          .send()
          .expect(200);
    }
    Answer after =
        s.api()
            .as(PARENT_1)
            .get(esc + "/orders/" + order)
            .showing("status", "releasedFen", "refundedFen", "unconsumedFen")
            .send()
            .expect(200);
    long expected = 40 * S2CoursesAndSchedules.PRICE_FEN - 2 * S2CoursesAndSchedules.PRICE_FEN;
    if (after.node("refundedFen").asLong() != expected
        || after.node("unconsumedFen").asLong() != 0) {
      throw new StoryFailure(
          "expected " + expected + " fen refunded and nothing left: " + after.body());
    }
    s.say()
        .note(
            "refunded "
                + expected
                + " fen = 40 lessons paid − 2 confirmed (the disputed one returns)");
    s.api()
        .as(REGULATOR_TIEDONG)
        .get(esc + "/institutions/" + s.id("institution") + "/supervision")
        .showing("custodyBalanceFen", "unconsumedFen")
        .send()
        .expect(200);
  }
}
