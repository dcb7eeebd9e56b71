package cn.anshan.oversight.escrow.rest;

import static cn.anshan.oversight.escrow.rest.EscrowFixtures.events;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.freeze;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.institutionWithCustody;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.operator;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.paidOrder;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.readOrder;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.requestRefund;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.types;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Refunds over REST (REL-05, CON-06, CON-07, §11 row 12). */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class RefundFlowTest {
  static final long PRICE = 7500;

  @AfterEach
  void resetClock() {
    EscrowFixtures.unfreeze();
  }

  @Test
  void con06InsideTheCoolingOffWindowTheFullAmountIsPaidAtOnce() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    String orderId = paidOrder(parent, course, 12, PRICE, "2026-04-27", "2026-07-10");
    // The window closes 24 hours after the class starts (2026-04-28 00:00 in Anshan).
    freeze("2026-04-27T15:59:00Z");
    requestRefund(parent, orderId)
        .statusCode(201)
        .body("coolingOff", equalTo(true))
        .body("status", equalTo("PAID"))
        .body("acceptedHow", equalTo("COOLING_OFF"))
        .body("amountFen", equalTo((int) (12 * PRICE)));
    readOrder(parent, orderId).statusCode(200).body("status", equalTo("REFUNDED"));
    List<JsonNode> events = events(orderId, 6);
    assertEquals(
        List.of(
            "OrderPlaced.v1",
            "ContractSigned.v1",
            "PaymentReceivedIntoEscrow.v1",
            "RefundRequested.v1",
            "RefundAccepted.v1",
            "RefundPaid.v1"),
        types(events));
    assertEquals("CON-06", events.get(5).path("data").path("ruleId").asText());
    assertEquals("WECHAT_PAY", events.get(5).path("data").path("originalRoute").asText());
    EscrowFixtures.assertLedgerConsistent();
  }

  @Test
  void con06TheAgreedDaysBeforeClassAreAWindowOfTheirOwnBesideTheHoursAfter() {
    freeze("2026-05-01T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    // 3 days before and 24 hours after a class starting 2026-05-11 00:00 in Anshan (05-10T16:00Z)
    String early = paidOrder(parent, course, 12, PRICE, "2026-05-11", "2026-07-10", 3, 24);
    String inWindow = paidOrder(parent, course, 12, PRICE, "2026-05-11", "2026-07-10", 3, 24);
    readOrder(parent, early)
        .statusCode(200)
        .body("contract.coolingOffOpens", equalTo("2026-05-07T16:00:00Z"))
        .body("contract.coolingOffDeadline", equalTo("2026-05-11T16:00:00Z"));

    freeze("2026-05-07T15:59:00Z"); // a minute before the before-class window opens
    requestRefund(parent, early)
        .statusCode(201)
        .body("coolingOff", equalTo(false))
        .body("status", equalTo("REQUESTED"));
    readOrder(parent, early).statusCode(200).body("refundedFen", equalTo(0));

    // two days before class: the old arithmetic (start - 3 days + 24 h) had closed the window
    freeze("2026-05-08T16:00:00Z");
    requestRefund(parent, inWindow)
        .statusCode(201)
        .body("coolingOff", equalTo(true))
        .body("acceptedHow", equalTo("COOLING_OFF"))
        .body("amountFen", equalTo((int) (12 * PRICE)));
    readOrder(parent, inWindow).statusCode(200).body("status", equalTo("REFUNDED"));
    JsonNode requested = events(inWindow, 6).get(3);
    assertEquals("2026-05-07T16:00:00Z", requested.path("data").path("coolingOffOpens").asText());
    assertEquals("CON-06", events(inWindow, 6).get(5).path("data").path("ruleId").asText());
    EscrowFixtures.assertLedgerConsistent();
  }

  @Test
  void rel05TheInstitutionsSilenceForFiveWorkingDaysAcceptsTheRefund() {
    freeze("2026-06-01T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    String orderId = paidOrder(parent, course, 12, PRICE, "2026-06-08", "2026-08-20");
    // Mon 2026-06-15; the Dragon Boat holiday 06-19..06-21 moves the last answer day to 06-23.
    freeze("2026-06-15T02:00:00Z");
    String refundId =
        requestRefund(parent, orderId)
            .statusCode(201)
            .body("coolingOff", equalTo(false))
            .body("status", equalTo("REQUESTED"))
            .body("autoAcceptOn", equalTo("2026-06-23"))
            .extract()
            .path("refundId");
    freeze("2026-06-24T01:00:00Z");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from refund where id = cast(? as uuid) and status = 'PAID'",
                        refundId)
                    == 1);
    given()
        .header("Authorization", parent.bearer())
        .get("/api/v1/escrow/refunds/{id}", refundId)
        .then()
        .statusCode(200)
        .body("acceptedHow", equalTo("INSTITUTION_SILENCE"))
        .body("amountFen", equalTo((int) (12 * PRICE)));
    List<String> types = types(events(orderId, 6));
    assertEquals(
        List.of("RefundRequested.v1", "RefundAutoAccepted.v1", "RefundPaid.v1"),
        types.subList(3, 6));
  }

  @Test
  void aRefusedRefundIsEscalatedAndNotAutoAccepted() {
    freeze("2026-06-01T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    String orderId = paidOrder(parent, course, 12, PRICE, "2026-06-08", "2026-08-20");
    freeze("2026-06-15T02:00:00Z");
    String refundId = requestRefund(parent, orderId).statusCode(201).extract().path("refundId");
    given()
        .header("Authorization", operator(institution).bearer())
        .post("/api/v1/escrow/refunds/{id}/refusal", refundId)
        .then()
        .statusCode(200)
        .body("status", equalTo("ESCALATED"));
    given()
        .header("Authorization", operator(institution).bearer())
        .post("/api/v1/escrow/refunds/{id}/acceptance", refundId)
        .then()
        .statusCode(409);
    readOrder(parent, orderId).statusCode(200).body("status", equalTo("PAID"));
    requestRefund(parent, orderId).statusCode(409);

    // Only the regulator of the institution's district decides.
    given()
        .header(
            "Authorization",
            Tokens.user("reg-lishan").role("regulator").district("lishan").bearer())
        .contentType(ContentType.JSON)
        .body("{\"outcome\":\"REFUND\"}")
        .post("/api/v1/escrow/refunds/{id}/decision", refundId)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", EscrowFixtures.REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body("{\"outcome\":\"REFUND\"}")
        .post("/api/v1/escrow/refunds/{id}/decision", refundId)
        .then()
        .statusCode(200)
        .body("status", equalTo("PAID"))
        .body("acceptedHow", equalTo("REGULATOR"))
        .body("amountFen", equalTo((int) (12 * PRICE)));
    assertEquals(
        List.of(
            "RefundDisputeEscalated.v1",
            "RefundDisputeDecided.v1",
            "RefundAccepted.v1",
            "RefundPaid.v1"),
        types(events(orderId, 8)).subList(4, 8));
    EscrowFixtures.assertLedgerConsistent();
  }

  @Test
  void rel07TheRegulatorResolvesDisputedLessonsAndTheLedgerShowsEveryMovement() {
    freeze("2026-06-01T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    Tokens operator = operator(institution);
    String orderId = paidOrder(parent, course, 6, PRICE, "2026-06-08", "2026-08-20");
    freeze("2026-06-09T02:00:00Z");
    String[] lessons = new String[2];
    for (int i = 0; i < 2; i++) {
      lessons[i] =
          EscrowFixtures.requestConsumption(operator, orderId, "2026-06-08")
              .statusCode(201)
              .extract()
              .path("consumptionId");
      EscrowFixtures.answer(parent, lessons[i], "dispute").statusCode(200);
    }
    given()
        .header("Authorization", EscrowFixtures.REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body("{\"outcome\":\"RETURN\"}")
        .post("/api/v1/escrow/consumptions/{id}/resolution", lessons[0])
        .then()
        .statusCode(200)
        .body("status", equalTo("RETURNED"));
    given()
        .header("Authorization", EscrowFixtures.REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body("{\"outcome\":\"RELEASE\"}")
        .post("/api/v1/escrow/consumptions/{id}/resolution", lessons[1])
        .then()
        .statusCode(200)
        .body("status", equalTo("CONFIRMED"))
        .body("releasedFen", equalTo((int) PRICE));
    given()
        .header("Authorization", parent.bearer())
        .get("/api/v1/escrow/orders/{id}/ledger", orderId)
        .then()
        .statusCode(200)
        .body("reservedFen", equalTo((int) (6 * PRICE)))
        .body("releasedFen", equalTo((int) PRICE))
        .body("returnedFen", equalTo((int) PRICE))
        .body("openReservations", equalTo(4))
        .body("familyBalanceFen", equalTo((int) (5 * PRICE)))
        .body("entries.code", hasItem("LESSON_RETURNED"));
    given()
        .header("Authorization", EscrowFixtures.parent().bearer())
        .get("/api/v1/escrow/orders/{id}/ledger", orderId)
        .then()
        .statusCode(404);
    // The refund pays the returned lesson and the four never consumed.
    String refundId = requestRefund(parent, orderId).statusCode(201).extract().path("refundId");
    given()
        .header("Authorization", operator.bearer())
        .post("/api/v1/escrow/refunds/{id}/acceptance", refundId)
        .then()
        .statusCode(200)
        .body("amountFen", equalTo((int) (5 * PRICE)));
    List<JsonNode> events = events(orderId, 3 + 4 + 3 + 3);
    List<String> types = types(events);
    assertEquals(
        List.of(
            "ConsumptionDisputeResolved.v1", "ConsumptionDisputeResolved.v1", "FundsReleased.v1"),
        types.subList(7, 10));
    assertEquals("REGULATOR", events.get(9).path("data").path("confirmation").asText());
    EscrowFixtures.assertLedgerConsistent();
  }
}
