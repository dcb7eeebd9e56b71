package cn.anshan.oversight.registry.rest;

import static cn.anshan.oversight.registry.rest.ApplicationFlowTest.BASE;
import static cn.anshan.oversight.registry.rest.ApplicationFlowTest.REGULATOR_TIEDONG;
import static cn.anshan.oversight.registry.rest.ApplicationFlowTest.apply;
import static cn.anshan.oversight.registry.rest.ApplicationFlowTest.approve;
import static cn.anshan.oversight.registry.rest.ApplicationFlowTest.operatorOf;
import static cn.anshan.oversight.registry.rest.ApplicationFlowTest.reject;
import static cn.anshan.oversight.registry.rest.ApplicationFlowTest.scienceClub;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * REG-02 / PLT-05 (issue 18 item 4): the sector department of a district gives its opinion on the
 * non-subject applications of its sector there and sees the institutions it co-supervises; no one
 * else's. The city here approves non-subject institutions without waiting for it (the default).
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
public class SectorDepartmentFlowTest {
  static final Tokens SCIENCE_TIEDONG = sectorDepartment("SCIENCE_TECH", "tiedong");

  /** A sector department of {@code district}; without a {@code sector} claim when null. */
  public static Tokens sectorDepartment(String sector, String district) {
    Tokens department =
        Tokens.user("sector-" + sector + "-" + district)
            .role("sector-department")
            .district(district);
    return sector == null ? department : department.claim("sector", sector);
  }

  static ValidatableResponse opinion(Tokens who, String id, String version, String body) {
    RequestSpecification request =
        given().header("Authorization", who.bearer()).contentType(ContentType.JSON).body(body);
    if (version != null) {
      request.header("If-Match", "\"" + version + "\"");
    }
    return request.post(BASE + "/{id}/sector-opinion", id).then();
  }

  static ValidatableResponse read(Tokens who, String path, Object... params) {
    return given().header("Authorization", who.bearer()).get(path, params).then();
  }

