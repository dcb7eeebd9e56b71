package cn.anshan.oversight.enrolment.rest;

import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.events;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.get;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.post;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.postIfMatch;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.ParkedRecords;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Charges over HTTP (LN-ASV-03, LN-ASV-06, §8.3, §11 row 20): only at the fee published by
 * fee-approval (FeePublished on the real broker here), 0 for exempt children, refunds on
 * withdrawal. The refund granularity is the default DAY.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ChargeFlowTest {
  String school;
  Tokens admin;
  Tokens parent;
  String programme;
  String child;
  String enrolment;

  @BeforeEach
  void enrolled() {
    EnrolmentFixtures.freeze("2026-09-01T01:00:00Z");
    school = EnrolmentFixtures.newSchool();
    admin = EnrolmentFixtures.schoolAdmin(school);
    parent = EnrolmentFixtures.parent();
    programme = EnrolmentFixtures.agreedProgramme(admin, school);
    child = EnrolmentFixtures.child(parent, school, 3);
    enrolment = EnrolmentFixtures.enrol(parent, child, programme);
  }

  @AfterEach
  void resetClock() {
    EnrolmentFixtures.unfreeze();
  }

  ValidatableResponse run(String month) {
    return post(
        admin, "/api/v1/programmes/" + programme + "/charge-runs", "{\"month\":\"" + month + "\"}");
  }

  long charges() {
    return TestInfra.count(
        "select count(*) from charge where programme_id = ?", UUID.fromString(programme));
  }

  void feePublished(long fen, int revision) {
    EnrolmentFixtures.publishFee(EnrolmentFixtures.feePublished(school, fen, revision));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from published_fee where school_id = ? and term_id = ?"
                            + " and revision = ?",
                        school,
                        EnrolmentFixtures.TERM,
                        revision)
                    == 1);
  }

  @Test
  @DisplayName("LN-ASV-06: nothing is charged before FeePublished; after it, the published fee")
  void lnAsv06NoChargeBeforePublication() {
    run("2026-09")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://oversight.anshan.gov.cn/problems/rules/LN-ASV-06"))
        .body("detail", containsString("before publication"));
    assertEquals(0, charges());

    feePublished(15_000, 1);
    String chargeId =
        run("2026-09")
            .statusCode(201)
            .body("periodStart", equalTo("2026-09-01"))
            .body("periodEnd", equalTo("2026-09-30"))
            .body("feeFenPerMonth", equalTo(15_000))
            .body("charges", hasSize(1))
            .body("charges[0].amountFen", equalTo(15_000))
            .body("charges[0].exemptCategory", nullValue())
            .extract()
            .path("charges[0].chargeId");
    run("2026-09").statusCode(201).body("charges", empty());
    assertEquals(1, charges());

    JsonNode issued = events(chargeId, 1).get(0);
    assertEquals("cn.anshan.oversight.enrolment.AsvChargeIssued.v2", issued.path("type").asText());
    assertEquals(15_000, issued.path("data").path("amountFen").asLong());
    assertFalse(issued.path("data").path("exempt").asBoolean());
    assertEquals(child, issued.path("data").path("childId").asText());

    // §8.3: never across terms.
    run("2027-02").statusCode(422).body("rules", hasItem("LN-ASV-03"));
    // A higher revision supersedes the earlier fee for later months.
    feePublished(12_000, 2);
    run("2026-10").statusCode(201).body("charges[0].amountFen", equalTo(12_000));
    get(parent, "/api/v1/enrolments/" + enrolment + "/charges")
        .statusCode(200)
        .body("amountFen", equalTo(List.of(15_000, 12_000)));
    get(EnrolmentFixtures.parent(), "/api/v1/enrolments/" + enrolment + "/charges").statusCode(404);
  }

  @Test
  @DisplayName(
      "LN-ASV-05: a senior-high fee of 280 yuan approved above the general 200-yuan cap is"
          + " charged exactly as published")
  void lnAsv05PublishedFeeAboveTheGeneralCapIsCharged() {
    feePublished(28_000, 1);
    String chargeId =
        run("2026-09")
            .statusCode(201)
            .body("feeFenPerMonth", equalTo(28_000))
            .body("charges", hasSize(1))
            .body("charges[0].amountFen", equalTo(28_000))
            .extract()
            .path("charges[0].chargeId");
    assertEquals(1, charges());
    assertEquals(28_000, events(chargeId, 1).get(0).path("data").path("amountFen").asLong());
    // the highest level cap (grade 12 / boarding, 470 yuan) is charged too
    feePublished(47_000, 2);
    run("2026-10").statusCode(201).body("charges[0].amountFen", equalTo(47_000));
  }

  @Test
  @DisplayName(
      "LN-ASV-05: a published fee above the highest level cap (470 yuan) is suspect; nothing is"
          + " charged")
  void lnAsv05PublishedFeeAboveTheSanityCeilingChargesNothing() {
    feePublished(47_001, 1);
    run("2026-09")
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://oversight.anshan.gov.cn/problems/rules/LN-ASV-05"))
        .body("detail", containsString("47000 fen"));
    assertEquals(0, charges());
  }

  @Test
  @DisplayName(
      "A FeePublished that does not fit enrolment's record (no school, a negative fee) is parked,"
          + " nothing is learned from it, and the next is read")
  void feePublishedThatDoesNotFitIsParked() {
    // revision 3: had the negative fee been learned, the valid revision 2 after it would be ignored
    ObjectNode noSchool = EnrolmentFixtures.feePublished(school, 15_000, 3);
    ((ObjectNode) noSchool.get("data")).remove("schoolId");
    ObjectNode negative = EnrolmentFixtures.feePublished(school, 15_000, 3);
    ((ObjectNode) negative.get("data")).put("feeFenPerMonth", -1);
    EnrolmentFixtures.publishFee(noSchool);
    EnrolmentFixtures.publishFee(negative);
    feePublished(12_000, 2);

    assertTrue(
        ParkedRecords.await(
                "enrolment-fee", noSchool.path("aggregateid").asText(), Duration.ofSeconds(30))
            .contains("data does not fit FeePublished"));
    assertTrue(
        ParkedRecords.await(
                "enrolment-fee", negative.path("aggregateid").asText(), Duration.ofSeconds(30))
            .contains("feeFenPerMonth is negative"));
    run("2026-09").statusCode(201).body("charges[0].amountFen", equalTo(12_000));
  }

  @Test
  @DisplayName("LN-ASV-06: a child whose exemption the school granted is charged 0")
  void lnAsv06ExemptChildChargedZero() {
    post(
            parent,
            "/api/v1/children/" + child + "/exemptions",
            "{\"category\":\"ORPHAN\",\"evidenceRef\":\"doc-1\"}")
        .statusCode(422)
        .body("rules", hasItem("LN-ASV-06"));
    String exemption =
        post(
                parent,
                "/api/v1/children/" + child + "/exemptions",
                "{\"category\":\"DISABLED\",\"evidenceRef\":\"残疾证 scan ref 2026-0915\"}")
            .statusCode(201)
            .body("status", equalTo("CLAIMED"))
            .extract()
            .path("exemptionId");
    postIfMatch(
            EnrolmentFixtures.schoolAdmin(EnrolmentFixtures.newSchool()),
            "/api/v1/exemptions/" + exemption + "/grant",
            "1",
            "")
        .statusCode(404);
    postIfMatch(admin, "/api/v1/exemptions/" + exemption + "/grant", "1", "")
        .statusCode(200)
        .body("status", equalTo("GRANTED"));
    feePublished(15_000, 1);
    String charge =
        run("2026-09")
            .statusCode(201)
            .body("charges[0].amountFen", equalTo(0))
            .body("charges[0].exemptCategory", equalTo("DISABLED"))
            .extract()
            .path("charges[0].chargeId");
    JsonNode issued = events(charge, 1).get(0);
    assertEquals("cn.anshan.oversight.enrolment.AsvChargeIssued.v2", issued.path("type").asText());
    assertTrue(issued.path("data").path("exempt").asBoolean());
    assertFalse(issued.toString().contains("DISABLED"), issued.toString());
    List<JsonNode> events = events(exemption, 2);
    assertEquals(
        "cn.anshan.oversight.enrolment.ExemptionGranted.v2", events.get(1).path("type").asText());
    assertEquals("LN-ASV-06", events.get(1).path("data").path("ruleId").asText());
    // issue 18 item 7: the category (a disability) never leaves enrolment
    for (JsonNode e : events) {
      assertFalse(e.toString().contains("DISABLED"), e.toString());
    }
  }

  @Test
  @DisplayName("§8.3 DAY: withdrawal effective mid-September refunds the unused half")
  void withdrawalRefundsProRata() {
    feePublished(15_000, 1);
    String chargeId = run("2026-09").statusCode(201).extract().path("charges[0].chargeId");
    postIfMatch(
            parent,
            "/api/v1/enrolments/" + enrolment + "/withdrawal",
            "2",
            "{\"effectiveDate\":\"2026-09-16\"}")
        .statusCode(200);
    get(parent, "/api/v1/enrolments/" + enrolment + "/charges")
        .statusCode(200)
        .body("[0].refundedFen", equalTo(7_500));
    List<JsonNode> events = events(chargeId, 2);
    JsonNode refund = events.get(1);
    assertEquals("cn.anshan.oversight.enrolment.AsvRefundIssued.v1", refund.path("type").asText());
    assertEquals(7_500, refund.path("data").path("refundFen").asLong());
    assertEquals("DAY", refund.path("data").path("granularity").asText());
    // October: the withdrawn child is no longer charged.
    run("2026-10").statusCode(201).body("charges", empty());
  }

  @Test
  @DisplayName(
      "LN-ASV-06: an exemption granted mid-term refunds the term's earlier charges in full;"
          + " a closed term stays as charged")
  void lnAsv06ExemptionGrantedLaterRefundsTheOpenTermsCharges() {
    // Spring term: enrolled and charged, over before the exemption is granted.
    EnrolmentFixtures.freeze("2026-03-02T01:00:00Z");
    String spring =
        post(
                admin,
                "/api/v1/programmes",
                EnrolmentFixtures.programmeJson("15:30", "17:30", EnrolmentFixtures.WEEKDAYS)
                    .replace("2026-autumn", "2026-spring")
                    .replace("2026-09-01", "2026-03-02")
                    .replace("2027-01-15", "2026-07-10"))
            .statusCode(201)
            .extract()
            .path("programmeId");
    EnrolmentFixtures.agree(school, spring);
    String springEnrolment = EnrolmentFixtures.enrol(parent, child, spring);
    EnrolmentFixtures.publishFee(
        EnrolmentFixtures.feePublished(
            school, "2026-spring", "2026-03-02", "2026-07-10", 15_000, 1));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from published_fee where school_id = ? and term_id = ?",
                        school,
                        "2026-spring")
                    == 1);
    int springAmount =
        post(admin, "/api/v1/programmes/" + spring + "/charge-runs", "{\"month\":\"2026-03\"}")
            .statusCode(201)
            .extract()
            .path("charges[0].amountFen");

    // Autumn term: September and October charged, then the exemption is granted on 10 September.
    EnrolmentFixtures.freeze("2026-09-10T01:00:00Z");
    feePublished(15_000, 1);
    String september = run("2026-09").statusCode(201).extract().path("charges[0].chargeId");
    run("2026-10").statusCode(201).body("charges[0].amountFen", equalTo(15_000));
    String exemption =
        post(
                parent,
                "/api/v1/children/" + child + "/exemptions",
                "{\"category\":\"EXTREME_POVERTY\",\"evidenceRef\":\"civil-affairs ref 88\"}")
            .statusCode(201)
            .extract()
            .path("exemptionId");
    postIfMatch(admin, "/api/v1/exemptions/" + exemption + "/grant", "1", "")
        .statusCode(200)
        .body("status", equalTo("GRANTED"));

    get(parent, "/api/v1/enrolments/" + enrolment + "/charges")
        .statusCode(200)
        .body("amountFen", equalTo(List.of(15_000, 15_000)))
        .body("refundedFen", equalTo(List.of(15_000, 15_000)));
    get(parent, "/api/v1/enrolments/" + springEnrolment + "/charges")
        .statusCode(200)
        .body("amountFen", equalTo(List.of(springAmount)))
        .body("refundedFen", equalTo(List.of(0)));
    JsonNode refund = events(september, 2).get(1);
    assertEquals("cn.anshan.oversight.enrolment.AsvRefundIssued.v1", refund.path("type").asText());
    assertEquals("EXEMPTION", refund.path("data").path("reason").asText());
    assertEquals(exemption, refund.path("data").path("exemptionId").asText());
    assertEquals(15_000, refund.path("data").path("refundFen").asLong());
    assertEquals(15_000, refund.path("data").path("refundedTotalFen").asLong());
    assertEquals("2026-09-10", refund.path("data").path("effectiveDate").asText());
    assertEquals(admin.subject(), refund.path("actor").asText());

    // Later months of the term are charged 0, and a withdrawal has nothing left to refund.
    run("2026-11")
        .statusCode(201)
        .body("charges[0].amountFen", equalTo(0))
        .body("charges[0].exemptCategory", equalTo("EXTREME_POVERTY"));
    postIfMatch(
            parent,
            "/api/v1/enrolments/" + enrolment + "/withdrawal",
            "2",
            "{\"effectiveDate\":\"2026-09-20\"}")
        .statusCode(200);
    get(parent, "/api/v1/enrolments/" + enrolment + "/charges")
        .statusCode(200)
        .body("refundedFen", equalTo(List.of(15_000, 15_000, 0)));
  }

  @Test
  @DisplayName("LN-ASV-06: a rejected exemption refunds nothing")
  void lnAsv06RejectedExemptionRefundsNothing() {
    feePublished(15_000, 1);
    run("2026-09").statusCode(201);
    String exemption =
        post(
                parent,
                "/api/v1/children/" + child + "/exemptions",
                "{\"category\":\"DISABLED\",\"evidenceRef\":\"doc-2\"}")
            .statusCode(201)
            .extract()
            .path("exemptionId");
    postIfMatch(admin, "/api/v1/exemptions/" + exemption + "/rejection", "1", "")
        .statusCode(200)
        .body("status", equalTo("REJECTED"));
    postIfMatch(admin, "/api/v1/exemptions/" + exemption + "/grant", "2", "").statusCode(409);
    get(parent, "/api/v1/enrolments/" + enrolment + "/charges")
        .statusCode(200)
        .body("refundedFen", equalTo(List.of(0)));
    run("2026-10").statusCode(201).body("charges[0].amountFen", equalTo(15_000));
  }
}
