package cn.anshan.oversight.escrow.rest;

import static cn.anshan.oversight.escrow.rest.EscrowFixtures.BANK;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.REGULATOR;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.freeze;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.institutionWithCustody;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.paidOrder;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.pay;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.Metrics;
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
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Risk warnings (§11 row 13) over REST and on the broker, visible to the district's regulator. */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class RiskFlowTest {
  static final long PRICE = 9000;

  @AfterEach
  void resetClock() {
    EscrowFixtures.unfreeze();
  }

  static List<JsonNode> riskEvents(String institution, int expected) {
    return EscrowFixtures.events(institution, 2 + expected).stream()
        .filter(e -> e.path("type").asText().endsWith("RiskIndicatorTripped.v1"))
        .toList();
  }

  static JsonNode byType(List<JsonNode> events, String type) {
    return events.stream()
        .filter(e -> e.path("type").asText().endsWith(type))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void rel13CoverageBelowOneIsGradedAndVisibleToTheDistrictOnly() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    paidOrder(EscrowFixtures.parent(), course, 40, PRICE, "2026-04-27", "2026-07-10");
    given()
        .header("Authorization", BANK.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"bankRef\":\"STMT-"
                + institution
                + "\",\"institutionId\":\""
                + institution
                + "\",\"balanceFen\":223200}")
        .post("/api/v1/escrow/bank/balance-statements")
        .then()
        .statusCode(200)
        .body("unconsumedFen", equalTo(360000))
        .body("tripped", equalTo(true));
    given()
        .header("Authorization", REGULATOR.bearer())
        .queryParam("institutionId", institution)
        .get("/api/v1/escrow/risk-indicators")
        .then()
        .statusCode(200)
        .body("items.indicator", hasItem("COVERAGE"))
        .body("items.grade", hasItem("RED"));
    given()
        .header(
            "Authorization",
            Tokens.user("reg-lishan").role("regulator").district("lishan").bearer())
        .get("/api/v1/escrow/risk-indicators")
        .then()
        .statusCode(200)
        .body("items.institutionId", not(hasItem(institution)));
    // 223,200 of the 360,000 fen the ledger holds: the reconciliation trips as well (PRE-08)
    List<JsonNode> trips = riskEvents(institution, 2);
    assertEquals(
        List.of("COVERAGE", "CUSTODY_SHORTFALL"),
        trips.stream().map(e -> e.path("data").path("indicator").asText()).toList());
    JsonNode tripped = trips.get(0);
    assertEquals("InstitutionRisk", tripped.path("aggregatetype").asText());
    assertEquals("RED", tripped.path("data").path("grade").asText());
    assertEquals("REL-13", tripped.path("data").path("ruleId").asText());
    assertEquals(0.62, tripped.path("data").path("value").asDouble(), 0.001);
  }

  @Test
  void lst01CollectionWhileNotEntitledTripsRedAndTheMoneyGoesBackAtOnce() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    String trips =
        "oversight_escrow_risk_trips_total{grade=\"RED\",indicator=\"COLLECTION_WHILE_NOT_ENTITLED\","
            + "rule=\"LST-01\"}";
    double tripsBefore = Metrics.value(trips);
    String orderId = EscrowFixtures.placedOrder(parent, course, 10, "2026-04-27", "2026-07-10");
    // The registry delists the institution (not operational) before the money arrives.
    EscrowFixtures.suspended(institution);
    pay(BANK, "ICBC-" + UUID.randomUUID(), orderId, 10 * PRICE)
        .statusCode(201)
        .body("entitled", equalTo(false));
    JsonNode tripped = riskEvents(institution, 1).get(0);
    assertEquals("COLLECTION_WHILE_NOT_ENTITLED", tripped.path("data").path("indicator").asText());
    assertEquals("LST-01", tripped.path("data").path("ruleId").asText());
    // issue 20: counted from the stored trip, under its indicator, grade and rule
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Metrics.value(trips) >= tripsBefore + 1);

    // issue 17 item 2: the money is not kept for an institution that may not collect
    EscrowFixtures.readOrder(parent, orderId)
        .statusCode(200)
        .body("status", equalTo("REFUNDED"))
        .body("refundedFen", equalTo((int) (10 * PRICE)))
        .body("releasedFen", equalTo(0));
    List<JsonNode> events = EscrowFixtures.events(orderId, 6);
    assertEquals(
        List.of(
            "OrderPlaced.v1",
            "ContractSigned.v1",
            "PaymentReceivedIntoEscrow.v1",
            "RefundRequested.v1",
            "RefundAccepted.v1",
            "RefundPaid.v1"),
        EscrowFixtures.types(events));
    JsonNode paid = events.get(5);
    assertEquals("LST-01", paid.path("data").path("ruleId").asText());
    assertEquals("INSTITUTION", paid.path("data").path("cause").asText());
    assertEquals("system:escrow-monitor", paid.path("actor").asText());
    EscrowFixtures.assertLedgerConsistent();
  }

  @Test
  void pre08AndPre25TheBanksDailyBalanceIsReconciledWithTheLedger() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    freeze("2026-04-21T02:00:00Z");
    paidOrder(EscrowFixtures.parent(), course, 10, PRICE, "2026-04-27", "2026-07-10");
    long held = 10 * PRICE;

    // the day before the payment custody held nothing; today the payment
    EscrowFixtures.statement(BANK, institution, "2026-04-20", 0)
        .statusCode(200)
        .body("asOf", equalTo("2026-04-20"))
        .body("ledgerCustodyFen", equalTo(0))
        .body("reconciled", equalTo(true));
    EscrowFixtures.statement(BANK, institution, null, held)
        .statusCode(200)
        .body("asOf", equalTo("2026-04-21"))
        .body("ledgerCustodyFen", equalTo((int) held))
        .body("reconciled", equalTo(true))
        .body("tripped", equalTo(false));
    assertEquals(
        0, TestInfra.count("select count(*) from risk_trip where institution_id = ?", institution));

    // more than the ledger explains: collected outside the platform's orders
    EscrowFixtures.statement(BANK, institution, "2026-04-21", held + 50_000)
        .statusCode(200)
        .body("reconciled", equalTo(false))
        .body("tripped", equalTo(true));
    JsonNode inflow = riskEvents(institution, 1).get(0);
    assertEquals("UNEXPLAINED_INFLOW", inflow.path("data").path("indicator").asText());
    assertEquals("PRE-25", inflow.path("data").path("ruleId").asText());
    assertEquals(50_000, inflow.path("data").path("value").asLong());

    // less than the ledger: money left custody unseen (coverage falls below 1 too)
    EscrowFixtures.statement(BANK, institution, null, held - 1)
        .statusCode(200)
        .body("reconciled", equalTo(false));
    JsonNode shortfall =
        riskEvents(institution, 3).stream()
            .filter(e -> e.path("data").path("indicator").asText().equals("CUSTODY_SHORTFALL"))
            .findFirst()
            .orElseThrow();
    assertEquals("PRE-08", shortfall.path("data").path("ruleId").asText());
    assertEquals("RED", shortfall.path("data").path("grade").asText());
    assertEquals(1, shortfall.path("data").path("value").asLong());

    EscrowFixtures.statement(BANK, institution, "2026-04-22", held)
        .statusCode(422)
        .body("rules", hasItem("PRE-08"));
  }

  @Test
  void pre13RiskReserveBelowTheMinimumTripsUntilTheBankReportsTheDeposit() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    EscrowFixtures.whitelisted(institution);
    EscrowFixtures.setUpReserve(institution, "RR-1")
        .statusCode(201)
        .body("riskReserveMinFen", equalTo(5000000))
        .body("reserveFen", equalTo(0));
    given()
        .header("Authorization", BANK.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"bankRef\":\"RR-DEP-"
                + institution
                + "\",\"institutionId\":\""
                + institution
                + "\",\"amountFen\":5000000}")
        .post("/api/v1/escrow/bank/risk-reserve-deposits")
        .then()
        .statusCode(201)
        .body("reserveFen", equalTo(5000000));
    // Two aggregates share the key (Supervision, InstitutionRisk): order is per aggregate only.
    List<JsonNode> all = EscrowFixtures.events(institution, 4);
    assertEquals(
        Set.of(
            "CustodyAgreementFiled.v1",
            "EscrowAccountOpened.v1",
            "RiskIndicatorTripped.v1",
            "RiskReserveDeposited.v1"),
        Set.copyOf(EscrowFixtures.types(all)));
    JsonNode tripped = byType(all, "RiskIndicatorTripped.v1");
    assertEquals("RESERVE_BELOW_MINIMUM", tripped.path("data").path("indicator").asText());
    assertEquals("RED", tripped.path("data").path("grade").asText());
    assertEquals(
        5000000, byType(all, "RiskReserveDeposited.v1").path("data").path("reserveFen").asLong());
    EscrowFixtures.assertLedgerConsistent();
  }

  @Test
  void rel13SalesSpikeAgainstTheTrailingFourWeekAverage() {
    freeze("2026-03-23T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    // Baseline: 360,000 fen in the four weeks before, a weekly average of 90,000 fen.
    paidOrder(EscrowFixtures.parent(), course, 40, PRICE, "2026-03-30", "2026-06-20");
    freeze("2026-04-20T02:00:00Z");
    paidOrder(EscrowFixtures.parent(), course, 40, PRICE, "2026-04-27", "2026-07-10");
    JsonNode spike = riskEvents(institution, 1).get(0);
    assertEquals("SALES_SPIKE", spike.path("data").path("indicator").asText());
    assertEquals(4.0, spike.path("data").path("value").asDouble(), 0.001);
    assertEquals("RED", spike.path("data").path("grade").asText());
  }

  @Test
  void rel05ASurgeOfRefundRequestsForOneInstitution() {
    freeze("2026-06-01T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, 1000);
    Tokens[] parents = new Tokens[5];
    String[] orders = new String[5];
    for (int i = 0; i < 5; i++) {
      parents[i] = EscrowFixtures.parent();
      orders[i] = paidOrder(parents[i], course, 10, 1000, "2026-06-08", "2026-08-20");
    }
    freeze("2026-06-15T02:00:00Z");
    for (int i = 0; i < 5; i++) {
      EscrowFixtures.requestRefund(parents[i], orders[i]).statusCode(201);
    }
    JsonNode surge = riskEvents(institution, 1).get(0);
    assertEquals("REFUND_SURGE", surge.path("data").path("indicator").asText());
    assertEquals(5, surge.path("data").path("value").asInt());
    assertEquals("REL-05", surge.path("data").path("ruleId").asText());
    // the platform tripped it, not the fifth parent: no parent becomes an actor of the institution
    assertEquals("system", surge.path("actorrole").asText());
    assertEquals("system:escrow-monitor", surge.path("actor").asText());
    given()
        .header("Authorization", EscrowFixtures.operator(institution).bearer())
        .get("/api/v1/escrow/risk-indicators")
        .then()
        .statusCode(200)
        .body("items.indicator", hasItem("REFUND_SURGE"));
  }

  @Test
  void rel01AnUnconsumedBalanceWithoutLessonsForThirtyDaysIsStale() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    paidOrder(EscrowFixtures.parent(), course, 10, PRICE, "2026-04-27", "2026-07-10");
    // The watch looks again once 30 days have passed without any lesson activity.
    freeze("2026-05-20T03:00:00Z");
    JsonNode stale = riskEvents(institution, 1).get(0);
    assertEquals("STALE_BALANCE", stale.path("data").path("indicator").asText());
    assertEquals("YELLOW", stale.path("data").path("grade").asText());
    assertEquals(30, stale.path("data").path("value").asInt());
    assertEquals("system", stale.path("actorrole").asText());
  }
}
