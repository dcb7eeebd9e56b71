package cn.anshan.oversight.registry.rest.unlicensed;

import static cn.anshan.oversight.registry.rest.RegistryFixtures.events;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 1 over HTTP: a regulator records an operator that trains without approval, assesses
 * it against the ENF-02 test with evidence and sanctions it under ENF-02 or ENF-03; the first
 * sanction black-lists it, and anyone finds it by name without a token (PLT-12).
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class UnlicensedOperatorFlowTest {
  static final String PATH = "/api/v1/unlicensed-operators";
  static final Tokens REGULATOR = Tokens.user("reg-tiedong").role("regulator").district("tiedong");
  static final Tokens OTHER_REGULATOR =
      Tokens.user("reg-lishan").role("regulator").district("lishan");
  static final Tokens AUDITOR = Tokens.user("auditor-1").role("auditor");
  static final Tokens PARENT = Tokens.user("parent-" + UUID.randomUUID()).role("parent");

  static final String ALL_THREE_PARTS =
      """
      {"venueOrOnline":true,"venueEvidence":"inspection 2026-113, photos 1-4",
       "staffCount":3,"staffEvidence":"inspection 2026-113, staff interviews",
       "organised":true,"organisationEvidence":"duty roster on the wall, photo 5",
       "subjectTraining":true,"trainingEvidence":"maths worksheets, photo 6"}""";

  static final String ONE_TUTOR_TEACHING_MATHS =
      """
      {"venueOrOnline":true,"venueEvidence":"flat 3-2-401, photo 1",
       "staffCount":1,"staffEvidence":"one tutor found",
       "organised":false,"subjectTraining":true,"trainingEvidence":"grade 5 maths textbook"}""";

  String name;

  @BeforeEach
  void uniqueName() {
    name = "Star Maths Studio " + UUID.randomUUID();
  }

  static ValidatableResponse post(Tokens who, String path, String ifMatch, String body) {
    var request = given().header("Authorization", who.bearer()).contentType(ContentType.JSON);
    if (ifMatch != null) {
      request.header("If-Match", "\"" + ifMatch + "\"");
    }
    return request.body(body).post(PATH + path).then();
  }

  static ValidatableResponse read(Tokens who, String operatorId) {
    return given().header("Authorization", who.bearer()).get(PATH + "/{id}", operatorId).then();
  }

  static ValidatableResponse lookUp(String text) {
    return given().queryParam("name", text).get("/api/v1/public/operators").then();
  }

  /** A parent's complaint about an operator the register does not list, in that district. */
  ValidatableResponse complainAbout(String district) {
    return given()
        .header("Authorization", PARENT.bearer())
        .contentType(ContentType.JSON)
        .body(
            """
            {"operator":{"name":"%s","district":"%s","address":"3-2-401 Sheng Li Road"},
             "category":"SUBJECT_DISGUISED","description":"maths lessons every Sunday in a flat"}"""
                .formatted(name, district))
        .post("/api/v1/complaints")
        .then();
  }

  static String district(Tokens regulator) {
    return regulator == REGULATOR ? "tiedong" : "lishan";
  }

  /** Recorded by the district's regulator from a parent's complaint about it. */
  String recorded(Tokens regulator) {
    String complaintId =
        complainAbout(district(regulator)).statusCode(201).extract().path("complaintId");
    return record(regulator, complaintId).statusCode(201).extract().path("operatorId");
  }

  ValidatableResponse record(Tokens regulator, String complaintId) {
    return post(
        regulator,
        "",
        null,
        "{\"name\":\""
            + name
            + "\",\"address\":\"3-2-401 Sheng Li Road\",\"discoveredThrough\":\"COMPLAINT\","
            + "\"sourceReference\":\""
            + complaintId
            + "\"}");
  }

  static String sanction(String type, Long fine, Long gains, String referredTo) {
    return "{\"type\":\""
        + type
        + "\",\"fineFen\":"
        + fine
        + ",\"illegalGainsFen\":"
        + gains
        + ",\"referredTo\":"
        + (referredTo == null ? "null" : "\"" + referredTo + "\"")
        + ",\"detail\":\"decision 2026-88\"}";
  }

  static long sanctionsOf(String operatorId) {
    return TestInfra.count(
        "select count(*) from unlicensed_operator_sanction where operator_id = ?::uuid",
        operatorId);
  }

  @Test
  void enf02RecordedAssessedSanctionedThenBlacklistedAndFoundByNameWithoutAToken() {
    String id = recorded(REGULATOR);
    read(REGULATOR, id)
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("district", equalTo("tiedong"))
        .body("listStatus", equalTo("NONE"))
        .body("finding", nullValue());
    // a record alone is a suspicion: not public
    lookUp(name).statusCode(200).body("$", hasSize(0));

    post(REGULATOR, "/" + id + "/assessment", "1", ALL_THREE_PARTS)
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("finding", equalTo("UNLICENSED_INSTITUTION"))
        .body("test.staffCount", equalTo(3))
        .body("test.venueEvidence", equalTo("inspection 2026-113, photos 1-4"));

    // ENF-02: the fine is 1-5 times the illegal gains; an ENF-03 outcome is not an ENF-02 one
    post(REGULATOR, "/" + id + "/sanctions", "2", sanction("FINE", 600_001L, 120_000L, null))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("violations.rule", contains("ENF-02"))
        .body("violations[0].detail", containsString("120000–600000 fen"));
    post(REGULATOR, "/" + id + "/sanctions", "2", sanction("ORDER_TO_CORRECT", null, null, null))
        .statusCode(422)
        .body("violations.rule", contains("ENF-02"));
    assertEquals(0, sanctionsOf(id), "a refused sanction changes nothing");
    lookUp(name).statusCode(200).body("$", hasSize(0));

    post(REGULATOR, "/" + id + "/sanctions", "2", sanction("ORDER_TO_STOP", null, null, null))
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("listStatus", equalTo("BLACK"))
        .body("sanctions.type", contains("ORDER_TO_STOP"));
    post(REGULATOR, "/" + id + "/sanctions", "3", sanction("FINE", 600_000L, 120_000L, null))
        .statusCode(200)
        .body("sanctions.ruleId", contains("ENF-02", "ENF-02"))
        .body("sanctions[1].fineFen", equalTo(600_000));
    post(REGULATOR, "/" + id + "/assessment", "4", ONE_TUTOR_TEACHING_MATHS)
        .statusCode(409)
        .body("type", containsString("operator-sanctioned"));

    // PLT-12: anyone finds it by part of its name, case-insensitively; public facts only
    lookUp(name.substring(5).toUpperCase())
        .statusCode(200)
        .header("Cache-Control", containsString("public"))
        .body("$", hasSize(1))
        .body("[0].kind", equalTo("UNLICENSED_OPERATOR"))
        .body("[0].id", equalTo(id))
        .body("[0].listStatus", equalTo("BLACK"))
        .body("[0].ruleId", equalTo("ENF-02"))
        .body("[0]", not(hasKey("address")));

    List<JsonNode> events = events(id, 4);
    assertEquals(
        List.of(
            "cn.anshan.oversight.registry.UnlicensedOperatorRecorded.v1",
            "cn.anshan.oversight.registry.UnlicensedOperatorAssessed.v1",
            "cn.anshan.oversight.registry.UnlicensedOperatorSanctioned.v1",
            "cn.anshan.oversight.registry.UnlicensedOperatorSanctioned.v1"),
        events.stream().map(e -> e.get("type").asText()).toList());
    assertEquals("ENF-02", events.get(1).at("/data/ruleId").asText());
    assertEquals("BLACK", events.get(2).at("/data/listStatus").asText());
    assertEquals(REGULATOR.subject(), events.get(2).get("actor").asText());
    for (JsonNode event : events) {
      String raw = event.toString();
      assertFalse(raw.contains("Star Maths"), "the operator's name stays in the registry: " + raw);
      assertFalse(raw.contains("Sheng Li"), "the address stays in the registry: " + raw);
      assertFalse(raw.contains("photo"), "the evidence stays in the registry: " + raw);
    }
  }

  @Test
  void enf03DisguisedSubjectTrainingShortOfTheTestGetsItsOwnOutcomesAndCappedFine() {
    String id = recorded(REGULATOR);
    post(REGULATOR, "/" + id + "/assessment", "1", ONE_TUTOR_TEACHING_MATHS)
        .statusCode(200)
        .body("finding", equalTo("DISGUISED_TRAINING"));
    post(REGULATOR, "/" + id + "/sanctions", "2", sanction("ORDER_TO_STOP", null, null, null))
        .statusCode(422)
        .body("violations.rule", contains("ENF-03"));
    post(REGULATOR, "/" + id + "/sanctions", "2", sanction("FINE", 5_000_001L, null, null))
        .statusCode(422)
        .body("violations.rule", contains("ENF-03"))
        .body("violations[0].detail", containsString("at most 5000000 fen"));
    post(REGULATOR, "/" + id + "/sanctions", "2", sanction("REFERRAL", null, null, null))
        .statusCode(422)
        .body("violations.rule", contains("ENF-03"));
    assertEquals(0, sanctionsOf(id));
    post(REGULATOR, "/" + id + "/sanctions", "2", sanction("WARNING", null, null, null))
        .statusCode(200)
        .body("listStatus", equalTo("BLACK"));
    post(REGULATOR, "/" + id + "/sanctions", "3", sanction("FINE", 5_000_000L, null, null))
        .statusCode(200)
        .body("sanctions.ruleId", contains("ENF-03", "ENF-03"));
    lookUp(name).statusCode(200).body("[0].ruleId", equalTo("ENF-03"));
  }

  @Test
  void enf02NoSanctionWithoutAnAssessmentThatEstablishedSomethingAndNoClaimWithoutEvidence() {
    post(REGULATOR, "", null, "{\"name\":\"" + name + "\",\"discoveredThrough\":\"INSPECTION\"}")
        .statusCode(422)
        .body("violations.rule", contains("ENF-02"))
        .body("violations[0].detail", containsString("sourceReference"));
    post(REGULATOR, "", null, "{\"name\":\"" + name + "\",\"discoveredThrough\":\"PATROL\"}")
        .statusCode(201);

    String id = recorded(REGULATOR);
    post(REGULATOR, "/" + id + "/sanctions", "1", sanction("ORDER_TO_STOP", null, null, null))
        .statusCode(422)
        .body("violations.rule", contains("ENF-02"))
        .body("violations[0].detail", containsString("assess"));
    post(
            REGULATOR,
            "/" + id + "/assessment",
            "1",
            """
            {"venueOrOnline":true,"venueEvidence":"photo 1","staffCount":2,
             "organised":true,"subjectTraining":true}""")
        .statusCode(422)
        .body("violations.rule", contains("ENF-02", "ENF-02", "ENF-03"));
    read(REGULATOR, id).statusCode(200).header("ETag", "\"1\"").body("finding", nullValue());

    post(
            REGULATOR,
            "/" + id + "/assessment",
            "1",
            """
            {"venueOrOnline":false,"staffCount":0,"organised":false,"subjectTraining":false}""")
        .statusCode(200)
        .body("finding", equalTo("NOT_ESTABLISHED"));
    post(REGULATOR, "/" + id + "/sanctions", "2", sanction("WARNING", null, null, null))
        .statusCode(422)
        .body("violations.rule", contains("ENF-02"))
        .body("violations[0].detail", containsString("nothing to sanction"));
    assertEquals(0, sanctionsOf(id));
  }

  @Test
  void onlyTheDistrictsRegulatorActsAuditorsReadEveryoneElseIsRefused() {
    String id = recorded(REGULATOR);
    read(OTHER_REGULATOR, id).statusCode(404);
    post(OTHER_REGULATOR, "/" + id + "/assessment", "1", ALL_THREE_PARTS).statusCode(404);
    read(AUDITOR, id).statusCode(200).body("name", equalTo(name));
    read(PARENT, id).statusCode(403);
    post(PARENT, "", null, "{\"name\":\"x\",\"discoveredThrough\":\"PATROL\"}").statusCode(403);
    given().get(PATH + "/{id}", id).then().statusCode(401);

    String lishan = recorded(OTHER_REGULATOR);
    given()
        .header("Authorization", REGULATOR.bearer())
        .queryParam("limit", 500)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.operatorId", hasItem(id))
        .body("items.operatorId", not(hasItem(lishan)))
        .body("items.district", not(hasItem("lishan")));
    given()
        .header("Authorization", AUDITOR.bearer())
        .queryParam("limit", 500)
        .get(PATH)
        .then()
        .statusCode(200)
        .body("items.district", hasItem("lishan"));
  }

  @Test
  void plt12ApprovedInstitutionsAreFoundByNameTooAndAShortNameIsA400() {
    String institution = UUID.randomUUID().toString();
    Tokens operator =
        Tokens.user("op-" + institution).role("institution-operator").institution(institution);
    String chessClub = "Chess Club " + UUID.randomUUID();
    RegistryFixtures.approved(
        operator,
        REGULATOR,
        institution,
        """
            {"name":"%s","category":"NON_SUBJECT","subCategory":"CULTURE_ART",
             "mode":"OFFLINE","district":"tiedong","legalForm":"BUSINESS",
             "studentStages":["PRIMARY"],"premisesAreaSqm":150,"maxStudentsPerSlot":30,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}"""
            .formatted(chessClub));
    lookUp(chessClub.toLowerCase())
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].kind", equalTo("INSTITUTION"))
        .body("[0].id", equalTo(institution))
        .body("[0].district", equalTo("tiedong"));
    lookUp("a").statusCode(400).contentType("application/problem+json");
    // a LIKE wildcard is a literal, not "everything"
    lookUp("%%").statusCode(200).body("$", hasSize(0));
  }

  @Test
  void aParentComplainsAboutAnUnlistedOperatorAndOnlyThatComplaintLetsTheRegulatorRecordIt() {
    String complaintId =
        complainAbout("tiedong")
            .statusCode(201)
            .body("institutionId", nullValue())
            .body("operatorName", equalTo(name))
            .body("answerDueBy", nullValue())
            .extract()
            .path("complaintId");
    JsonNode filed = events(complaintId, 1).get(0);
    assertEquals("tiedong", filed.at("/data/district").asText());
    assertEquals(true, filed.at("/data/institutionId").isNull());
    assertFalse(filed.toString().contains("Star Maths"), "the operator's name stays here");
    given()
        .header("Authorization", REGULATOR.bearer())
        .get("/api/v1/complaints/{id}", complaintId)
        .then()
        .statusCode(200)
        .body("operatorName", equalTo(name));
    given()
        .header("Authorization", OTHER_REGULATOR.bearer())
        .get("/api/v1/complaints/{id}", complaintId)
        .then()
        .statusCode(404);
    // no institution answers it: an operator gets 404, as for any complaint not about its own
    Tokens someOperator =
        Tokens.user("op-" + UUID.randomUUID())
            .role("institution-operator")
            .institution(UUID.randomUUID().toString());
    given()
        .header("Authorization", someOperator.bearer())
        .header("If-Match", "\"1\"")
        .contentType(ContentType.JSON)
        .body("{\"answer\":\"not us\"}")
        .post("/api/v1/complaints/{id}/answer", complaintId)
        .then()
        .statusCode(404);

    // ENF-02: a complaint source must be a complaint about an unlisted operator of the district
    record(OTHER_REGULATOR, complaintId)
        .statusCode(422)
        .body("violations.rule", contains("ENF-02"))
        .body("violations[0].detail", containsString("district lishan"));
    record(REGULATOR, UUID.randomUUID().toString())
        .statusCode(422)
        .body("violations.rule", contains("ENF-02"));
    record(REGULATOR, complaintId).statusCode(201).body("sourceReference", equalTo(complaintId));

    // exactly one of institutionId and operator
    given()
        .header("Authorization", PARENT.bearer())
        .contentType(ContentType.JSON)
        .body("{\"category\":\"FEE\",\"description\":\"no one named\"}")
        .post("/api/v1/complaints")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
