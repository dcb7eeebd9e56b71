package cn.anshan.oversight.system.story;

import static cn.anshan.oversight.system.story.StoryContext.OPERATOR_A;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_1;
import static cn.anshan.oversight.system.story.StoryContext.REGULATOR_TIEDONG;

import cn.anshan.oversight.system.Answer;
import cn.anshan.oversight.system.StoryFailure;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

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
      if (s.clock().movable()) {
        acceptedBySilence(s, esc, refund, LocalDate.parse(requested.text("autoAcceptOn")));
      } else {
        s.api()
            .as(OPERATOR_A)
            .post(esc + "/refunds/" + refund + "/acceptance", null)
            .showing("status", "amountFen", "route")
            .send()
            .expect(200);
      }
    }
    Answer after =
        s.api()
            .as(PARENT_1)
            .get(esc + "/orders/" + order)
            .showing("status", "releasedFen", "refundedFen", "unconsumedFen")
            .send()
            .expect(200);
    int released = s.has("autoConfirmed") ? 3 : 2;
    long expected = (40 - released) * S2CoursesAndSchedules.PRICE_FEN;
    if (after.node("refundedFen").asLong() != expected
        || after.node("unconsumedFen").asLong() != 0) {
      throw new StoryFailure(
          "expected " + expected + " fen refunded and nothing left: " + after.body());
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
  private static void acceptedBySilence(
      StoryContext s, String esc, String refund, LocalDate lastAnswerDay) {
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
    Answer[] last = new Answer[1];
    s.await(
        "the escrow service accepted the refund on the institution's silence",
        () -> {
          last[0] = s.api().as(PARENT_1).get(esc + "/refunds/" + refund).send().expect(200);
          return "PAID".equals(last[0].text("status"));
        },
        () -> last[0] == null ? "" : last[0].body());
    s.api()
        .as(PARENT_1)
        .get(esc + "/refunds/" + refund)
        .showing("status", "amountFen", "route")
        .send()
        .expect(200);
  }
}
