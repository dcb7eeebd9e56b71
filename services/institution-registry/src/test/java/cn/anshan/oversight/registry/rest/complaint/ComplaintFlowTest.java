package cn.anshan.oversight.registry.rest.complaint;

import static cn.anshan.oversight.registry.rest.RegistryFixtures.events;
import static cn.anshan.oversight.registry.rest.RegistryFixtures.freeze;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.anshan.oversight.registry.rest.RegistryFixtures;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Complaints over HTTP (PLT-03, PLT-04, §11 row 14): who may file, answer, close and read which
 * complaint, and the events on the real broker. Filing is frozen on Fri 2026-09-25, the Mid-Autumn
 * holiday, so the SLA deadline crosses National Day.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ComplaintFlowTest {
  static final String TOPIC = "oversight.registry.events";
  static final Tokens REGULATOR = Tokens.user("reg-tiedong").role("regulator").district("tiedong");
  static final Tokens OTHER_REGULATOR =
      Tokens.user("reg-lishan").role("regulator").district("lishan");
  static final Tokens AUDITOR = Tokens.user("auditor-1").role("auditor");

  String institution;
  Tokens operator;
  Tokens parent;
  Tokens otherParent;

  @BeforeEach
  void approvedInstitution() {
    freeze("2026-09-25T02:00:00Z");
    institution = UUID.randomUUID().toString();
    operator =
        Tokens.user("op-" + institution).role("institution-operator").institution(institution);
    parent = Tokens.user("parent-" + UUID.randomUUID()).role("parent");
    otherParent = Tokens.user("parent-" + UUID.randomUUID()).role("parent");
    RegistryFixtures.approved(
        operator,
        REGULATOR,
        institution,
        """
            {"name":"Anshan Chess Club","category":"NON_SUBJECT","subCategory":"CULTURE_ART",
             "mode":"OFFLINE","district":"tiedong","legalForm":"BUSINESS",
             "studentStages":["PRIMARY"],"premisesAreaSqm":150,"maxStudentsPerSlot":30,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}""");
  }

  @AfterEach
  void resetClock() {
    RegistryFixtures.unfreeze();
  }

  ValidatableResponse file(Tokens who, String category, String description) {
    return given()
        .header("Authorization", who.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"institutionId\":\""
                + institution
                + "\",\"category\":\""
                + category
                + "\",\"description\":\""
                + description
                + "\"}")
        .post("/api/v1/complaints")
        .then();
  }

  String filed(String category) {
    return file(parent, category, "charged for 80 hours at once")
        .statusCode(201)
        .extract()
        .path("complaintId");
  }

  static ValidatableResponse command(Tokens who, String path, String ifMatch, String body) {
    var request = given().header("Authorization", who.bearer()).contentType(ContentType.JSON);
    if (ifMatch != null) {
      request.header("If-Match", "\"" + ifMatch + "\"");
    }
    return request.body(body).post("/api/v1/complaints" + path).then();
  }

  static ValidatableResponse read(Tokens who, String complaintId) {
    return given()
        .header("Authorization", who.bearer())
        .get("/api/v1/complaints/{id}", complaintId)
        .then();
  }

  long complaintsStored() {
    return TestInfra.count("select count(*) from complaint where institution_id = ?", institution);
  }

  @Test
  void plt03FiledPlt04AnsweredThenClosedWithEventsCarryingNoTextOrParent() {
    String id =
        file(parent, "FEE", "charged for 80 hours at once")
            .statusCode(201)
            .header("ETag", "\"1\"")
            .header("Location", containsString("/api/v1/complaints/"))
            .body("status", equalTo("FILED"))
            .body("answerDueBy", equalTo("2026-10-09"))
            .body("routedTo", nullValue())
            .body("filedBy", equalTo(parent.subject()))
            .extract()
            .path("complaintId");

    read(operator, id)
        .statusCode(200)
        .body("description", equalTo("charged for 80 hours at once"))
        .body("$", not(hasKey("filedBy")));
    command(operator, "/" + id + "/answer", "1", "{\"answer\":\"refunded the excess on Monday\"}")
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("status", equalTo("ANSWERED"))
        .body("$", not(hasKey("filedBy")));
    command(REGULATOR, "/" + id + "/closure", "2", "{\"outcome\":\"UPHELD\",\"note\":\"verified\"}")
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("status", equalTo("CLOSED"))
        .body("outcome", equalTo("UPHELD"));
    read(parent, id).statusCode(200).body("answer", equalTo("refunded the excess on Monday"));
    read(AUDITOR, id).statusCode(200);

    List<JsonNode> events = events(id, 3);
    assertEquals(
        List.of(
            "cn.anshan.oversight.registry.ComplaintFiled.v1",
            "cn.anshan.oversight.registry.ComplaintAnswered.v1",
            "cn.anshan.oversight.registry.ComplaintClosed.v1"),
        events.stream().map(e -> e.path("type").asText()).toList());
    JsonNode filed = events.get(0);
    assertEquals("Complaint", filed.path("aggregatetype").asText());
    assertEquals("tiedong", filed.path("district").asText());
    assertEquals(parent.subject(), filed.path("actor").asText());
    assertEquals("FEE", filed.path("data").path("category").asText());
    assertEquals("2026-10-09", filed.path("data").path("answerDueBy").asText());
    for (JsonNode event : events) {
      String data = event.path("data").toString();
      assertFalse(data.contains("80 hours"), data);
      assertFalse(data.contains("refunded"), data);
      assertFalse(data.contains("verified"), data);
      assertFalse(data.contains(parent.subject()), data);
    }
    assertEquals("UPHELD", events.get(2).path("data").path("outcome").asText());
  }

  @Test
  void plt03AdComplaintsAreRoutedToTheMarketRegulator() {
    String id =
        file(parent, "AD", "leaflets handed out at the school gate")
            .statusCode(201)
            .body("routedTo", equalTo("MARKET_REGULATOR"))
            .extract()
            .path("complaintId");
    JsonNode filed = events(id, 1).get(0);
    assertEquals("MARKET_REGULATOR", filed.path("data").path("routedTo").asText());
  }

  @Test
  void aParentSeesOnlyOwnComplaintsAnotherParentsIs404() {
    String id = filed("REFUND");
    read(otherParent, id).statusCode(404);
    given()
        .header("Authorization", otherParent.bearer())
        .get("/api/v1/complaints")
        .then()
        .statusCode(200)
        .body("items.complaintId", not(hasItem(id)));
    given()
        .header("Authorization", parent.bearer())
        .get("/api/v1/complaints")
        .then()
        .statusCode(200)
        .body("items.complaintId", contains(id));
  }

  @Test
  void operatorsAndRegulatorsSeeOnlyTheirOwnInstitutionOrDistrict() {
    String id = filed("SAFETY");
    Tokens otherOperator =
        Tokens.user("op-other")
            .role("institution-operator")
            .institution(UUID.randomUUID().toString());
    read(otherOperator, id).statusCode(404);
    command(otherOperator, "/" + id + "/answer", "1", "{\"answer\":\"not ours\"}").statusCode(404);
    read(OTHER_REGULATOR, id).statusCode(404);
    command(OTHER_REGULATOR, "/" + id + "/closure", "1", "{\"outcome\":\"NOT_UPHELD\"}")
        .statusCode(404);
    given()
        .header("Authorization", operator.bearer())
        .get("/api/v1/complaints")
        .then()
        .statusCode(200)
        .body("items.complaintId", contains(id))
        .body("items[0]", not(hasKey("filedBy")));
    given()
        .header("Authorization", REGULATOR.bearer())
        .queryParam("status", "FILED")
        .queryParam("limit", 100)
        .get("/api/v1/complaints")
        .then()
        .statusCode(200)
        .body("items.complaintId", hasItem(id));
    given()
        .header("Authorization", OTHER_REGULATOR.bearer())
        .queryParam("limit", 100)
        .get("/api/v1/complaints")
        .then()
        .statusCode(200)
        .body("items.complaintId", not(hasItem(id)));
    read(REGULATOR, id).statusCode(200).body("filedBy", equalTo(parent.subject()));
  }

  @Test
  void wrongRolesAre403AndNoTokenIs401() {
    String id = filed("OTHER");
    file(operator, "FEE", "self-complaint").statusCode(403);
    file(REGULATOR, "FEE", "regulators do not file").statusCode(403);
    command(parent, "/" + id + "/answer", "1", "{\"answer\":\"x\"}").statusCode(403);
    command(operator, "/" + id + "/closure", "1", "{\"outcome\":\"UPHELD\"}").statusCode(403);
    read(Tokens.user("school-1").role("school-admin"), id).statusCode(403);
    given().get("/api/v1/complaints/{id}", id).then().statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"institutionId\":\""
                + institution
                + "\",\"category\":\"FEE\",\"description\":\"x\"}")
        .post("/api/v1/complaints")
        .then()
        .statusCode(401);
    assertEquals(1, complaintsStored());
  }

  @Test
  void badInputIsRefusedWithNothingStored() {
    given()
        .header("Authorization", parent.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"institutionId\":\""
                + institution
                + "\",\"category\":\"NOISE\",\"description\":\"x\"}")
        .post("/api/v1/complaints")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .header("Authorization", parent.bearer())
        .contentType(ContentType.JSON)
        .body("{\"institutionId\":\"" + institution + "\",\"description\":\" \"}")
        .post("/api/v1/complaints")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.pointer", hasItem("/category"))
        .body("errors.pointer", hasItem("/description"));
    given()
        .header("Authorization", parent.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"institutionId\":\""
                + UUID.randomUUID()
                + "\",\"category\":\"FEE\",\"description\":\"unknown institution\"}")
        .post("/api/v1/complaints")
        .then()
        .statusCode(404);
    assertEquals(0, complaintsStored());
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from outbox_event where aggregatetype = 'Complaint'"
                + " and payload::text like ?",
            "%" + institution + "%"));
  }

  @Test
  void answersNeedIfMatchAndComeOnlyOnce() {
    String id = filed("FEE");
    command(operator, "/" + id + "/answer", null, "{\"answer\":\"x\"}").statusCode(428);
    command(operator, "/" + id + "/answer", "7", "{\"answer\":\"x\"}").statusCode(412);
    command(operator, "/" + id + "/answer", "1", "{\"answer\":\" \"}").statusCode(400);
    command(operator, "/" + id + "/answer", "1", "{\"answer\":\"refunded\"}").statusCode(200);
    command(operator, "/" + id + "/answer", "2", "{\"answer\":\"again\"}").statusCode(409);
    command(REGULATOR, "/" + id + "/closure", "2", "{\"outcome\":\"SOMETIMES\"}").statusCode(400);
    command(REGULATOR, "/" + id + "/closure", "2", "{\"outcome\":\"WITHDRAWN\"}").statusCode(200);
    command(REGULATOR, "/" + id + "/closure", "3", "{\"outcome\":\"UPHELD\"}").statusCode(409);
    read(parent, id).statusCode(200).body("answer", equalTo("refunded")).header("ETag", "\"3\"");
  }

  @Test
  void listsArePagedWithAKeysetCursor() {
    // Distinct filing instants so the order is by time, not by the random id tie-breaker.
    String first = filed("FEE");
    freeze("2026-09-25T02:00:01Z");
    String second = filed("REFUND");
    freeze("2026-09-25T02:00:02Z");
    String third = filed("OTHER");
    String next =
        given()
            .header("Authorization", parent.bearer())
            .queryParam("limit", 2)
            .get("/api/v1/complaints")
            .then()
            .statusCode(200)
            .body("items.complaintId", contains(first, second))
            .body("next", notNullValue())
            .extract()
            .path("next");
    given()
        .header("Authorization", parent.bearer())
        .queryParam("limit", 2)
        .queryParam("cursor", next)
        .get("/api/v1/complaints")
        .then()
        .statusCode(200)
        .body("items.complaintId", contains(third))
        .body("next", nullValue());
    given()
        .header("Authorization", parent.bearer())
        .queryParam("cursor", "not-a-cursor")
        .get("/api/v1/complaints")
        .then()
        .statusCode(400);
  }

  @Test
  void plt04UnansweredComplaintIsReportedOnceTheDayAfterItsDeadline() {
    String complaintId = filed("REFUND");
    // Filed Fri 25 Sep 2026: 5 working days after the Mid-Autumn and National Day holidays is
    // Fri 9 Oct; 16:30 UTC on 9 Oct is already 10 Oct in Anshan.
    freeze("2026-10-09T15:00:00Z");
    // The watch runs every second in tests: three seconds without a second event is enough.
    assertEquals(1, quietly(complaintId, 2));
    freeze("2026-10-09T16:30:00Z");
    List<JsonNode> events = events(complaintId, 2);
    assertEquals(
        "cn.anshan.oversight.registry.ComplaintAnswerOverdue.v1",
        events.get(1).path("type").asText());
    assertEquals("system", events.get(1).path("actorrole").asText());
    assertEquals(2, quietly(complaintId, 3));
  }

  static int quietly(String key, int atMost) {
    return KafkaRecords.await(TOPIC, r -> key.equals(r.key()), atMost, Duration.ofSeconds(3))
        .size();
  }
}
