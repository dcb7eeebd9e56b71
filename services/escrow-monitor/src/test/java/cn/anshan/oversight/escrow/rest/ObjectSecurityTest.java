package cn.anshan.oversight.escrow.rest;

import static cn.anshan.oversight.escrow.rest.EscrowFixtures.BANK;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.answer;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.freeze;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.institutionWithCustody;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.operator;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.order;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.orderBody;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.paidOrder;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.pay;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.readOrder;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.requestConsumption;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.requestRefund;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Object-level security (DESIGN §4): parents see and act only on their own orders (404 otherwise),
 * operators only on their institution, regulators only their district, and the custody bank can
 * only post bank movements.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ObjectSecurityTest {
  static final long PRICE = 8000;

  String institutionX;
  String institutionY;
  Tokens operatorX;
  Tokens operatorY;
  Tokens parentA;
  Tokens parentB;
  String orderA;
  String consumptionA;

  @BeforeEach
  void twoInstitutionsAndAPaidOrder() {
    freeze("2026-04-20T02:00:00Z");
    institutionX = UUID.randomUUID().toString();
    institutionY = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institutionX, PRICE);
    institutionWithCustody(institutionY, PRICE);
    operatorX = operator(institutionX);
    operatorY = operator(institutionY);
    parentA = EscrowFixtures.parent();
    parentB = EscrowFixtures.parent();
    orderA = paidOrder(parentA, course, 10, PRICE, "2026-04-27", "2026-06-30");
    freeze("2026-04-28T02:00:00Z");
    consumptionA =
        requestConsumption(operatorX, orderA, "2026-04-27")
            .statusCode(201)
            .extract()
            .path("consumptionId");
  }

  @AfterEach
  void resetClock() {
    EscrowFixtures.unfreeze();
  }

  @Test
  void parentBCannotSeeOrActOnParentAsOrder() {
    readOrder(parentB, orderA).statusCode(404);
    given()
        .header("Authorization", parentB.bearer())
        .get("/api/v1/escrow/orders/{id}/consumptions", orderA)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", parentB.bearer())
        .get("/api/v1/escrow/orders")
        .then()
        .statusCode(200)
        .body("items.orderId", not(hasItem(orderA)));
    answer(parentB, consumptionA, "confirmation").statusCode(404);
    answer(parentB, consumptionA, "dispute").statusCode(404);
    requestRefund(parentB, orderA).statusCode(404);
    // nothing changed: parent A still sees the untouched order and request
    readOrder(parentA, orderA).statusCode(200).body("releasedFen", equalTo(0));
    given()
        .header("Authorization", parentA.bearer())
        .get("/api/v1/escrow/orders")
        .then()
        .statusCode(200)
        .body("items.orderId", contains(orderA));
  }

  @Test
  void institutionYCannotTouchInstitutionXsAccountOrOrders() {
    given()
        .header("Authorization", operatorY.bearer())
        .get("/api/v1/escrow/institutions/{id}/supervision", institutionX)
        .then()
        .statusCode(404);
    EscrowFixtures.setUpCustody(operatorY, institutionX, "ACC-HIJACK-" + institutionX)
        .statusCode(404);
    readOrder(operatorY, orderA).statusCode(404);
    requestConsumption(operatorY, orderA, UUID.randomUUID()).statusCode(404);
    String refundId = requestRefund(parentA, orderA).statusCode(201).extract().path("refundId");
    given()
        .header("Authorization", operatorY.bearer())
        .post("/api/v1/escrow/refunds/{id}/acceptance", refundId)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", operatorY.bearer())
        .get("/api/v1/escrow/risk-indicators")
        .then()
        .statusCode(200)
        .body("items.institutionId", not(hasItem(institutionX)));
    readOrder(operatorX, orderA).statusCode(200).body("status", equalTo("REFUND_REQUESTED"));
    Tokens otherRegulator = Tokens.user("reg-lishan").role("regulator").district("lishan");
    readOrder(otherRegulator, orderA).statusCode(404);
    readOrder(EscrowFixtures.REGULATOR, orderA).statusCode(200);
  }

  @Test
  void theBankRoleCanOnlyPostBankMovements() {
    readOrder(BANK, orderA).statusCode(403);
    order(BANK, orderBody(UUID.randomUUID(), 10, "2026-04-27", "2026-06-30")).statusCode(403);
    requestConsumption(BANK, orderA, UUID.randomUUID()).statusCode(403);
    answer(BANK, consumptionA, "confirmation").statusCode(403);
    given()
        .header("Authorization", BANK.bearer())
        .get("/api/v1/escrow/institutions/{id}/supervision", institutionX)
        .then()
        .statusCode(403);
    // ... and nobody else may post a bank movement
    pay(parentA, "FAKE-" + UUID.randomUUID(), orderA, 80000).statusCode(403);
    pay(operatorX, "FAKE-" + UUID.randomUUID(), orderA, 80000).statusCode(403);
    given()
        .header("Authorization", operatorX.bearer())
        .contentType(ContentType.JSON)
        .body("{\"bankRef\":\"X-1\",\"institutionId\":\"" + institutionX + "\",\"balanceFen\":0}")
        .post("/api/v1/escrow/bank/balance-statements")
        .then()
        .statusCode(403);
    assertEquals(
        1,
        TestInfra.count(
            "select count(*) from bank_movement where order_id = cast(? as uuid)", orderA));
  }
}
