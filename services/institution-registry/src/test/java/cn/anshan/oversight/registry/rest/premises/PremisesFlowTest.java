package cn.anshan.oversight.registry.rest.premises;

import static cn.anshan.oversight.registry.rest.RegistryFixtures.events;
import static cn.anshan.oversight.registry.rest.RegistryFixtures.freeze;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Premises filing over HTTP (REG-10, §11 row 4): who may file, change and read which site, what a
 * parent sees, refusals with nothing stored, the lease watch, and the events on the real broker.
 * The clock is frozen on 2026-01-05 so the 12-month lease boundary is fixed.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class PremisesFlowTest {
  static final Tokens REGULATOR = Tokens.user("reg-tiedong").role("regulator").district("tiedong");
  static final Tokens OTHER_REGULATOR =
      Tokens.user("reg-lishan").role("regulator").district("lishan");
  static final Tokens AUDITOR = Tokens.user("auditor-1").role("auditor");
  static final Tokens PARENT = Tokens.user("parent-" + UUID.randomUUID()).role("parent");

  String institution;
  Tokens operator;

  @BeforeEach
  void approvedInstitution() {
    freeze("2026-01-05T02:00:00Z");
    institution = approved();
    operator = operatorOf(institution);
  }

  @AfterEach
  void resetClock() {
    RegistryFixtures.unfreeze();
  }

  static Tokens operatorOf(String institutionId) {
    return Tokens.user("op-" + institutionId)
        .role("institution-operator")
        .institution(institutionId);
  }

  /** An institution teaching primary pupils in tiedong, applied for and approved over HTTP. */
  static String approved() {
    String id = UUID.randomUUID().toString();
    RegistryFixtures.approved(
        operatorOf(id),
        REGULATOR,
        id,
        """
            {"name":"Anshan Robotics Lab","category":"NON_SUBJECT","subCategory":"SCIENCE_TECH",
             "mode":"OFFLINE","district":"tiedong","legalForm":"BUSINESS",
             "studentStages":["PRIMARY"],"premisesAreaSqm":150,"maxStudentsPerSlot":30,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}""");
    return id;
  }

  static String body(int floor, String buildingType, String leaseEnd, String rooms) {
    return """
        {"address":"Tiedong District, 18 Nanhua Street, Room 301","district":"tiedong",
         "floorLevel":%d,"buildingType":"%s","areaSqm":150,"leaseEnd":"%s","classrooms":[%s]}"""
        .formatted(floor, buildingType, leaseEnd, rooms);
  }

  static final String ROOMS =
      """
      {"name":"Room A","areaSqm":60,"maxStudents":20},{"name":"Room B","areaSqm":59.99,"maxStudents":19}""";

  static String valid() {
    return body(3, "COMMERCIAL", "2027-01-05", ROOMS);
  }

  ValidatableResponse file(Tokens who, String institutionId, String json) {
    var request = given().contentType(ContentType.JSON).body(json);
    if (who != null) {
      request.header("Authorization", who.bearer());
    }
    return request.post("/api/v1/institutions/{id}/premises", institutionId).then();
  }

  ValidatableResponse change(Tokens who, String premisesId, String ifMatch, String json) {
    var request =
        given().header("Authorization", who.bearer()).contentType(ContentType.JSON).body(json);
    if (ifMatch != null) {
      request.header("If-Match", "\"" + ifMatch + "\"");
    }
    return request.put("/api/v1/institutions/{id}/premises/{pid}", institution, premisesId).then();
  }

  ValidatableResponse read(Tokens who, String premisesId) {
    return given()
        .header("Authorization", who.bearer())
        .get("/api/v1/institutions/{id}/premises/{pid}", institution, premisesId)
        .then();
  }

  String filed() {
    return file(operator, institution, valid()).statusCode(201).extract().path("premisesId");
  }

  long stored() {
    return TestInfra.count("select count(*) from premises where institution_id = ?", institution);
  }

  @Test
  void reg10FiledThenChangedWithIfMatchAndBothEventsOnTheBroker() {
    String id =
        file(operator, institution, valid())
            .statusCode(201)
            .header("ETag", "\"1\"")
            .header(
                "Location", containsString("/api/v1/institutions/" + institution + "/premises/"))
            .body("floorLevel", equalTo(3))
            .body("leaseEnd", equalTo("2027-01-05"))
            .body("classrooms.maxStudents", equalTo(List.of(20, 19)))
            .extract()
            .path("premisesId");
    String roomA = read(operator, id).statusCode(200).extract().path("classrooms[0].classroomId");

    change(operator, id, null, valid()).statusCode(428);
    change(operator, id, "7", valid()).statusCode(412);
    change(
            operator,
            id,
            "1",
            body(
                2,
                "OTHER",
                "2027-03-01",
                "{\"name\":\"Room A\",\"areaSqm\":90,\"maxStudents\":30}"))
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("floorLevel", equalTo(2))
        .body("classrooms", hasSize(1))
        .body("classrooms[0].classroomId", equalTo(roomA));

    List<JsonNode> events = events(id, 2, Duration.ofSeconds(30));
    assertEquals(
        List.of(
            "cn.anshan.oversight.registry.PremisesFiled.v1",
            "cn.anshan.oversight.registry.PremisesChanged.v1"),
        events.stream().map(e -> e.path("type").asText()).toList());
    JsonNode changed = events.get(1).path("data");
    assertEquals("Premises", events.get(1).path("aggregatetype").asText());
    assertEquals(2, events.get(1).path("aggregateversion").asInt());
    assertEquals("tiedong", changed.path("district").asText());
    assertEquals("2027-03-01", changed.path("leaseEnd").asText());
    assertEquals(roomA, changed.path("classrooms").get(0).path("classroomId").asText());
    assertEquals(30, changed.path("classrooms").get(0).path("maxStudents").asInt());
    assertEquals(false, changed.path("classrooms").get(0).has("name"));
  }

  @Test
  void readersSeeWhatTheirRoleAllowsParentsOnlyPublicFacts() {
    String id = filed();
    read(operator, id).statusCode(200).header("ETag", "\"1\"");
    read(REGULATOR, id).statusCode(200).body("leaseEnd", equalTo("2027-01-05"));
    read(AUDITOR, id).statusCode(200).body("buildingType", equalTo("COMMERCIAL"));
    read(OTHER_REGULATOR, id).statusCode(404);
    read(operatorOf(UUID.randomUUID().toString()), id).statusCode(404);
    read(PARENT, id)
        .statusCode(200)
        .header("ETag", nullValue())
        .body("address", containsString("Nanhua Street"))
        .body("floorLevel", equalTo(3))
        .body("classrooms.maxStudents", equalTo(List.of(20, 19)))
        .body("$", not(hasKey("leaseEnd")))
        .body("$", not(hasKey("areaSqm")))
        .body("$", not(hasKey("buildingType")))
        .body("$", not(hasKey("version")));
    given().get("/api/v1/institutions/{id}/premises/{pid}", institution, id).then().statusCode(401);

    for (Tokens reader : List.of(operator, REGULATOR, AUDITOR, PARENT)) {
      given()
          .header("Authorization", reader.bearer())
          .get("/api/v1/institutions/{id}/premises", institution)
          .then()
          .statusCode(200)
          .body("items.premisesId", equalTo(List.of(id)))
          .body("next", nullValue());
    }
    given()
        .header("Authorization", OTHER_REGULATOR.bearer())
        .get("/api/v1/institutions/{id}/premises", institution)
        .then()
        .statusCode(404);
  }

  @Test
  void listIsPagedByKeyset() {
    // The frozen clock gives both the same filedAt, so the id breaks the tie.
    List<String> ids = Stream.of(filed(), filed()).sorted().toList();
    String next =
        given()
            .header("Authorization", AUDITOR.bearer())
            .queryParam("limit", 1)
            .get("/api/v1/institutions/{id}/premises", institution)
            .then()
            .statusCode(200)
            .body("items.premisesId", equalTo(List.of(ids.get(0))))
            .extract()
            .path("next");
    given()
        .header("Authorization", AUDITOR.bearer())
        .queryParam("limit", 1)
        .queryParam("cursor", next)
        .get("/api/v1/institutions/{id}/premises", institution)
        .then()
        .statusCode(200)
        .body("items.premisesId", equalTo(List.of(ids.get(1))))
        .body("next", nullValue());
  }

  @Test
  void onlyTheOwnOperatorFilesOrChanges() {
    file(null, institution, valid()).statusCode(401);
    file(PARENT, institution, valid()).statusCode(403);
    file(REGULATOR, institution, valid()).statusCode(403);
    file(operatorOf(approved()), institution, valid()).statusCode(404);
    assertEquals(0, stored());
    String id = filed();
    change(operatorOf(approved()), id, "1", valid()).statusCode(404);
    change(REGULATOR, id, "1", valid()).statusCode(403);
    assertEquals(1, TestInfra.count("select count(*) from outbox_event where aggregateid = ?", id));
  }

  @Test
  void reg10EveryBrokenRuleIsListedAnd422StoresNothing() {
    file(
            operator,
            institution,
            body(
                -1,
                "RESIDENTIAL",
                "2027-01-04",
                "{\"name\":\"Hall\",\"areaSqm\":60,\"maxStudents\":21}"))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("rules", equalTo(List.of("REG-10")))
        .body("violations", hasSize(4))
        .body("violations.rule", everyItem(equalTo("REG-10")))
        .body("detail", containsString("REG-10"));
    file(operator, institution, body(4, "COMMERCIAL", "2027-01-05", ROOMS))
        .statusCode(422)
        .body("detail", containsString("12 or under"));
    file(operator, institution, valid().replace("\"tiedong\"", "\"lishan\""))
        .statusCode(422)
        .body("rules", hasItem("REG-08"));
    assertEquals(0, stored());

    String id = filed();
    change(operator, id, "1", body(1, "RESIDENTIAL", "2027-01-05", ROOMS)).statusCode(422);
    read(operator, id).statusCode(200).header("ETag", "\"1\"").body("floorLevel", equalTo(3));
    assertEquals(1, TestInfra.count("select count(*) from outbox_event where aggregateid = ?", id));
  }

  @Test
  void badInputIs400WithNothingStored() {
    file(operator, institution, body(1, "COMMERCIAL", "2027-01-05", ""))
        .statusCode(400)
        .contentType("application/problem+json");
    file(operator, institution, body(1, "CASTLE", "2027-01-05", ROOMS)).statusCode(400);
    file(
            operator,
            institution,
            body(
                1,
                "COMMERCIAL",
                "2027-01-05",
                "{\"name\":\"A\\tB\",\"areaSqm\":60,\"maxStudents\":20}"))
        .statusCode(400);
    assertEquals(0, stored());
  }

  @Test
  void leaseEndingWithinWarningDaysIsAnnouncedOncePerLeaseEnd() throws InterruptedException {
    String id = filed();
    freeze("2026-11-06T02:00:00Z"); // 60 days before 2027-01-05 (Asia/Shanghai)
    List<JsonNode> events = events(id, 2, Duration.ofSeconds(30));
    assertEquals(2, events.size());
    JsonNode warning = events.get(1);
    assertEquals(
        "cn.anshan.oversight.registry.PremisesLeaseExpiring.v1", warning.path("type").asText());
    assertEquals("system:institution-registry", warning.path("actor").asText());
    assertEquals("2027-01-05", warning.path("data").path("leaseEnd").asText());
    Thread.sleep(3000); // three more watch runs
    assertEquals(2, TestInfra.count("select count(*) from outbox_event where aggregateid = ?", id));
  }

  @Test
  void leaseEndingLaterThanWarningDaysIsNotAnnounced() {
    String id = filed();
    freeze("2026-11-05T02:00:00Z"); // 61 days before the lease end
    assertEquals(1, events(id, 2, Duration.ofSeconds(4)).size());
  }
}
