package cn.anshan.oversight.system.story;

import static cn.anshan.oversight.system.story.StoryContext.BANK;
import static cn.anshan.oversight.system.story.StoryContext.INSTITUTION_A;
import static cn.anshan.oversight.system.story.StoryContext.OPERATOR_A;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_1;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_2;
import static cn.anshan.oversight.system.story.StoryContext.REGULATOR_TIEDONG;

import cn.anshan.oversight.clients.ApiException;
import cn.anshan.oversight.clients.enrolment.model.Child;
import cn.anshan.oversight.clients.escrow.model.BankPayment;
import cn.anshan.oversight.clients.escrow.model.Contract;
import cn.anshan.oversight.clients.escrow.model.OrderView;
import cn.anshan.oversight.clients.escrow.model.Payment;
import cn.anshan.oversight.clients.escrow.model.PaymentMethod;
import cn.anshan.oversight.clients.escrow.model.PaymentPlan;
import cn.anshan.oversight.clients.escrow.model.PaymentRoute;
import cn.anshan.oversight.clients.escrow.model.PlaceOrder;
import cn.anshan.oversight.clients.escrow.model.SupervisionMode;
import cn.anshan.oversight.system.Answer;
import cn.anshan.oversight.system.Clients;
import cn.anshan.oversight.system.StoryFailure;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 8 step 3: the custody account is set up (PRE-09/10, LN-PRE-02); each parent links a child
 * (PLT-08); parent-1 orders 40 class hours for the child, which signs the model contract (PLT-06),
 * and the custody bank reports the payment; 61 hours are refused with LN-PRE-04. parent-2's 10-hour
 * order stays open until step 7 (black-listing refunds it).
 */
public final class S3CustodyAndPrepayment implements Step {

  static final String ACCOUNT_NO = "6217-0021-0300-8801";

  @Override
  public String number() {
    return "3";
  }

  @Override
  public String title() {
    return "Custody account; a parent orders 40 class hours and prepays; 61 hours are refused"
        + " (LN-PRE-04)";
  }

  @Override
  public void run(StoryContext s) {
    String esc = s.urls().escrow() + "/api/v1/escrow";
    String supervision = esc + "/institutions/" + INSTITUTION_A + "/supervision";
    // escrow-monitor learns the white-listing from the registry's event on Kafka: until then the
    // institution is unknown there (404) and nothing is stored
    Map<String, Object> account =
        Map.of(
            "mode", "CUSTODY",
            "bankId", "BOAS",
            "bankName", "Bank of Anshan, Tiedong branch",
            "accountNo", ACCOUNT_NO,
            "agreementNo", "AS-CUST-2026-0001",
            "agreementFiledWith", "Tiedong education bureau");
    Answer[] setUp = new Answer[1];
    s.await(
        "escrow-monitor knows the institution (InstitutionWhitelisted consumed)",
        () -> {
          setUp[0] = s.api().as(OPERATOR_A).post(supervision, account).quietly().send();
          return setUp[0].status() != 404;
        },
        () -> setUp[0] == null ? "" : setUp[0].status() + " " + setUp[0].body());
    s.say()
        .call(
            OPERATOR_A,
            "POST",
            supervision,
            setUp[0].status(),
            "mode="
                + setUp[0].text("mode")
                + " entitled="
                + setUp[0].text("entitled")
                + (setUp[0].is2xx() ? "" : " " + setUp[0].text("detail")));
    setUp[0].expect(201);
    s.api()
        .as(REGULATOR_TIEDONG)
        .get(supervision)
        .showing("mode", "entitled", "custodyBalanceFen", "unconsumedFen")
        .send()
        .expect(200);

    // PLT-08: each parent links a child in enrolment; an order names the child by that reference
    String child1 = linkChild(s, PARENT_1);
    String child2 = linkChild(s, PARENT_2);
    s.remember("orderChild1", child1);
    String courseId = s.id("course");
    String periodStart = s.today().minusDays(3).toString();
    String periodEnd = s.today().plusDays(45).toString();
    // the course reaches escrow-monitor as CourseFiled on Kafka; poll until the order is judged
    PlaceOrder tooMany = orderRequest(courseId, child1, 61, periodStart, periodEnd);
    Answer[] refused = new Answer[1];
    s.await(
        "escrow-monitor knows the course and parent-1's child (CourseFiled, ChildRegistered"
            + " consumed)",
        () -> {
          refused[0] =
              Clients.refusal(
                  () ->
                      s.clients()
                          .as(PARENT_1)
                          .quietly()
                          .orders()
                          .placeOrder(tooMany, Clients.idempotencyKey()));
          return refused[0].body() != null && refused[0].body().contains("LN-PRE-04");
        },
        () -> refused[0] == null ? "" : refused[0].status() + " " + refused[0].body());
    s.say()
        .call(
            PARENT_1,
            "POST",
            esc + "/orders",
            refused[0].status(),
            refused[0].text("type") + " " + refused[0].text("detail"));
    refused[0].expect(422).expectRule("LN-PRE-04");
    s.say().note("61 class hours are refused: LN-PRE-04 (at most 60 class hours per prepayment)");
    String order1 = place(s, PARENT_1, courseId, child1, 40, periodStart, periodEnd);
    s.remember("order1", order1);
    Answer own =
        s.api()
            .as(PARENT_1)
            .get(esc + "/orders/" + order1)
            .showing("status", "paidFen", "unconsumedFen")
            .send()
            .expect(200);
    s.neverShows(own, "the custody account number", ACCOUNT_NO);
    s.neverShows(
        s.api()
            .as(PARENT_1)
            .get(s.urls().registry() + "/api/v1/public/institutions/" + INSTITUTION_A)
            .quietly()
            .send()
            .expect(200),
        "the custody account number",
        ACCOUNT_NO);
    String order2 = place(s, PARENT_2, courseId, child2, 10, periodStart, periodEnd);
    s.remember("order2", order2);
    s.api()
        .as(REGULATOR_TIEDONG)
        .get(supervision)
        .showing("custodyBalanceFen", "unconsumedFen")
        .send()
        .expect(200);
  }

