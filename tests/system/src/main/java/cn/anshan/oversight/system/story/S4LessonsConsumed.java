package cn.anshan.oversight.system.story;

import static cn.anshan.oversight.system.story.StoryContext.OPERATOR_A;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_1;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_2;

import cn.anshan.oversight.clients.escrow.api.OrdersApi;
import cn.anshan.oversight.clients.escrow.model.Dispute;
import cn.anshan.oversight.clients.escrow.model.OrderView;
import cn.anshan.oversight.system.Answer;
import cn.anshan.oversight.system.Clients;
import cn.anshan.oversight.system.StoryFailure;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Issue 8 step 4 (一课一消): operator-a reports three sessions held at the registry with parent-1's
 * child attending (REL-04) and asks for their lessons of parent-1's order; parent-1 confirms two
 * and disputes one (REL-07); only the confirmed lessons are released to the institution. Another
 * parent cannot see the order (404). A fourth lesson the parent never answers is confirmed by the
 * escrow service itself once its 15 working days (REL-02) have passed: the story moves the
 * platform's test clock past that day and waits for the release. Against a platform started without
 * {@code --test-clock} (the guided demo) that part is skipped and said so.
 */
public final class S4LessonsConsumed implements Step {

  @Override
  public String number() {
    return "4";
  }

  @Override
  public String title() {
    return "Lessons are consumed; two confirmed, one disputed; only confirmed lessons release"
        + " funds";
  }

  @Override
  public void run(StoryContext s) {
    String order = s.id("order1");
    List<String> lessons = new ArrayList<>();
    for (int i = 3; i >= 1; i--) {
      String session = heldSession(s, s.today().minusDays(i), "18:00", "19:00");
      lessons.add(requestLesson(s, order, session).text("consumptionId"));
    }
    // parent-1 answers through the generated escrow client (issue 19 item 2)
    OrdersApi parent = s.clients().as(PARENT_1).showing("status", "releasedFen").orders();
    for (String lesson : lessons.subList(0, 2)) {
      Clients.ok(
          () -> parent.confirmConsumption(UUID.fromString(lesson), Clients.idempotencyKey()));
    }
    Clients.ok(
        () ->
            parent.disputeConsumption(
                UUID.fromString(lessons.get(2)),
                new Dispute().reason("The lesson was cancelled; the teacher did not come."),
                Clients.idempotencyKey()));
    Clients.refused(
        409,
        () -> parent.confirmConsumption(UUID.fromString(lessons.get(2)), Clients.idempotencyKey()));
    s.say()
        .note(
            "a disputed lesson cannot be confirmed afterwards; its money stays reserved (REL-07)");
    Clients.refused(404, () -> s.clients().as(PARENT_2).orders().getOrder(UUID.fromString(order)));
    s.say().note("another family cannot see the order (404)");
    OrdersApi reader =
        s.clients()
            .as(PARENT_1)
            .showing("status", "amountFen", "releasedFen", "lessonsReleased", "unconsumedFen")
            .orders();
    long released = Clients.ok(() -> reader.getOrder(UUID.fromString(order))).getReleasedFen();
    if (released != 2 * S2CoursesAndSchedules.PRICE_FEN) {
      throw new StoryFailure("released " + released + " fen; expected exactly two lessons");
    }
    s.remember("disputedLesson", lessons.get(2));
    if (!s.clock().movable()) {
      s.say()
          .skipped(
              "auto-confirmation after 15 working days (REL-02)",
              "this platform runs on the real clock (start it with --test-clock to move time)");
      return;
    }
    autoConfirmation(s, order);
  }

  private static String heldSession(StoryContext s, LocalDate day, String from, String to) {
    return HeldSessions.report(
        s.api(),
        s.urls().registry(),
        OPERATOR_A,
        s.id("course"),
        s.id("orderChild1"),
        day,
        from,
        to);
  }

  private static Answer requestLesson(StoryContext s, String order, String session) {
    return HeldSessions.requestLesson(s.api(), s.urls().escrow(), OPERATOR_A, order, session);
  }

  /** REL-02: the parent stays silent; the lesson confirms itself after 15 working days. */
  private static void autoConfirmation(StoryContext s, String order) {
    // a second session yesterday evening: one that is certainly over, whatever the hour
    Answer reported =
        requestLesson(s, order, heldSession(s, s.today().minusDays(1), "19:20", "20:20"));
    LocalDate due = LocalDate.parse(reported.text("autoConfirmOn"));
    int days = (int) ChronoUnit.DAYS.between(s.today(), due) + 1;
    s.clock().advanceDays(days);
    s.say()
        .note(
            "parent-1 does not answer; the platform's clock moves "
                + days
                + " days to "
                + s.today()
                + ", the day after the 15th working day (REL-02)");
    long expected = 3 * S2CoursesAndSchedules.PRICE_FEN;
    OrderView[] last = new OrderView[1];
    s.await(
        "the escrow service auto-confirmed the silent lesson and released it",
        () -> {
          last[0] =
              Clients.ok(
                  () ->
                      s.clients().as(PARENT_1).quietly().orders().getOrder(UUID.fromString(order)));
          return last[0].getReleasedFen() == expected;
        },
        () -> String.valueOf(last[0]));
    OrdersApi reader =
        s.clients()
            .as(PARENT_1)
            .showing("releasedFen", "lessonsReleased", "unconsumedFen")
            .orders();
    Clients.ok(() -> reader.getOrder(UUID.fromString(order)));
    s.remember("autoConfirmed", reported.text("consumptionId"));
  }
}
