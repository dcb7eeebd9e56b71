package cn.anshan.oversight.registry.rest.standing;

import static cn.anshan.oversight.registry.rest.RegistryFixtures.freeze;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.registry.rest.RegistryFixtures;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.common.mapper.TypeRef;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Licence, registration and sanctions over HTTP, and the white/black list events other services
 * rely on. The clock is frozen in mid-2026 so dates stay inside the working-day calendar.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class StandingFlowTest {
  static final Tokens REGULATOR = Tokens.user("reg-tiedong").role("regulator").district("tiedong");
  static final Tokens OTHER_REGULATOR =
      Tokens.user("reg-lishan").role("regulator").district("lishan");
  static final Tokens PARENT = Tokens.user("parent-1").role("parent");

  String id;
  Tokens operator;

  @BeforeEach
  void approvedInstitution() {
    freeze("2026-06-01T02:00:00Z");
    id = UUID.randomUUID().toString();
    operator = Tokens.user("op-" + id).role("institution-operator").institution(id);
    RegistryFixtures.approved(
        operator,
        REGULATOR,
        id,
        """
            {"name":"Anshan Chess Club","category":"NON_SUBJECT","subCategory":"CULTURE_ART",
             "mode":"OFFLINE","district":"tiedong","legalForm":"BUSINESS",
             "studentStages":["PRIMARY"],"premisesAreaSqm":150,"maxStudentsPerSlot":30,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}""");
  }

  @AfterEach
  void resetClock() {
    RegistryFixtures.unfreeze();
  }

  ValidatableResponse command(Tokens who, String path, long version, String body) {
    var request =
        given().header("Authorization", who.bearer()).header("If-Match", "\"" + version + "\"");
    if (body != null) {
      request.contentType(ContentType.JSON).body(body);
    }
    return request.post("/api/v1/institutions/{id}" + path, id).then();
  }

  void licensed() {
    command(
            REGULATOR,
            "/licence",
            2,
            "{\"licenceNo\":\"教民-"
                + id.substring(0, 8)
                + "\",\"validFrom\":\"2026-06-01\",\"validTo\":\"2026-12-31\"}")
        .statusCode(200)
        .body("listStatus", equalTo("NONE"))
        .body("reasons.rule", contains("REG-06"));
    command(
            operator,
            "/registration",
            3,
            "{\"type\":\"BUSINESS_LICENCE\",\"creditCode\":\"91210300MA0TEST00X\"}")
        .statusCode(200)
        .body("listStatus", equalTo("WHITE"))
        .body("operational", equalTo(true))
        .header("ETag", "\"5\"");
  }

  List<JsonNode> events(int expected) {
    return RegistryFixtures.events(id, expected);
  }

  static List<String> types(List<JsonNode> events) {
    return events.stream()
        .map(e -> e.path("type").asText().replace("cn.anshan.oversight.registry.", ""))
        .toList();
  }

  @Test
  void licenceAndRegistrationWhiteListTheInstitutionAndParentsSeeOnlyPublicFacts() {
    licensed();
    List<JsonNode> events = events(5);
    assertEquals(
        List.of(
            "InstitutionApplied.v1",
            "ApplicationApproved.v1",
            "LicenceIssued.v1",
            "RegistrationFiled.v1",
            "InstitutionWhitelisted.v1"),
        types(events));
    JsonNode whitelisted = events.get(4).path("data");
    assertEquals("WHITE", whitelisted.path("listStatus").asText());
    assertTrue(whitelisted.path("operational").asBoolean());
    assertEquals("2026-12-31", whitelisted.path("licenceValidTo").asText());
    assertEquals("Anshan Chess Club", whitelisted.path("name").asText());

    Map<String, Object> publicView =
        given()
            .header("Authorization", PARENT.bearer())
            .get("/api/v1/public/institutions/{id}", id)
            .then()
            .statusCode(200)
            .body("listStatus", equalTo("WHITE"))
            .body("licenceValidTo", equalTo("2026-12-31"))
            .body(not(containsString("91210300MA0TEST00X")))
            .extract()
            .as(new TypeRef<Map<String, Object>>() {});
    // Field-level exposure: exactly these public facts, nothing about people, accounts or numbers.
    assertEquals(
        Set.of(
            "institutionId",
            "name",
            "category",
            "subCategory",
            "mode",
            "district",
            "listStatus",
            "operational",
            "licenceStatus",
            "licenceValidTo",
            "staffQualifications",
            "listReasons"),
        publicView.keySet());
    // staff appear only as counts (issue 18 item 3)
    assertEquals(
        Map.of("verified", 0, "unverified", 0, "refuted", 0),
        publicView.get("staffQualifications"));
    given()
        .header("Authorization", PARENT.bearer())
        .get("/api/v1/institutions/{id}/standing", id)
        .then()
        .statusCode(403);
    given()
        .header("Authorization", PARENT.bearer())
        .queryParam("district", "tiedong")
        .queryParam("limit", 100)
        .get("/api/v1/public/institutions")
        .then()
        .statusCode(200)
        .body("items.institutionId", hasItem(id))
        .body("items.listStatus", everyItem(equalTo("WHITE")));
    given()
        .header("Authorization", PARENT.bearer())
        .queryParam("listStatus", "BLACK")
        .get("/api/v1/public/institutions")
        .then()
        .statusCode(200)
        .body("items.institutionId", not(hasItem(id)));
    // PLT-12: the register is public, no token needed (issue 18 item 2)
    given()
        .get("/api/v1/public/institutions/{id}", id)
        .then()
        .statusCode(200)
        .body("institutionId", equalTo(id));
    given()
        .header("Authorization", OTHER_REGULATOR.bearer())
        .get("/api/v1/institutions/{id}/standing", id)
        .then()
        .statusCode(404);
  }

  @Test
  void enf01StoppingOrderBlackListsUntilLiftedAndRevocationBlackListsForGood() {
    licensed();
    String sanctionId =
        command(
                REGULATOR,
                "/sanctions",
                5,
                "{\"type\":\"STOP_ENROLLING\",\"ruleId\":\"INS-01\",\"detail\":\"blocked fire exits\"}")
            .statusCode(200)
            .body("listStatus", equalTo("BLACK"))
            .body("reasons.rule", contains("ENF-01"))
            .extract()
            .path("sanctions[0].sanctionId");
    command(REGULATOR, "/sanctions/" + sanctionId + "/lifting", 7, null)
        .statusCode(200)
        .body("listStatus", equalTo("WHITE"));
    command(
            REGULATOR,
            "/licence/revocation",
            9,
            "{\"ruleId\":\"ENF-01\",\"detail\":\"licence revocation for an unlicensed branch\"}")
        .statusCode(200)
        .body("listStatus", equalTo("BLACK"))
        .body("licence.status", equalTo("REVOKED"));

    List<String> types = types(events(11));
    assertEquals(
        List.of(
            "SanctionImposed.v1",
            "InstitutionBlacklisted.v1",
            "SanctionLifted.v1",
            "InstitutionWhitelisted.v1",
            "LicenceRevoked.v1",
            "InstitutionBlacklisted.v1"),
        types.subList(5, 11));
  }

  @Test
  void reg08OnlyTheSupervisingDistrictActsAndRolesAreChecked() {
    command(
            OTHER_REGULATOR,
            "/licence",
            2,
            "{\"licenceNo\":\"X-1\",\"validFrom\":\"2026-06-01\",\"validTo\":\"2026-12-31\"}")
        .statusCode(404);
    command(
            operator,
            "/licence",
            2,
            "{\"licenceNo\":\"X-1\",\"validFrom\":\"2026-06-01\",\"validTo\":\"2026-12-31\"}")
        .statusCode(403);
    Tokens otherOperator =
        Tokens.anyone().role("institution-operator").institution(UUID.randomUUID().toString());
    command(
            otherOperator,
            "/registration",
            2,
            "{\"type\":\"BUSINESS_LICENCE\",\"creditCode\":\"91210300MA0TEST00X\"}")
        .statusCode(404);
    command(
            REGULATOR,
            "/licence",
            1,
            "{\"licenceNo\":\"X-1\",\"validFrom\":\"2026-06-01\",\"validTo\":\"2026-12-31\"}")
        .statusCode(412);
    assertEquals(
        0, TestInfra.count("select count(*) from operating_licence where institution_id = ?", id));
  }

  @Test
  void badLicenceInputIsRefusedAndStoresNothing() {
    command(
            REGULATOR,
            "/licence",
            2,
            "{\"licenceNo\":\"X-1\",\"validFrom\":\"2026-06-01\",\"validTo\":\"2026-05-31\"}")
        .statusCode(422)
        .body("rules", contains("REG-06"));
    command(REGULATOR, "/licence", 2, "{\"licenceNo\":\"X-1\",\"validFrom\":\"not-a-date\"}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.pointer", hasItem("/validFrom"));
    command(REGULATOR, "/licence", 2, "{\"validFrom\":\"2026-06-01\"}")
        .statusCode(400)
        .body("errors.pointer", hasItem("/licenceNo"));
    command(operator, "/registration", 2, "{\"type\":\"BUSINESS_LICENCE\",\"creditCode\":\"123\"}")
        .statusCode(400)
        .body("errors.pointer", hasItem("/creditCode"));
    assertEquals(
        0, TestInfra.count("select count(*) from operating_licence where institution_id = ?", id));
    assertEquals(2, TestInfra.count("select count(*) from outbox_event where aggregateid = ?", id));
  }

  @Test
  void reg05ScopeChangeNeedsTheRegistrationWithinSevenWorkingDays() {
    licensed();
    // Mon 1 Jun 2026 + 7 working days = Wed 10 Jun.
    command(
            REGULATOR,
            "/licence/scope-change",
            5,
            "{\"subCategory\":\"SCIENCE_TECH\",\"mode\":\"OFFLINE\"}")
        .statusCode(200)
        .body("registrationDueBy", equalTo("2026-06-10"))
        .body("listStatus", equalTo("WHITE"));
    freeze("2026-06-11T02:00:00Z");
    List<String> types = types(events(8));
    assertEquals(
        List.of("LicenceScopeChanged.v1", "RegistrationOverdue.v1", "InstitutionDelisted.v1"),
        types.subList(5, 8));
    given()
        .header("Authorization", operator.bearer())
        .get("/api/v1/institutions/{id}/standing", id)
        .then()
        .body("listStatus", equalTo("NONE"))
        .body("reasons.rule", contains("REG-05"));
  }

  @Test
  void licenceWatchWarnsBeforeTheEndAndExpiresAfterIt() {
    licensed();
    freeze("2026-12-20T02:00:00Z");
    List<JsonNode> warned = events(6);
    assertEquals("LicenceExpiring.v1", types(warned).get(5));
    assertEquals(11, warned.get(5).path("data").path("daysLeft").asInt());
    assertEquals("system:institution-registry", warned.get(5).path("actor").asText());
    freeze("2027-01-01T02:00:00Z");
    List<String> types = types(events(8));
    assertEquals(List.of("LicenceExpired.v1", "InstitutionDelisted.v1"), types.subList(6, 8));
    given()
        .header("Authorization", PARENT.bearer())
        .get("/api/v1/public/institutions/{id}", id)
        .then()
        .body("listStatus", equalTo("NONE"))
        .body("licenceStatus", equalTo("EXPIRED"))
        .body("operational", equalTo(false));
    given()
        .header("Authorization", PARENT.bearer())
        .get("/api/v1/public/institutions/{id}", UUID.randomUUID().toString())
        .then()
        .statusCode(404)
        .body("supervisorId", nullValue());
  }
}
