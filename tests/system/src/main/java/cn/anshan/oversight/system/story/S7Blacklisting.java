package cn.anshan.oversight.system.story;

import static cn.anshan.oversight.system.story.StoryContext.INSTITUTION_A;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_1;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_2;
import static cn.anshan.oversight.system.story.StoryContext.REGULATOR_TIEDONG;
import static cn.anshan.oversight.system.story.StoryContext.SCHOOL_ADMIN;

import cn.anshan.oversight.clients.escrow.api.OrdersApi;
import cn.anshan.oversight.clients.escrow.model.OrderStatus;
import cn.anshan.oversight.clients.escrow.model.OrderView;
import cn.anshan.oversight.clients.escrow.model.RefundView;
import cn.anshan.oversight.clients.registry.model.ListStatus;
import cn.anshan.oversight.clients.registry.model.PublicInstitutionView;
import cn.anshan.oversight.system.Answer;
import cn.anshan.oversight.system.Clients;
import cn.anshan.oversight.system.StoryFailure;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 8 step 7: regulator-tiedong orders the institution to stop operating (ENF-01), which puts
 * it on the black list (LST-01). Over Kafka, escrow-monitor refunds every unconsumed balance
 * (REL-09, CON-08: parent-2's open order) and enrolment exits the provider (ASV-06). New
 * prepayments are refused.
 */
public final class S7Blacklisting implements Step {

  @Override
  public String number() {
    return "7";
  }

  @Override
  public String title() {
    return "The regulator black-lists the institution; escrow refunds, enrolment removes the"
        + " provider";
  }

  @Override
  public void run(StoryContext s) {
    String inst = s.urls().registry() + "/api/v1/institutions/" + INSTITUTION_A;
    Answer standing =
        s.api()
            .as(REGULATOR_TIEDONG)
            .get(inst + "/standing")
            .showing("listStatus")
            .send()
            .expect(200);
    s.api()
        .as(REGULATOR_TIEDONG)
        .post(
            inst + "/sanctions",
            Map.of(
                "type", "STOP_OPERATING",
                "ruleId", "ENF-01",
                "detail", "Collected tuition into the operator's own account instead of custody."))
        .ifMatch(standing.etag())
        .showing("listStatus", "operational", "/sanctions/0/type")
        .send()
        .expect(200);
    // the parents' part runs through the generated registry and escrow clients (issue 19 item 2)
    PublicInstitutionView published =
        Clients.ok(
            () ->
                s.clients()
                    .as(PARENT_1)
                    .showing("listStatus", "operational")
                    .publicRegister()
                    .getPublicInstitution(INSTITUTION_A));
    // LST-01: a stop-operating order black-lists the institution while it is in force
    if (published.getListStatus() != ListStatus.BLACK
        || !Boolean.FALSE.equals(published.getOperational())) {
      throw new StoryFailure(
          "the public register does not show institution A black-listed: " + published);
    }

    UUID order2 = UUID.fromString(s.id("order2"));
    s.await(
        "escrow-monitor refunded parent-2's open order (InstitutionBlacklisted consumed)",
        () ->
            OrderStatus.REFUNDED
                == Clients.ok(() -> s.clients().as(PARENT_2).quietly().orders().getOrder(order2))
                    .getStatus());
    OrdersApi parent2 =
        s.clients()
            .as(PARENT_2)
            .showing("status", "refundedFen", "unconsumedFen", "/0/cause", "/0/status")
            .orders();
    OrderView o2 = Clients.ok(() -> parent2.getOrder(order2));
    if (o2.getRefundedFen() != 10 * S2CoursesAndSchedules.PRICE_FEN) {
      throw new StoryFailure("parent-2 did not get the whole unconsumed value back: " + o2);
    }
    List<RefundView> refunds = Clients.ok(() -> parent2.listRefunds(order2));
    if (refunds.stream().noneMatch(r -> r.getAmountFen().equals(o2.getRefundedFen()))) {
      throw new StoryFailure(
          "parent-2's order shows no refund of its unconsumed value: " + refunds);
    }
    Clients.refused(
            422,
            () ->
                s.clients()
                    .as(PARENT_1)
                    .orders()
                    .placeOrder(
                        S3CustodyAndPrepayment.orderRequest(
                            s.id("course"),
                            s.id("orderChild1"),
                            5,
                            s.today().toString(),
                            s.today().plusDays(20).toString()),
                        Clients.idempotencyKey()))
        .expectRule("LST-01");
    s.say().note("a black-listed institution cannot take prepayments (LST-01)");

    String admission = s.urls().enrolment() + "/api/v1/provider-admissions/" + s.id("admission");
    s.await(
        "enrolment exited the provider (InstitutionBlacklisted consumed)",
        () ->
            "EXITED"
                .equals(s.api().as(SCHOOL_ADMIN).get(admission).quietly().send().text("status")));
    s.api().as(SCHOOL_ADMIN).get(admission).showing("status", "exitReason").send().expect(200);
  }
}