  private static String linkChild(StoryContext s, String parent) {
    return Clients.ok(
            () ->
                s.clients()
                    .as(parent)
                    .showing("childId")
                    .children()
                    .registerChild(
                        new Child().schoolId(StoryContext.SCHOOL_1).grade(4),
                        Clients.idempotencyKey()))
        .getChildId()
        .toString();
  }

  /**
   * Places the order once escrow-monitor knows the child (ChildRegistered on Kafka: until then the
   * order is refused with PLT-08 and nothing is stored); shows the signed contract's version. The
   * parent and the custody bank call through the generated clients (issue 19 item 2).
   */
  private static String place(
      StoryContext s,
      String parent,
      String courseId,
      String child,
      int hours,
      String start,
      String end) {
    PlaceOrder request = orderRequest(courseId, child, hours, start, end);
    OrderView[] placed = new OrderView[1];
    String[] refusal = {""};
    s.await(
        "escrow-monitor knows " + parent + "'s child (ChildRegistered consumed)",
        () -> {
          try {
            placed[0] =
                s.clients()
                    .as(parent)
                    .quietly()
                    .orders()
                    .placeOrder(request, Clients.idempotencyKey());
            return true;
          } catch (ApiException e) {
            refusal[0] = e.getCode() + " " + e.getResponseBody();
            if (e.getCode() == 422 && e.getResponseBody().contains("PLT-08")) {
              return false;
            }
            throw new StoryFailure("placing the order was refused: " + refusal[0]);
          }
        },
        () -> refusal[0]);
    OrderView order = placed[0];
    s.say()
        .call(
            parent,
            "POST",
            s.urls().escrow() + "/api/v1/escrow/orders",
            201,
            "orderId="
                + order.getOrderId()
                + " status="
                + order.getStatus()
                + " contract="
                + order.getContract().getTemplate()
                + " childId="
                + order.getChildId());
    long amount = order.getAmountFen();
    if (amount != hours * S2CoursesAndSchedules.PRICE_FEN) {
      throw new StoryFailure("LN-PRE-05: amount " + amount + " is not hours × filed price");
    }
    Clients.ok(
        () ->
            s.clients()
                .as(BANK)
                .showing("orderId", "amountFen", "lessonsReserved")
                .custodyBank()
                .reportBankPayment(
                    new BankPayment()
                        .bankRef("BOAS-" + UUID.randomUUID())
                        .orderId(order.getOrderId())
                        .amountFen(amount)
                        .route(PaymentRoute.WECHAT_PAY),
                    Clients.idempotencyKey()));
    return order.getOrderId().toString();
  }

  /** parent's order of {@code hours} class hours on the model contract, paid in one sum. */
  static PlaceOrder orderRequest(
      String courseId, String child, int hours, String start, String end) {
    return new PlaceOrder()
        .courseId(UUID.fromString(courseId))
        .childId(UUID.fromString(child))
        .classHours(hours)
        .periodStart(LocalDate.parse(start))
        .periodEnd(LocalDate.parse(end))
        .contract(
            new Contract()
                .template("GF-2021-2604")
                .coolingOffDaysBefore(0)
                .coolingOffHoursAfter(24)
                .supervisionMode(SupervisionMode.CUSTODY)
                .payment(
                    new Payment()
                        .plan(PaymentPlan.LUMP_SUM)
                        .instalments(1)
                        .method(PaymentMethod.WECHAT_PAY)));
  }
}
