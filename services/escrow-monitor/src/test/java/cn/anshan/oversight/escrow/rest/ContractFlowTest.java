package cn.anshan.oversight.escrow.rest;

import static cn.anshan.oversight.escrow.rest.EscrowFixtures.BANK;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.REGISTRY_TOPIC;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.childOf;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.courseFiled;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.events;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.freeze;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.institutionWithCustody;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.operator;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.order;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.orderBody;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.pay;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.readOrder;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.requestConsumption;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.requestRefund;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.setUpCustody;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.types;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 5: the order is a signed model contract (PLT-06) for one of the parent's own
 * children (PLT-08), filled in from the registry (CON-02, CON-04), with a payment clause (CON-05)
 * that refuses training loans (PRE-06) and pays whole lessons per instalment. Every refusal stores
 * nothing.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ContractFlowTest {
  static final long PRICE = 1000;
  static final String START = "2026-04-27";
  static final String END = "2026-07-10";

  @AfterEach
  void resetClock() {
    EscrowFixtures.unfreeze();
  }

  static long ordersOf(UUID course) {
    return TestInfra.count("select count(*) from prepay_order where course_id = ?", course);
  }

  @Test
  void plt06PlacingTheOrderSignsTheContractFilledInFromTheRegistry() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    UUID child = childOf(parent);
    String orderId =
        order(parent, orderBody(course, 10, START, END))
            .statusCode(201)
            .body("childId", equalTo(child.toString()))
            .body("contract.template", equalTo("GF-2021-2604"))
            .body("contract.institutionName", equalTo("鞍山市铁东区启明星青少年培训中心"))
            .body("contract.licenceNo", equalTo("教民121030270000123号"))
            .body("contract.licenceValidTo", equalTo("2029-03-15"))
            .body("contract.registrationType", equalTo("BUSINESS_LICENCE"))
            .body("contract.courseName", equalTo("少儿围棋进阶"))
            .body("contract.serviceType", equalTo("OFFLINE_NON_SUBJECT"))
            .body("contract.lessonMinutes", equalTo(45))
            .body("payment.plan", equalTo("LUMP_SUM"))
            .body("payment.method", equalTo("WECHAT_PAY"))
            .body("payment.nextInstalmentFen", equalTo((int) (10 * PRICE)))
            .extract()
            .path("orderId");
    // the version is on the order before the parent pays
    readOrder(parent, orderId)
        .statusCode(200)
        .body("status", equalTo("PLACED"))
        .body("contract.template", equalTo("GF-2021-2604"));

    List<JsonNode> events = events(orderId, 2);
    assertEquals(List.of("OrderPlaced.v1", "ContractSigned.v1"), types(events));
    JsonNode signed = events.get(1).path("data");
    assertEquals(child.toString(), signed.path("childId").asText());
    assertEquals(child.toString(), events.get(0).path("data").path("childId").asText());
    assertEquals("WECHAT_PAY", signed.path("payment").path("method").asText());
    // CON-02's credit code is recorded with the contract, not on what a parent can read
    assertTrue(signed.path("creditCode").isMissingNode());
    assertEquals(
        1,
        TestInfra.count(
            "select count(*) from prepay_order where id = cast(? as uuid)"
                + " and credit_code = '91210302MADK3F7Q2G'",
            orderId));
    assertEquals(10, signed.path("classHours").asInt());
    assertEquals(parent.subject(), events.get(1).path("actor").asText());
    assertFalse(signed.toString().contains(parent.subject()));
  }

  @Test
  void plt08AnOrderIsForOneOfTheParentsOwnChildren() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    Tokens neighbour = EscrowFixtures.parent();
    String othersChild =
        orderBody(course, 10, START, END).replace(EscrowFixtures.CHILD, "" + childOf(neighbour));
    order(parent, othersChild)
        .statusCode(422)
        .body("rules", hasItem("PLT-08"))
        .body("detail", containsString("not linked to you"));
    String unknown =
        orderBody(course, 10, START, END).replace(EscrowFixtures.CHILD, "" + UUID.randomUUID());
    order(parent, unknown).statusCode(422).body("rules", hasItem("PLT-08"));
    // a ChildRegistered caused by a school administrator binds no guardian
    UUID bySchool = EscrowFixtures.registerChild(parent.subject(), "school-admin");
    UUID own = childOf(parent);
    String schoolsChild =
        orderBody(course, 10, START, END).replace(EscrowFixtures.CHILD, "" + bySchool);
    order(parent, schoolsChild).statusCode(422).body("rules", hasItem("PLT-08"));
    assertEquals(0, ordersOf(course));
    order(parent, orderBody(course, 10, START, END))
        .statusCode(201)
        .body("childId", equalTo(own.toString()));
  }

  @Test
  void pre06con05ATrainingLoanOrAPaymentClauseThatIsNotWholeInstalmentsIsRefused() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    order(parent, orderBody(course, 10, START, END, 0, 24, "LUMP_SUM", 1, "TRAINING_LOAN"))
        .statusCode(422)
        .body("rules", hasItem("PRE-06"));
    order(parent, orderBody(course, 10, START, END, 0, 24, "LUMP_SUM", 2, "CARD"))
        .statusCode(422)
        .body("rules", hasItem("CON-05"));
    order(parent, orderBody(course, 10, START, END, 0, 24, "INSTALMENTS", 4, "CARD"))
        .statusCode(422)
        .body("rules", hasItem("CON-05"));
    assertEquals(0, ordersOf(course));
  }

  @Test
  void con02AnInstitutionWhoseRegistrationTheRegistryNeverPublishedCannotBeNamed() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    KafkaRecords.send(
        REGISTRY_TOPIC,
        institution,
        EscrowFixtures.standing("InstitutionWhitelisted", institution, "WHITE", true, "NONE"));
    EscrowFixtures.awaitOne(
        "select count(*) from institution_standing where institution_id = ?"
            + " and list_status = 'WHITE'",
        institution);
    setUpCustody(operator(institution), institution, "ACC-" + institution).statusCode(201);
    UUID course = courseFiled(institution, PRICE);
    order(EscrowFixtures.parent(), orderBody(course, 10, START, END))
        .statusCode(422)
        .body("rules", hasItem("CON-02"))
        .body("detail", containsString("credit code"));
    assertEquals(0, ordersOf(course));
  }

  @Test
  void con05InstalmentsArePaidInWholeLessonsAndOnlyPaidLessonsAreConsumed() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    Tokens operator = operator(institution);
    String orderId =
        order(parent, orderBody(course, 10, START, END, 0, 24, "INSTALMENTS", 3, "BANK_TRANSFER"))
            .statusCode(201)
            .body("payment.instalments", equalTo(3))
            .body("payment.nextInstalmentFen", equalTo(4000))
            .extract()
            .path("orderId");
    // the whole amount is not the first instalment: refused, nothing received
    pay(BANK, "BOAS-I0-" + orderId, orderId, 10 * PRICE)
        .statusCode(422)
        .body("rules", hasItem("LN-PRE-05"))
        .body("detail", containsString("instalment 1 of 3"));
    readOrder(parent, orderId).statusCode(200).body("payment.paidFen", equalTo(0));

    pay(BANK, "BOAS-I1-" + orderId, orderId, 4000)
        .statusCode(201)
        .body("lessonsReserved", equalTo(4));
    readOrder(parent, orderId)
        .statusCode(200)
        .body("status", equalTo("PAID"))
        .body("payment.instalmentsPaid", equalTo(1))
        .body("payment.lessonsPaid", equalTo(4))
        .body("payment.nextInstalmentFen", equalTo(3000))
        .body("unconsumedFen", equalTo(4000));

    freeze("2026-05-20T02:00:00Z");
    for (int i = 0; i < 4; i++) {
      requestConsumption(operator, orderId, "2026-05-1" + i).statusCode(201);
    }
    // lesson 5 is not paid for yet
    requestConsumption(operator, orderId, "2026-05-15")
        .statusCode(409)
        .body("detail", containsString("4 of 4 paid lessons"));

    pay(BANK, "BOAS-I2-" + orderId, orderId, 3000)
        .statusCode(201)
        .body("lessonsReserved", equalTo(3));
    // the same report again answers the same receipt
    pay(BANK, "BOAS-I2-" + orderId, orderId, 3000)
        .statusCode(200)
        .body("lessonsReserved", equalTo(3))
        .body("amountFen", equalTo(3000));
    requestConsumption(operator, orderId, "2026-05-15").statusCode(201);
    pay(BANK, "BOAS-I3-" + orderId, orderId, 3000).statusCode(201);
    readOrder(parent, orderId)
        .statusCode(200)
        .body("payment.lessonsPaid", equalTo(10))
        .body("payment.paidFen", equalTo(10000))
        .body("payment.nextInstalmentFen", nullValue());
    pay(BANK, "BOAS-I4-" + orderId, orderId, 3000)
        .statusCode(409)
        .body("detail", containsString("every instalment paid"));

    Object lessons =
        TestInfra.query(
                "select string_agg(cast(lesson_no as text), ',' order by lesson_no) from journal_entry"
                    + " where order_id = cast(? as uuid) and kind = 'PENDING'",
                orderId)
            .get(0)
            .values()
            .iterator()
            .next();
    assertEquals("1,2,3,4,5,6,7,8,9,10", lessons);
    List<JsonNode> payments =
        events(orderId, 2 + 3 + 5).stream()
            .filter(e -> e.path("type").asText().endsWith("PaymentReceivedIntoEscrow.v1"))
            .toList();
    assertEquals(3, payments.size());
    assertEquals(2, payments.get(1).path("data").path("instalment").asInt());
    assertEquals(3, payments.get(1).path("data").path("instalments").asInt());
    assertEquals(3000, payments.get(1).path("data").path("amountFen").asInt());
    EscrowFixtures.assertLedgerConsistent();
  }

  @Test
  void con06ACoolingOffRefundAfterTheFirstInstalmentReturnsWhatWasPaidAndEndsTheOrder() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    String orderId =
        // 10 days before class: the before-class window [04-17, 04-27) covers today
        order(parent, orderBody(course, 10, START, END, 10, 24, "INSTALMENTS", 2, "CARD"))
            .statusCode(201)
            .extract()
            .path("orderId");
    pay(BANK, "BOAS-C1-" + orderId, orderId, 5000).statusCode(201);
    requestRefund(parent, orderId).statusCode(201).body("amountFen", equalTo(5000));
    readOrder(parent, orderId)
        .statusCode(200)
        .body("status", equalTo("REFUNDED"))
        .body("refundedFen", equalTo(5000))
        .body("unconsumedFen", equalTo(0));
    pay(BANK, "BOAS-C2-" + orderId, orderId, 5000)
        .statusCode(409)
        .body("type", containsString("order-not-awaiting-payment"));
    EscrowFixtures.assertLedgerConsistent();
  }
}
