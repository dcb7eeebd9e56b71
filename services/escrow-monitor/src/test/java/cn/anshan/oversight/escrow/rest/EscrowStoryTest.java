package cn.anshan.oversight.escrow.rest;

import static cn.anshan.oversight.escrow.rest.EscrowFixtures.AUDITOR;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.BANK;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.REGULATOR;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.answer;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.assertLedgerConsistent;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.events;
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
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.setUpCustody;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.types;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.testkit.Metrics;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.RecordedSpans;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The story the system test runs, over REST against the real database and broker: custody set up, a
 * 40-hour order paid and reserved, a 61-hour order refused (LN-PRE-04), lessons confirmed, disputed
 * and auto-confirmed across the Labour Day holiday (REL-02), release only for confirmed lessons, a
 * refund of the unconsumed value (REL-05, CON-07), and full refunds when the registry black-lists
 * the institution (REL-09).
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class EscrowStoryTest {
  static final long PRICE = 9000;

  @Inject RecordedSpans spans;

  @AfterEach
  void resetClock() {
    EscrowFixtures.unfreeze();
  }

  @Test
  void preSupervisionLnPre02OneAccountPerInstitution() {
    String institution = UUID.randomUUID().toString();
    EscrowFixtures.whitelisted(institution);
    Tokens operator = operator(institution);
    setUpCustody(operator, institution, "ACC-" + institution)
        .statusCode(201)
        .header("ETag", "\"2\"")
        .body("mode", equalTo("CUSTODY"))
        .body("entitled", equalTo(true));
    setUpCustody(operator, institution, "ACC-2-" + institution)
        .statusCode(422)
        .body("type", containsString("LN-PRE-02"));
    String other = UUID.randomUUID().toString();
    EscrowFixtures.whitelisted(other);
    setUpCustody(operator(other), other, "ACC-" + institution)
        .statusCode(422)
        .body("detail", containsString("LN-PRE-02"));
    given()
        .header("Authorization", REGULATOR.bearer())
        .get("/api/v1/escrow/institutions/{id}/supervision", institution)
        .then()
        .statusCode(200)
        .body("accountNo", equalTo("ACC-" + institution));
    assertEquals(
        List.of("CustodyAgreementFiled.v1", "EscrowAccountOpened.v1"),
        types(events(institution, 2)));
  }

  @Test
  void theSystemStory() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens operator = operator(institution);
    Tokens parent = EscrowFixtures.parent();

    // LN-PRE-04: 61 class hours are refused with the rule ID, nothing stored.
    order(parent, orderBody(course, 61, "2026-04-27", "2026-07-10"))
        .statusCode(422)
        .body("rules", hasItem("LN-PRE-04"))
        .body("detail", containsString("LN-PRE-04: 61 class hours"));
    assertEquals(
        0,
        TestInfra.count("select count(*) from prepay_order where institution_id = ?", institution));

    // 40 class hours, paid by the bank and reserved lesson by lesson.
    String money = Metrics.scrape();
    double paidInBefore = Metrics.value(money, "oversight_escrow_paid_in_fen_total");
    double releasedBefore = Metrics.value(money, "oversight_escrow_released_fen_total");
    String orderId =
        order(parent, orderBody(course, 40, "2026-04-27", "2026-07-10"))
            .statusCode(201)
            .body("status", equalTo("PLACED"))
            .body("amountFen", equalTo(360000))
            .body("contract.template", equalTo("GF-2021-2604"))
            .extract()
            .path("orderId");
    String bankRef = "ICBC-" + UUID.randomUUID();
    pay(BANK, bankRef, orderId, 360000).statusCode(201).body("lessonsReserved", equalTo(40));
    pay(BANK, bankRef, orderId, 360000).statusCode(200).body("orderId", equalTo(orderId));
    pay(BANK, bankRef, orderId, 350000).statusCode(409);
    assertEquals(
        40,
        TestInfra.count(
            "select count(*) from journal_entry where order_id = cast(? as uuid)"
                + " and kind = 'PENDING'",
            orderId));

    // 一课一消: five lessons requested on Tue 2026-04-28.
    freeze("2026-04-28T10:00:00Z");
    String[] consumptions = new String[5];
    for (int i = 0; i < 5; i++) {
      consumptions[i] =
          requestConsumption(operator, orderId, "2026-04-27")
              .statusCode(201)
              .body("lessonNo", equalTo(i + 1))
              // REL-02: 15 working days, skipping the Labour Day holiday 05-01..05-05 and
              // counting the make-up Saturday 05-09.
              .body("autoConfirmOn", equalTo("2026-05-21"))
              .extract()
              .path("consumptionId");
    }
    for (int i = 0; i < 3; i++) {
      answer(parent, consumptions[i], "confirmation")
          .statusCode(200)
          .body("status", equalTo("CONFIRMED"))
          .body("releasedFen", equalTo((int) PRICE));
    }
    answer(parent, consumptions[3], "dispute").statusCode(200).body("status", equalTo("DISPUTED"));
    answer(parent, consumptions[3], "confirmation").statusCode(409);
    readOrder(parent, orderId).statusCode(200).body("releasedFen", equalTo(27000));
    // issue 20: the ledger's meters saw the prepayment and the three released lessons
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Metrics.value("oversight_escrow_paid_in_fen_total") >= paidInBefore + 360000
                    && Metrics.value("oversight_escrow_released_fen_total")
                        >= releasedBefore + 27000);

    // REL-02: silence through 2026-05-21; the watch confirms lesson 5 on 2026-05-22.
    freeze("2026-05-22T01:00:00Z");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from consumption where id = cast(? as uuid)"
                            + " and status = 'AUTO_CONFIRMED'",
                        consumptions[4])
                    == 1);
    readOrder(parent, orderId)
        .statusCode(200)
        .body("releasedFen", equalTo(36000))
        .body("lessonsReleased", equalTo(4));
    given()
        .header("Authorization", parent.bearer())
        .get("/api/v1/escrow/orders/{id}/consumptions", orderId)
        .then()
        .statusCode(200)
        .body(
            "status",
            equalTo(List.of("CONFIRMED", "CONFIRMED", "CONFIRMED", "DISPUTED", "AUTO_CONFIRMED")));

    // REL-05 / CON-07: refund of the unconsumed value, accepted by the institution.
    String refundId =
        requestRefund(parent, orderId)
            .statusCode(201)
            .body("status", equalTo("REQUESTED"))
            .body("coolingOff", equalTo(false))
            .extract()
            .path("refundId");
    given()
        .header("Authorization", operator.bearer())
        .post("/api/v1/escrow/refunds/{id}/acceptance", refundId)
        .then()
        .statusCode(200)
        .body("status", equalTo("PAID"))
        .body("amountFen", equalTo(360000 - 36000))
        .body("route", equalTo("ORIGINAL"));
    readOrder(parent, orderId)
        .statusCode(200)
        .body("status", equalTo("REFUNDED"))
        .body("unconsumedFen", equalTo(0));
    given()
        .header("Authorization", operator.bearer())
        .get("/api/v1/escrow/institutions/{id}/supervision", institution)
        .then()
        .statusCode(200)
        .body("custodyBalanceFen", equalTo(0));

    List<JsonNode> events = events(orderId, 3 + 5 + 3 * 2 + 1 + 2 + 3);
    List<String> types = types(events);
    assertEquals("OrderPlaced.v1", types.get(0));
    assertEquals("ContractSigned.v1", types.get(1));
    assertEquals("PaymentReceivedIntoEscrow.v1", types.get(2));
    assertEquals(4, types.stream().filter("FundsReleased.v1"::equals).count());
    assertEquals(
        List.of("RefundRequested.v1", "RefundAccepted.v1", "RefundPaid.v1"),
        types.subList(types.size() - 3, types.size()));
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.get(i).path("aggregateversion").asInt());
      assertFalse(events.get(i).path("data").toString().contains(parent.subject()));
    }
    assertEquals(parent.subject(), events.get(0).path("actor").asText());
    assertEquals(324000, events.get(events.size() - 1).path("data").path("amountFen").asInt());
    assertLedgerConsistent();

    // Entries are immutable: the database refuses to change or delete them.
    assertThrows(
        IllegalStateException.class,
        () ->
            TestInfra.query(
                "with u as (update journal_entry set reference = 'x' where order_id = cast(? as"
                    + " uuid) returning id) select count(*) from u",
                orderId));
    assertThrows(
        IllegalStateException.class,
        () ->
            TestInfra.query(
                "with d as (delete from journal_line where amount_fen > 0 returning id)"
                    + " select count(*) from d"));
  }

  @Test
  void pre23ARenewalMayBeCollectedEarlyOnceTwentyHoursRemain() {
    freeze("2026-05-04T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, 1000);
    Tokens parent = EscrowFixtures.parent();
    String current = paidOrder(parent, course, 21, 1000, "2026-04-27", "2026-07-10");
    String renewal = orderBody(course, 10, "2026-07-11", "2026-08-31");
    order(parent, renewal)
        .statusCode(422)
        .body("type", containsString("PRE-23"))
        .body("detail", containsString("21 class hours left"));
    // another family without a package of the course gets the plain 30-day rule
    order(EscrowFixtures.parent(), renewal).statusCode(422).body("type", containsString("PRE-23"));
    requestConsumption(operator(institution), current, "2026-05-04").statusCode(201);
    order(parent, renewal).statusCode(201);
  }

  @Test
  void lnPre04SplitOrdersAndIdempotentPlacement() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, 1000);
    Tokens parent = EscrowFixtures.parent();
    String body =
        EscrowFixtures.forChildOf(parent, orderBody(course, 30, "2026-04-27", "2026-07-10"));
    String first =
        given()
            .header("Authorization", parent.bearer())
            .header("Idempotency-Key", "order-1")
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/escrow/orders")
            .then()
            .statusCode(201)
            .extract()
            .path("orderId");
    given()
        .header("Authorization", parent.bearer())
        .header("Idempotency-Key", "order-1")
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/escrow/orders")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("orderId", equalTo(first));
    order(parent, orderBody(course, 30, "2026-04-27", "2026-07-10")).statusCode(201);
    order(parent, orderBody(course, 1, "2026-04-27", "2026-07-10"))
        .statusCode(422)
        .body("type", containsString("LN-PRE-04"))
        .body("detail", containsString("split order"));
    // another family is not affected
    order(EscrowFixtures.parent(), orderBody(course, 60, "2026-04-27", "2026-07-10"))
        .statusCode(201);
    assertEquals(
        3,
        TestInfra.count("select count(*) from prepay_order where institution_id = ?", institution));
  }

  @Test
  void rel09AnExitRefundWithoutARecordedCauseNamesTheWatchRun() throws Exception {
    freeze("2026-06-01T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    String orderId =
        paidOrder(EscrowFixtures.parent(), course, 10, PRICE, "2026-06-08", "2026-08-20");
    // standing lost before V6 recorded the registry event that took it
    try (var c = TestInfra.connect();
        var update =
            c.prepareStatement(
                "update institution_standing set list_status = 'BLACK',"
                    + " lost_standing_event = null, lost_standing_correlation = null"
                    + " where institution_id = ?")) {
      update.setString(1, institution);
      assertEquals(1, update.executeUpdate());
    }

    List<JsonNode> refund = events(orderId, 6).subList(3, 6);
    assertEquals(
        List.of("RefundRequested.v1", "RefundAccepted.v1", "RefundPaid.v1"), types(refund));
    for (JsonNode e : refund) {
      assertTrue(e.path("causationid").asText().startsWith("watch-"), e.toString());
      assertFalse(e.path("correlationid").asText().isBlank(), e.toString());
    }
  }

  @Test
  void rel09BlackListingRefundsEveryUnconsumedBalance() {
    freeze("2026-06-01T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens operator = operator(institution);
    Tokens parentA = EscrowFixtures.parent();
    Tokens parentB = EscrowFixtures.parent();
    String orderA = paidOrder(parentA, course, 20, PRICE, "2026-06-08", "2026-08-20");
    String orderB = paidOrder(parentB, course, 10, PRICE, "2026-06-08", "2026-08-20");
    freeze("2026-06-09T02:00:00Z");
    String lesson =
        requestConsumption(operator, orderA, "2026-06-08")
            .statusCode(201)
            .extract()
            .path("consumptionId");
    answer(parentA, lesson, "confirmation").statusCode(200);
    requestConsumption(operator, orderA, "2026-06-08").statusCode(201);

    // the first open order is refunded with the registry event (%test inline batch 1), the other
    // by the exit-refund watch: both name the black-listing as their cause
    String cause = EscrowFixtures.blacklisted(institution);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from prepay_order where institution_id = ?"
                            + " and status = 'REFUNDED'",
                        institution)
                    == 2);
    // the exit refund's progress, as the regulator sees it: nothing left open
    given()
        .header("Authorization", EscrowFixtures.REGULATOR.bearer())
        .get("/api/v1/escrow/institutions/{id}/supervision", institution)
        .then()
        .statusCode(200)
        .body("exitRefundsOpen", equalTo(0));
    readOrder(parentA, orderA)
        .statusCode(200)
        .body("refundedFen", equalTo(19 * 9000))
        .body("releasedFen", equalTo(9000));
    readOrder(parentB, orderB).statusCode(200).body("refundedFen", equalTo(10 * 9000));
    given()
        .header("Authorization", AUDITOR.bearer())
        .get("/api/v1/escrow/orders/{id}/refunds", orderB)
        .then()
        .statusCode(200)
        .body("cause", hasItem("INSTITUTION"));

    // A black-listed institution may not sell (§11 row 3, LST-01).
    order(EscrowFixtures.parent(), orderBody(course, 10, "2026-06-15", "2026-08-20"))
        .statusCode(422)
        .body("type", containsString("LST-01"));

    List<JsonNode> paid =
        events(orderB, 6).stream()
            .filter(e -> e.path("type").asText().endsWith("RefundPaid.v1"))
            .toList();
    assertEquals("REL-09", paid.get(0).path("data").path("ruleId").asText());
    assertEquals("system", paid.get(0).path("actorrole").asText());
    assertEquals(cause, paid.get(0).path("causationid").asText());
    List<JsonNode> paidA =
        events(orderA, 3 + 3 + 1 + 3).stream()
            .filter(e -> e.path("type").asText().endsWith("RefundPaid.v1"))
            .toList();
    assertEquals(cause, paidA.get(0).path("causationid").asText());
    assertLedgerConsistent();

    // issue 20 item 2: the refund paid inside the consumer's effect continues the black-listing's
    // trace, as a child of escrow's span for that effect (the watch's refund starts its own)
    String blacklistingTrace =
        EscrowFixtures.golden("InstitutionBlacklisted").path("traceparent").asText().split("-")[1];
    SpanData effect =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    spans.matching(
                        s ->
                            s.getKind() == SpanKind.CONSUMER
                                && cause.equals(
                                    s.getAttributes()
                                        .get(AttributeKey.stringKey("cloudevents.event_id")))),
                l -> !l.isEmpty())
            .get(0);
    assertEquals(blacklistingTrace, effect.getTraceId());
    List<String> refundTraces =
        Stream.concat(paid.stream(), paidA.stream())
            .map(e -> e.path("traceparent").asText())
            .toList();
    assertTrue(
        refundTraces.contains("00-" + blacklistingTrace + "-" + effect.getSpanId() + "-01"),
        "a refund paid by the consumer's effect names that effect's span: " + refundTraces);
  }
}
