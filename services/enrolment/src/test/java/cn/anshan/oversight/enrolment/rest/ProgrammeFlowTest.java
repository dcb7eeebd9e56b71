package cn.anshan.oversight.enrolment.rest;

import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.WEEKDAYS;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.events;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.get;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.post;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.postIfMatch;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.programmeJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Programmes over HTTP ("一校一案", ASV-01/02/04, LN-ASV-02) and their events. */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ProgrammeFlowTest {
  String school;
  Tokens admin;

  @BeforeEach
  void school() {
    school = EnrolmentFixtures.newSchool();
    admin = EnrolmentFixtures.schoolAdmin(school);
  }

  long plans() {
    return TestInfra.count("select count(*) from programme where school_id = ?", school);
  }

  @Test
  @DisplayName("ASV-02: a 5+2 plan is published, readable by parents and revised with If-Match")
  void asv02PublishedAndRevised() {
    String id =
        post(admin, "/api/v1/programmes", programmeJson("15:30", "17:30", WEEKDAYS))
            .statusCode(201)
            .header("ETag", "\"1\"")
            .header("Location", containsString("/api/v1/programmes/"))
            .body("schoolId", equalTo(school))
            .body("district", equalTo("tiedong"))
            .body("dailyEnd", equalTo("17:30:00"))
            .extract()
            .path("programmeId");
    get(EnrolmentFixtures.parent(), "/api/v1/programmes/" + id).statusCode(200);
    get(EnrolmentFixtures.parent(), "/api/v1/programmes?schoolId=" + school)
        .statusCode(200)
        .body("items.programmeId", hasItem(id));
    post(admin, "/api/v1/programmes/" + id + "/revision", programmeJson("15:30", "17:30", WEEKDAYS))
        .statusCode(428);
    postIfMatch(
            admin,
            "/api/v1/programmes/" + id + "/revision",
            "1",
            programmeJson("15:20", "17:20", WEEKDAYS))
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("dailyStart", equalTo("15:20:00"));
    postIfMatch(
            admin,
            "/api/v1/programmes/" + id + "/revision",
            "1",
            programmeJson("15:20", "17:20", WEEKDAYS))
        .statusCode(412);

    List<JsonNode> events = events(id, 2);
    assertEquals(
        List.of(
            "cn.anshan.oversight.enrolment.AsvProgrammePublished.v1",
            "cn.anshan.oversight.enrolment.AsvProgrammeChanged.v1"),
        events.stream().map(e -> e.path("type").asText()).toList());
    assertEquals(school, events.get(0).path("data").path("schoolId").asText());
    assertEquals(5, events.get(0).path("data").path("days").size());
    assertEquals("17:20:00", events.get(1).path("data").path("dailyEnd").asText());
  }

  @Test
  @DisplayName(
      "ASV-02 / ASV-01: 1 h 59 min, an early end and four days are refused, nothing stored")
  void asv02BreachesAreRefusedWithTheirRuleIds() {
    post(admin, "/api/v1/programmes", programmeJson("15:31", "17:30", WEEKDAYS))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("https://oversight.anshan.gov.cn/problems/rules/ASV-02"))
        .body("detail", containsString("ASV-02"));
    post(admin, "/api/v1/programmes", programmeJson("14:59", "16:59", WEEKDAYS))
        .statusCode(422)
        .body("rules", hasItem("ASV-01"));
    post(
            admin,
            "/api/v1/programmes",
            programmeJson("15:30", "17:30", "\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\""))
        .statusCode(422)
        .body("rules", hasItem("ASV-02"));
    post(admin, "/api/v1/programmes", programmeJson("16:00", "18:00", WEEKDAYS))
        .statusCode(422)
        .body("rules", hasItem("LN-ASV-02"));
    assertEquals(0, plans());
  }

  @Test
  @DisplayName("ASV-04: evening self-study in a plan is refused")
  void asv04EveningSelfStudyRefused() {
    String body =
        programmeJson("15:30", "17:30", WEEKDAYS)
            .replace("\"kind\":\"CLUBS\"", "\"kind\":\"EVENING_SELF_STUDY\"");
    post(admin, "/api/v1/programmes", body).statusCode(422).body("rules", hasItem("ASV-04"));
    assertEquals(0, plans());
  }

  @Test
  @DisplayName("Only school admins publish; other schools cannot revise (404); one plan per term")
  void scopes() {
    String id = EnrolmentFixtures.programme(admin);
    post(
            EnrolmentFixtures.parent(),
            "/api/v1/programmes",
            programmeJson("15:30", "17:30", WEEKDAYS))
        .statusCode(403);
    Tokens other = EnrolmentFixtures.schoolAdmin(EnrolmentFixtures.newSchool());
    postIfMatch(
            other,
            "/api/v1/programmes/" + id + "/revision",
            "1",
            programmeJson("15:30", "17:30", WEEKDAYS))
        .statusCode(404);
    get(other, "/api/v1/programmes/" + id).statusCode(404);
    get(other, "/api/v1/programmes").statusCode(200).body("items.programmeId", not(hasItem(id)));
    post(admin, "/api/v1/programmes", programmeJson("15:30", "17:30", WEEKDAYS)).statusCode(409);
    get(Tokens.user("op").role("institution-operator"), "/api/v1/programmes/" + id).statusCode(403);
    EnrolmentFixtures.get(Tokens.user("aud").role("auditor"), "/api/v1/programmes/" + id)
        .statusCode(200);
  }
}
