package cn.anshan.oversight.escrow.rest;

import static cn.anshan.oversight.escrow.rest.EscrowFixtures.BANK;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.freeze;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.institutionWithCustody;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.pay;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.readOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 6: a bank reports movements only of the accounts whose filed agreement names it
 * (PRE-10 custody, PRE-12 risk reserve), amounts are bounded (REL-13), and every refusal changes
 * nothing.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class CustodyBankTest {
  static final long PRICE = 7000;
  static final Tokens OTHER_BANK =
      Tokens.user("service-account-other-bank").role("custody-bank").claim("bank_id", "ICBC-AS");
  static final Tokens NO_BANK = Tokens.user("teller-of-no-bank").role("custody-bank");

  @AfterEach
  void resetClock() {
    EscrowFixtures.unfreeze();
  }

  @Test
  void pre10OnlyTheBankTheAgreementNamesReportsPaymentsAndBalances() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    String orderId = EscrowFixtures.placedOrder(parent, course, 10, "2026-04-27", "2026-07-10");
    long amount = 10 * PRICE;

    String foreignRef = "ICBC-" + UUID.randomUUID();
    pay(OTHER_BANK, foreignRef, orderId, amount)
        .statusCode(403)
        .body("rules", hasItem("PRE-10"))
        .body("detail", containsString("bank ICBC-AS may not report"));
    pay(NO_BANK, "NOBANK-" + UUID.randomUUID(), orderId, amount)
        .statusCode(403)
        .body("rules", hasItem("PRE-10"));
    pay(OTHER_BANK, "ICBC-" + UUID.randomUUID(), UUID.randomUUID().toString(), amount)
        .statusCode(404);
    readOrder(parent, orderId).statusCode(200).body("status", equalTo("PLACED"));
    assertEquals(0, movements(institution), "a refused report records nothing");
    assertEquals(0, journalEntries(orderId), "nor moves money");

    String ref = "BOAS-" + UUID.randomUUID();
    pay(BANK, ref, orderId, amount).statusCode(201);
    // the agreement's reference replayed by another bank gets the refusal, not the receipt
    pay(OTHER_BANK, ref, orderId, amount).statusCode(403).body("rules", hasItem("PRE-10"));

    EscrowFixtures.statement(OTHER_BANK, institution, null, amount)
        .statusCode(403)
        .body("rules", hasItem("PRE-10"));
    EscrowFixtures.statement(BANK, institution, null, amount)
        .statusCode(200)
        .body("institutionId", equalTo(institution));
    EscrowFixtures.assertLedgerConsistent();
  }

  @Test
  void pre12AndRel13ReserveDepositsComeFromTheAgreementsBankAndWithinOneMovementsLimit() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    EscrowFixtures.whitelisted(institution);
    EscrowFixtures.setUpReserve(institution, "RR-2").statusCode(201);

    deposit(OTHER_BANK, institution, 5_000_000).statusCode(403).body("rules", hasItem("PRE-12"));
    deposit(BANK, institution, Long.MAX_VALUE)
        .statusCode(400)
        .body("errors[0].pointer", equalTo("/amountFen"))
        .body("errors[0].detail", containsString("REL-13"));
    deposit(BANK, institution, 10_000_000_001L).statusCode(400);
    assertEquals(0, movements(institution), "nothing recorded");
    assertEquals(
        0,
        TestInfra.count(
            "select reserve_fen from supervision where institution_id = ?", institution));

    deposit(BANK, institution, 10_000_000_000L).statusCode(201);
    assertEquals(
        10_000_000_000L,
        TestInfra.count(
            "select reserve_fen from supervision where institution_id = ?", institution));
    EscrowFixtures.assertLedgerConsistent();
  }

  static ValidatableResponse deposit(Tokens bank, String institution, long amountFen) {
    return given()
        .header("Authorization", bank.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"bankRef\":\"DEP-"
                + UUID.randomUUID()
                + "\",\"institutionId\":\""
                + institution
                + "\",\"amountFen\":"
                + amountFen
                + "}")
        .post("/api/v1/escrow/bank/risk-reserve-deposits")
        .then();
  }

  static long movements(String institution) {
    return TestInfra.count(
        "select count(*) from bank_movement where institution_id = ?", institution);
  }

  static long journalEntries(String orderId) {
    return TestInfra.count(
        "select count(*) from journal_entry where order_id = cast(? as uuid)", orderId);
  }
}
