package cn.anshan.oversight.registry.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The first vertical slice over HTTP: token → service → PostgreSQL + outbox → Kafka. */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ApplicationFlowTest {
  static final String BASE = "/api/v1/institution-applications";
  static final Tokens REGULATOR_TIEDONG =
      Tokens.user("reg-tiedong").role("regulator").district("tiedong");
  static final Tokens REGULATOR_LISHAN =
      Tokens.user("reg-lishan").role("regulator").district("lishan");

  static Tokens operatorOf(String institutionId) {
    return Tokens.user("op-" + institutionId)
        .role("institution-operator")
        .institution(institutionId);
  }

  static String scienceClub(String district) {
    return """
        {"name":"Anshan Robotics Club","category":"NON_SUBJECT","subCategory":"SCIENCE_TECH",
         "mode":"OFFLINE","district":"%s","legalForm":"BUSINESS",
         "studentStages":["PRIMARY","JUNIOR_SECONDARY"],"premisesAreaSqm":320.5,
         "maxStudentsPerSlot":60,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}"""
        .formatted(district);
  }

  static void apply(String institutionId) {
    given()
        .header("Authorization", operatorOf(institutionId).bearer())
        .contentType(ContentType.JSON)
        .body(scienceClub("tiedong"))
        .post(BASE)
        .then()
        .statusCode(201);
  }

  /** The regulator's approval call, with If-Match when {@code version} is not null. */
  static ValidatableResponse approve(Tokens who, String id, String version) {
    RequestSpecification request = given().header("Authorization", who.bearer());
    if (version != null) {
      request.header("If-Match", "\"" + version + "\"");
    }
    return request.post(BASE + "/{id}/approval", id).then();
  }

  /** The regulator rejects version {@code version}, naming REG-07. */
  static ValidatableResponse reject(Tokens who, String id, String version) {
    return given()
        .header("Authorization", who.bearer())
        .header("If-Match", "\"" + version + "\"")
        .contentType(ContentType.JSON)
        .body("{\"reasons\":[{\"ruleId\":\"REG-07\",\"detail\":\"no business licence on file\"}]}")
        .post(BASE + "/{id}/rejection", id)
        .then();
  }

  static List<JsonNode> events(String institutionId, int expected) {
    return RegistryFixtures.events(institutionId, expected);
  }

  @Test
  void operatorAppliesAndTheDistrictRegulatorApproves() {
    String id = UUID.randomUUID().toString();
    given()
        .header("Authorization", operatorOf(id).bearer())
        .contentType(ContentType.JSON)
        .body(scienceClub("tiedong"))
        .post(BASE)
        .then()
        .statusCode(201)
        .header("Location", equalTo(BASE + "/" + id))
        .header("ETag", "\"1\"")
        .body("status", equalTo("APPLIED"))
        .body("institutionId", equalTo(id));

    given()
        .header("Authorization", operatorOf(id).bearer())
        .get(BASE + "/{id}", id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("supervisorId", nullValue());

    approve(REGULATOR_TIEDONG, id, "1")
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("status", equalTo("APPROVED"))
        .body("supervisorId", equalTo("reg-tiedong"));

    List<JsonNode> events = events(id, 2);
    assertEquals(2, events.size());
    JsonNode applied = events.get(0);
    assertEquals(
        "cn.anshan.oversight.registry.InstitutionApplied.v1", applied.path("type").asText());
    assertEquals(1, applied.path("aggregateversion").asInt());
    assertEquals("op-" + id, applied.path("actor").asText());
    assertEquals("institution-operator", applied.path("actorrole").asText());
    assertEquals("SCIENCE_TECH", applied.path("data").path("subCategory").asText());
    assertEquals(500000, applied.path("data").path("startUpCapital").path("yuan").asLong());
    JsonNode approved = events.get(1);
    assertEquals(
        "cn.anshan.oversight.registry.ApplicationApproved.v1", approved.path("type").asText());
    assertEquals(2, approved.path("aggregateversion").asInt());
    assertEquals("reg-tiedong", approved.path("data").path("supervisorId").asText());
    assertEquals("regulator", approved.path("actorrole").asText());
    assertEquals("tiedong", approved.path("district").asText());
  }

  /** §11 row 1, REG-12: online institutions are filed with and approved by the province. */
  @Test
  void reg12OnlineInstitutionsAreApprovedByTheProvinceOnly() {
    String local = UUID.randomUUID().toString();
    String online = scienceClub("%s").replace("\"OFFLINE\"", "\"ONLINE\"");
    given()
        .header("Authorization", operatorOf(local).bearer())
        .contentType(ContentType.JSON)
        .body(online.formatted("tiedong"))
        .post(BASE)
        .then()
        .statusCode(422)
        .body("rules", equalTo(List.of("REG-12")));
    assertEquals(
        0, TestInfra.count("select count(*) from outbox_event where aggregateid = ?", local));

    String id = UUID.randomUUID().toString();
    given()
        .header("Authorization", operatorOf(id).bearer())
        .contentType(ContentType.JSON)
        .body(online.formatted("liaoning"))
        .post(BASE)
        .then()
        .statusCode(201);
    approve(REGULATOR_TIEDONG, id, "1")
        .statusCode(403)
        .body("type", containsString("/rules/REG-08"));
    Tokens province = Tokens.user("reg-liaoning").role("regulator").district("liaoning");
    approve(province, id, "1").statusCode(200).body("supervisorId", equalTo("reg-liaoning"));
  }

  @Test
  void reg08RegulatorOfAnotherDistrictCannotApproveAndNothingChanges() {
    String id = UUID.randomUUID().toString();
    apply(id);
    approve(REGULATOR_LISHAN, id, "1")
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", containsString("/rules/REG-08"))
        .body("detail", containsString("REG-08"));
    given()
        .header("Authorization", REGULATOR_LISHAN.bearer())
        .get(BASE + "/{id}", id)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .get(BASE + "/{id}", id)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("status", equalTo("APPLIED"));
    assertEquals(1, TestInfra.count("select count(*) from outbox_event where aggregateid = ?", id));
  }

  /** REG-08 (issue 18 item 4): start-up capital is declared, with its proof, and checked. */
  @Test
  void reg08StartUpCapitalBelowTheMinimumOrMissingIsRefusedAndStoresNothing() {
    String id = UUID.randomUUID().toString();
    String club = scienceClub("tiedong");
    for (String body :
        List.of(
            club.replace("\"yuan\":500000", "\"yuan\":299999"),
            club.replace(
                ",\"startUpCapital\":{\"yuan\":500000,\"evidenceReference\":\"验资报告 2026-0001\"}",
                ""))) {
      given()
          .header("Authorization", operatorOf(id).bearer())
          .contentType(ContentType.JSON)
          .body(body)
          .post(BASE)
          .then()
          .statusCode(422)
          .contentType("application/problem+json")
          .body("rules", equalTo(List.of("REG-08")))
          .body("detail", containsString("300000 yuan"));
    }
    given()
        .header("Authorization", operatorOf(id).bearer())
        .contentType(ContentType.JSON)
        .body(
            club.replace("\"evidenceReference\":\"验资报告 2026-0001\"", "\"evidenceReference\":\"\""))
        .post(BASE)
        .then()
        .statusCode(400)
        .body("errors.pointer", hasItems("/startUpCapital/evidenceReference"));
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from institution_application where institution_id = ?", id));
    given()
        .header("Authorization", operatorOf(id).bearer())
        .contentType(ContentType.JSON)
        .body(club.replace("\"yuan\":500000", "\"yuan\":300000"))
        .post(BASE)
        .then()
        .statusCode(201)
        .body("startUpCapital.yuan", equalTo(300000))
        .body("startUpCapital.evidenceReference", equalTo("验资报告 2026-0001"));
  }

  @Test
  void reg04SubjectApplicationIsRefusedWithEveryRuleAndStoresNothing() {
    String id = UUID.randomUUID().toString();
    given()
        .header("Authorization", operatorOf(id).bearer())
        .contentType(ContentType.JSON)
        .body(
            """
            {"name":"Maths cram school","category":"SUBJECT","mode":"OFFLINE","district":"tiedong",
             "legalForm":"BUSINESS","studentStages":["PRIMARY"],"premisesAreaSqm":50,
             "maxStudentsPerSlot":40,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}""")
        .post(BASE)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("rules", hasItems("REG-04", "REG-06", "REG-10"))
        .body("detail", containsString("REG-04"));
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from institution_application where institution_id = ?", id));
    assertEquals(0, TestInfra.count("select count(*) from outbox_event where aggregateid = ?", id));
  }

  @Test
  void regulatorRejectsNamingTheRulesAndTheOperatorMayApplyAgain() {
    String id = UUID.randomUUID().toString();
    apply(id);
    reject(REGULATOR_TIEDONG, id, "1").statusCode(200).body("status", equalTo("REJECTED"));
    List<JsonNode> events = events(id, 2);
    assertEquals(
        "REG-07", events.get(1).path("data").path("reasons").get(0).path("ruleId").asText());

    given()
        .header("Authorization", operatorOf(id).bearer())
        .contentType(ContentType.JSON)
        .body(scienceClub("tiedong"))
        .post(BASE)
        .then()
        .statusCode(201)
        .header("ETag", "\"3\"");
  }

  /** §11 row 1 alert: 20 working days (configured) from Monday 2026-03-02 end on 2026-03-30. */
  @Test
  void anApplicationUndecidedBeyondTheConfiguredWorkingDaysIsAnnouncedOnce() {
    String id = UUID.randomUUID().toString();
    try {
      RegistryFixtures.freeze("2026-03-02T02:00:00Z");
      apply(id);
      RegistryFixtures.freeze("2026-03-30T10:00:00Z");
      // the watch runs every second in tests; the last day in time must not raise the alert
      await()
          .pollDelay(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  given()
                      .header("Authorization", REGULATOR_TIEDONG.bearer())
                      .get(BASE + "/{id}", id)
                      .then()
                      .statusCode(200)
                      .header("ETag", "\"1\""));
      RegistryFixtures.freeze("2026-03-31T02:00:00Z");
      List<JsonNode> events = events(id, 2);
      JsonNode overdue = events.get(1);
      assertEquals(
          "cn.anshan.oversight.registry.ApplicationDecisionOverdue.v1",
          overdue.path("type").asText());
      assertEquals("2026-03-30", overdue.path("data").path("decisionDueBy").asText());
      assertEquals(20, overdue.path("data").path("decisionWorkingDays").asInt());
      assertEquals("system", overdue.path("actorrole").asText());
      await()
          .pollDelay(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertEquals(
                      1,
                      TestInfra.count(
                          "select count(*) from outbox_event where aggregateid = ? and type like '%ApplicationDecisionOverdue.v1'",
                          id)));
      approve(REGULATOR_TIEDONG, id, "2").statusCode(200);
    } finally {
      RegistryFixtures.unfreeze();
    }
  }

  @Test
  void decisionsNeedTheCurrentVersionAndAnOpenApplication() {
    String id = UUID.randomUUID().toString();
    apply(id);
    approve(REGULATOR_TIEDONG, id, null).statusCode(428);
    approve(REGULATOR_TIEDONG, id, "5").statusCode(412);
    approve(REGULATOR_TIEDONG, id, "1").statusCode(200);
    approve(REGULATOR_TIEDONG, id, "2").statusCode(409);
    given()
        .header("Authorization", operatorOf(id).bearer())
        .contentType(ContentType.JSON)
        .body(scienceClub("tiedong"))
        .post(BASE)
        .then()
        .statusCode(409);
  }

  @Test
  void rolesAndObjectsAreChecked() {
    String id = UUID.randomUUID().toString();
    apply(id);
    given().get(BASE + "/{id}", id).then().statusCode(401).contentType("application/problem+json");
    given()
        .header("Authorization", Tokens.anyone().role("parent").bearer())
        .get(BASE + "/{id}", id)
        .then()
        .statusCode(403);
    given()
        .header("Authorization", operatorOf(UUID.randomUUID().toString()).bearer())
        .get(BASE + "/{id}", id)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", Tokens.user("aud").role("auditor").bearer())
        .get(BASE + "/{id}", id)
        .then()
        .statusCode(200);
    approve(operatorOf(id), id, "1").statusCode(403);
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .contentType(ContentType.JSON)
        .body(scienceClub("tiedong"))
        .post(BASE)
        .then()
        .statusCode(403);
  }

  @Test
  void invalidBodiesNameEveryField() {
    given()
        .header("Authorization", operatorOf(UUID.randomUUID().toString()).bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"\",\"category\":\"NON_SUBJECT\",\"mode\":\"OFFLINE\",\"district\":\"Tie Dong\","
                + "\"legalForm\":\"BUSINESS\",\"studentStages\":[],\"premisesAreaSqm\":-1,\"maxStudentsPerSlot\":0}")
        .post(BASE)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.pointer",
            hasItems(
                "/name", "/district", "/studentStages", "/premisesAreaSqm", "/maxStudentsPerSlot"));
    given()
        .header("Authorization", operatorOf(UUID.randomUUID().toString()).bearer())
        .contentType(ContentType.JSON)
        .body(scienceClub("tiedong").replace("\"OFFLINE\"", "\"BY_PIGEON\""))
        .post(BASE)
        .then()
        .statusCode(400)
        .body("errors.pointer", hasItem("/mode"));
    String oversized = UUID.randomUUID().toString();
    given()
        .header("Authorization", operatorOf(oversized).bearer())
        .contentType(ContentType.JSON)
        .body(scienceClub("tiedong").replace("Anshan Robotics Club", "x".repeat(400_000)))
        .post(BASE)
        .then()
        .statusCode(413)
        .contentType("application/problem+json");
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from institution_application where institution_id = ?", oversized));
  }

  @Test
  void regulatorListsTheDistrictQueueWithACursor() {
    for (int i = 0; i < 3; i++) {
      apply(UUID.randomUUID().toString());
    }
    String next =
        given()
            .header("Authorization", REGULATOR_TIEDONG.bearer())
            .queryParam("status", "APPLIED")
            .queryParam("limit", 2)
            .get(BASE)
            .then()
            .statusCode(200)
            .body("items.size()", equalTo(2))
            .extract()
            .path("next");
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .queryParam("status", "APPLIED")
        .queryParam("limit", 2)
        .queryParam("cursor", next)
        .get(BASE)
        .then()
        .statusCode(200)
        .body("items.district", org.hamcrest.Matchers.everyItem(equalTo("tiedong")));
    given()
        .header("Authorization", REGULATOR_LISHAN.bearer())
        .get(BASE)
        .then()
        .statusCode(200)
        .body("items.district", org.hamcrest.Matchers.not(hasItem("tiedong")));
  }
}