  @Test
  @DisplayName(
      "REG-02: the department of the sector and district gives its opinion; it is an event")
  void reg02TheSectorDepartmentGivesItsOpinionOnItsSectorsApplications() {
    String id = UUID.randomUUID().toString();
    apply(id);
    read(SCIENCE_TIEDONG, BASE + "/{id}", id)
        .statusCode(200)
        .body("subCategory", equalTo("SCIENCE_TECH"))
        .body("sectorOpinion", nullValue());
    read(SCIENCE_TIEDONG, BASE + "?status=APPLIED&limit=100")
        .statusCode(200)
        .body("items.institutionId", hasItem(id));
    // a dissent says why; the version read is required
    opinion(SCIENCE_TIEDONG, id, "1", "{\"opinion\":\"DISSENTED\"}")
        .statusCode(400)
        .body("errors.detail", hasItem("a dissent says why (reason)"));
    opinion(SCIENCE_TIEDONG, id, null, "{\"opinion\":\"CONCURRED\"}").statusCode(428);
    opinion(SCIENCE_TIEDONG, id, "7", "{\"opinion\":\"CONCURRED\"}").statusCode(412);
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from institution_application where institution_id = ? and"
                + " sector_opinion is not null",
            id));
    opinion(SCIENCE_TIEDONG, id, "1", "{\"opinion\":\"DISSENTED\",\"reason\":\"实验室未通过科技部门安全评估\"}")
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("sectorOpinion.opinion", equalTo("DISSENTED"))
        .body("sectorOpinion.reason", equalTo("实验室未通过科技部门安全评估"));
    // a later opinion replaces it
    opinion(SCIENCE_TIEDONG, id, "2", "{\"opinion\":\"CONCURRED\"}")
        .statusCode(200)
        .body("sectorOpinion.opinion", equalTo("CONCURRED"))
        .body("sectorOpinion.reason", nullValue())
        .body("sectorOpinion.department", equalTo(SCIENCE_TIEDONG.subject()));
    read(REGULATOR_TIEDONG, BASE + "/{id}", id)
        .statusCode(200)
        .body("sectorOpinion.opinion", equalTo("CONCURRED"));

    List<JsonNode> events = RegistryFixtures.events(id, 3);
    JsonNode dissent = events.get(1);
    assertEquals(
        "cn.anshan.oversight.registry.SectorOpinionRecorded.v1", dissent.path("type").asText());
    assertEquals("sector-department", dissent.path("actorrole").asText());
    assertEquals(SCIENCE_TIEDONG.subject(), dissent.path("actor").asText());
    assertEquals("SCIENCE_TECH", dissent.at("/data/sector").asText());
    assertEquals("DISSENTED", dissent.at("/data/opinion").asText());
    assertEquals("CONCURRED", events.get(2).at("/data/opinion").asText());

    // decided applications take no more opinions
    approve(REGULATOR_TIEDONG, id, "3").statusCode(200);
    opinion(SCIENCE_TIEDONG, id, "4", "{\"opinion\":\"CONCURRED\"}")
        .statusCode(409)
        .body("type", containsString("application-decided"));
    // the department keeps seeing the institution it co-supervises; other departments do not
    read(SCIENCE_TIEDONG, "/api/v1/institutions/{id}/standing", id).statusCode(200);
    read(sectorDepartment("SPORTS", "tiedong"), "/api/v1/institutions/{id}/standing", id)
        .statusCode(404);
    read(sectorDepartment("SCIENCE_TECH", "lishan"), "/api/v1/institutions/{id}/standing", id)
        .statusCode(404);
  }

  @Test
  @DisplayName(
      "REG-02: without joint approval configured, the regulator may approve over a dissent")
  void reg02ADissentIsRecordedButDoesNotBlockWhereTheBureauApprovesAlone() {
    String id = UUID.randomUUID().toString();
    apply(id);
    opinion(SCIENCE_TIEDONG, id, "1", "{\"opinion\":\"DISSENTED\",\"reason\":\"场地不适合\"}")
        .statusCode(200);
    approve(REGULATOR_TIEDONG, id, "2")
        .statusCode(200)
        .body("status", equalTo("APPROVED"))
        .body("sectorOpinion.opinion", equalTo("DISSENTED"));
  }

  @Test
  @DisplayName("A re-application after a rejection starts without the earlier opinion")
  void aNewApplicationStartsWithoutAnOpinion() {
    String id = UUID.randomUUID().toString();
    apply(id);
    opinion(SCIENCE_TIEDONG, id, "1", "{\"opinion\":\"CONCURRED\"}").statusCode(200);
    reject(REGULATOR_TIEDONG, id, "2").statusCode(200);
    given()
        .header("Authorization", operatorOf(id).bearer())
        .contentType(ContentType.JSON)
        .body(scienceClub("tiedong"))
        .post(BASE)
        .then()
        .statusCode(201)
        .body("sectorOpinion", nullValue());
  }

  @Test
  @DisplayName(
      "Other sectors, other districts and other roles neither see nor decide; nothing changes")
  void otherSectorsDistrictsAndRolesAreRefused() {
    String id = UUID.randomUUID().toString();
    apply(id);
    for (Tokens stranger :
        List.of(
            sectorDepartment("SCIENCE_TECH", "lishan"),
            sectorDepartment("SPORTS", "tiedong"),
            sectorDepartment(null, "tiedong"))) {
      read(stranger, BASE + "/{id}", id).statusCode(404);
      opinion(stranger, id, "1", "{\"opinion\":\"CONCURRED\"}").statusCode(404);
    }
    read(sectorDepartment("SPORTS", "tiedong"), BASE + "?limit=100")
        .statusCode(200)
        .body("items.institutionId", not(hasItem(id)));
    read(sectorDepartment("SCIENCE_TECH", "lishan"), BASE + "?limit=100")
        .statusCode(200)
        .body("items.institutionId", not(hasItem(id)));
    read(sectorDepartment("BOGUS", "tiedong"), BASE).statusCode(403);
    // the regulator, the operator and parents have no say in the department's stead
    for (Tokens other :
        List.of(
            REGULATOR_TIEDONG,
            operatorOf(id),
            Tokens.user("parent-x").role("parent"),
            Tokens.user("aud").role("auditor"))) {
      opinion(other, id, "1", "{\"opinion\":\"CONCURRED\"}").statusCode(403);
    }
    read(REGULATOR_TIEDONG, BASE + "/{id}", id)
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("sectorOpinion", nullValue());
  }
}
