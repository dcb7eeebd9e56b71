package cn.anshan.oversight.registry.rest.advertising;

import static cn.anshan.oversight.registry.rest.RegistryFixtures.events;
import static cn.anshan.oversight.registry.rest.RegistryFixtures.freeze;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.anshan.oversight.registry.rest.RegistryFixtures;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ADV-01 over HTTP: reports by parents, school administrators and regulators, the supervising
 * regulator's decision, and repeat offending across the rolling window (default 365 days, threshold
 * 2) on the real broker. The institution is approved in 2025 so that both ends of the window can be
 * reached by freezing the clock.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class AdReportFlowTest {
  static final Tokens REGULATOR = Tokens.user("reg-tiedong").role("regulator").district("tiedong");
  static final Tokens OTHER_REGULATOR =
      Tokens.user("reg-lishan").role("regulator").district("lishan");
  static final Tokens SCHOOL_ADMIN = Tokens.user("school-admin-1").role("school-admin");
  static final Tokens AUDITOR = Tokens.user("auditor-1").role("auditor");

  String institution;
  Tokens operator;
  Tokens parent;

  @BeforeEach
  void approvedInstitution() {
    freeze("2025-09-01T02:00:00Z");
    institution = UUID.randomUUID().toString();
    operator =
        Tokens.user("op-" + institution).role("institution-operator").institution(institution);
    parent = Tokens.user("parent-" + UUID.randomUUID()).role("parent");
    RegistryFixtures.approved(
        operator,
        REGULATOR,
        institution,
        """
            {"name":"Anshan Maths Academy","category":"NON_SUBJECT","subCategory":"SCIENCE_TECH",
             "mode":"OFFLINE","district":"tiedong","legalForm":"BUSINESS",
             "studentStages":["PRIMARY"],"premisesAreaSqm":150,"maxStudentsPerSlot":30,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}""");
  }

  @AfterEach
  void resetClock() {
    RegistryFixtures.unfreeze();
  }

  ValidatableResponse report(Tokens who, String channel, String description) {
    return given()
        .header("Authorization", who.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"institutionId\":\""
                + institution
                + "\",\"channel\":\""
                + channel
                + "\",\"description\":\""
                + description
                + "\"}")
        .post("/api/v1/ad-reports")
        .then();
  }

  String reported(Tokens who) {
    return report(who, "SCHOOL_ITEMS", "logo printed on exercise books")
        .statusCode(201)
        .extract()
        .path("adReportId");
  }

  static ValidatableResponse decide(
      Tokens who, String reportId, String act, String ifMatch, String body) {
    var request = given().header("Authorization", who.bearer()).contentType(ContentType.JSON);
    if (ifMatch != null) {
      request.header("If-Match", "\"" + ifMatch + "\"");
    }
    return request.body(body).post("/api/v1/ad-reports/{id}/" + act, reportId).then();
  }

  static ValidatableResponse confirm(String reportId) {
    return decide(REGULATOR, reportId, "confirmation", "1", "{}").statusCode(200);
  }

  static List<String> types(List<JsonNode> events) {
    return events.stream()
        .map(e -> e.path("type").asText().replace("cn.anshan.oversight.registry.", ""))
        .toList();
  }

  static long repeatOffences(String reportId) {
    return TestInfra.count(
        "select count(*) from outbox_event where aggregateid = ? and type like ?",
        reportId,
        "%AdRepeatOffenceDetected%");
  }

  @Test
  void adv01ReportedConfirmedAndASecondConfirmationAtTheWindowEdgeIsARepeatOffence() {
    freeze("2025-09-16T02:00:00Z");
    String first = reported(SCHOOL_ADMIN);
    confirm(first).header("ETag", "\"2\"").body("confirmedViolationsInWindow", equalTo(1));
    assertEquals(
        List.of("AdViolationReported.v1", "AdViolationConfirmed.v1"), types(events(first, 2)));
    assertEquals(0, repeatOffences(first));

    // Exactly 365 days later the first confirmation is on the window's first day: it counts.
    freeze("2026-09-16T02:00:00Z");
    String second = reported(parent);
    confirm(second)
        .header("ETag", "\"3\"")
        .body("status", equalTo("CONFIRMED"))
        .body("confirmedViolationsInWindow", equalTo(2));
    List<JsonNode> events = events(second, 3);
    assertEquals(
        List.of("AdViolationReported.v1", "AdViolationConfirmed.v1", "AdRepeatOffenceDetected.v1"),
        types(events));
    JsonNode repeat = events.get(2);
    assertEquals("AdReport", repeat.path("aggregatetype").asText());
    assertEquals(3, repeat.path("aggregateversion").asInt());
    assertEquals(institution, repeat.path("data").path("institutionId").asText());
    assertEquals(2, repeat.path("data").path("confirmedViolations").asInt());
    assertEquals("2025-09-16", repeat.path("data").path("windowStart").asText());
    assertEquals("parent", events.get(0).path("actorrole").asText());
    for (JsonNode event : events) {
      assertFalse(event.path("data").toString().contains("exercise books"));
    }
    // Detection informs the regulator; it never sanctions by itself (ENF-01 is a regulator's act).
    assertEquals(
        0, TestInfra.count("select count(*) from sanction where institution_id = ?", institution));
  }

  @Test
  void adv01AConfirmationOneDayOutsideTheWindowDoesNotMakeARepeatOffence() {
    freeze("2025-09-15T02:00:00Z");
    confirm(reported(SCHOOL_ADMIN));
    freeze("2026-09-16T02:00:00Z");
    String second = reported(REGULATOR);
    confirm(second).body("confirmedViolationsInWindow", equalTo(1));
    assertEquals(
        List.of("AdViolationReported.v1", "AdViolationConfirmed.v1"), types(events(second, 2)));
    assertEquals(0, repeatOffences(second));
  }

  @Test
  void adv01DismissedReportsDoNotCountAndAreDecidedOnce() {
    freeze("2026-03-02T02:00:00Z");
    String dismissed = reported(parent);
    decide(REGULATOR, dismissed, "dismissal", "1", "{}").statusCode(400);
    decide(REGULATOR, dismissed, "dismissal", "1", "{\"note\":\"the poster is a museum's\"}")
        .statusCode(200)
        .body("status", equalTo("DISMISSED"));
    decide(REGULATOR, dismissed, "confirmation", "2", "{}").statusCode(409);
    assertEquals(
        List.of("AdViolationReported.v1", "AdViolationDismissed.v1"), types(events(dismissed, 2)));
    String confirmed = reported(parent);
    confirm(confirmed).body("confirmedViolationsInWindow", equalTo(1));
    assertEquals(0, repeatOffences(confirmed));
  }

  @Test
  void onlyTheSupervisingRegulatorDecidesAndOnlyReportersReport() {
    freeze("2026-03-02T02:00:00Z");
    String id = reported(parent);
    report(operator, "NEW_MEDIA", "self report").statusCode(403);
    report(AUDITOR, "NEW_MEDIA", "auditors only read").statusCode(403);
    decide(parent, id, "confirmation", "1", "{}").statusCode(403);
    decide(operator, id, "dismissal", "1", "{\"note\":\"not us\"}").statusCode(403);
    decide(OTHER_REGULATOR, id, "confirmation", "1", "{}").statusCode(404);
    decide(REGULATOR, id, "confirmation", null, "{}").statusCode(428);
    decide(REGULATOR, id, "confirmation", "5", "{}").statusCode(412);
    given().get("/api/v1/ad-reports/{id}", id).then().statusCode(401);
    given()
        .header("Authorization", parent.bearer())
        .get("/api/v1/ad-reports/{id}", id)
        .then()
        .statusCode(200)
        .body("reporterRole", equalTo("parent"))
        .body("$", not(hasKey("reportedBy")));
    Tokens otherParent = Tokens.user("parent-" + UUID.randomUUID()).role("parent");
    given()
        .header("Authorization", otherParent.bearer())
        .get("/api/v1/ad-reports/{id}", id)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", OTHER_REGULATOR.bearer())
        .get("/api/v1/ad-reports/{id}", id)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", AUDITOR.bearer())
        .get("/api/v1/ad-reports/{id}", id)
        .then()
        .statusCode(200);
    given()
        .header("Authorization", REGULATOR.bearer())
        .queryParam("status", "REPORTED")
        .queryParam("limit", 100)
        .get("/api/v1/ad-reports")
        .then()
        .statusCode(200)
        .body("items.adReportId", hasItem(id));
    given()
        .header("Authorization", otherParent.bearer())
        .get("/api/v1/ad-reports")
        .then()
        .statusCode(200)
        .body("items.adReportId", not(hasItem(id)));
  }

  @Test
  void badInputIsRefusedWithNothingStored() {
    report(parent, "SKYWRITING", "a plane").statusCode(400).contentType("application/problem+json");
    report(parent, "NEW_MEDIA", " ")
        .statusCode(400)
        .body("errors.pointer", hasItem("/description"));
    given()
        .header("Authorization", parent.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"institutionId\":\""
                + UUID.randomUUID()
                + "\",\"channel\":\"NEW_MEDIA\",\"description\":\"unknown institution\"}")
        .post("/api/v1/ad-reports")
        .then()
        .statusCode(404);
    assertEquals(
        0, TestInfra.count("select count(*) from ad_report where institution_id = ?", institution));
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from outbox_event where aggregatetype = 'AdReport'"
                + " and payload::text like ?",
            "%" + institution + "%"));
  }
}
