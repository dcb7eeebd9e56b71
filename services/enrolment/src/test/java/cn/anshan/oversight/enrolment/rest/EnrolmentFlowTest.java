package cn.anshan.oversight.enrolment.rest;

import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.events;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.get;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.post;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.postIfMatch;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.anshan.oversight.contracts.EventContracts;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Voluntary enrolment over HTTP (ASV-04, ASV-05, §11 row 17). */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class EnrolmentFlowTest {
  String school;
  Tokens admin;
  Tokens parent;
  String programme;
  String child;

  @BeforeEach
  void programmeAndChild() {
    EnrolmentFixtures.freeze("2026-09-01T01:00:00Z");
    school = EnrolmentFixtures.newSchool();
    admin = EnrolmentFixtures.schoolAdmin(school);
    parent = EnrolmentFixtures.parent();
    programme = EnrolmentFixtures.agreedProgramme(admin, school);
    child = EnrolmentFixtures.child(parent, school, 3);
  }

  @AfterEach
  void resetClock() {
    EnrolmentFixtures.unfreeze();
  }

  @Test
  @DisplayName(
      "ASV-05 / ASV-04: a guardian enrols their child and withdraws with an effective date")
  void asv05GuardianEnrolsAndWithdraws() {
    String id = EnrolmentFixtures.enrol(parent, child, programme);
    get(parent, "/api/v1/enrolments/" + id)
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("status", equalTo("ENROLLED"))
        .body("startDate", equalTo("2026-09-01"));
    get(admin, "/api/v1/enrolments").statusCode(200).body("items.enrolmentId", hasItem(id));
    postIfMatch(
            parent,
            "/api/v1/enrolments/" + id + "/withdrawal",
            "2",
            "{\"effectiveDate\":\"2026-09-16\"}")
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("status", equalTo("WITHDRAWN"))
        .body("withdrawalEffective", equalTo("2026-09-16"));
    postIfMatch(parent, "/api/v1/enrolments/" + id + "/withdrawal", "3", "{}").statusCode(409);

    List<JsonNode> events = events(id, 3);
    assertEquals(
        List.of(
            "cn.anshan.oversight.enrolment.AsvApplicationSubmitted.v1",
            "cn.anshan.oversight.enrolment.AsvEnrolmentConfirmed.v1",
            "cn.anshan.oversight.enrolment.AsvWithdrawn.v1"),
        events.stream().map(e -> e.path("type").asText()).toList());
    assertEquals(parent.subject(), events.get(0).path("actor").asText());
    assertEquals(child, events.get(0).path("data").path("childId").asText());
    assertEquals("2026-09-16", events.get(2).path("data").path("effectiveDate").asText());
    JsonNode registered = events(child, 1).get(0);
    assertEquals(
        "cn.anshan.oversight.enrolment.ChildRegistered.v1", registered.path("type").asText());
    assertFalse(registered.path("data").has("guardianSub"));
  }

  @Test
  @DisplayName("ASV-05: another parent can neither see nor withdraw the child's enrolment (404)")
  void anotherParentGets404() {
    String id = EnrolmentFixtures.enrol(parent, child, programme);
    Tokens stranger = EnrolmentFixtures.parent();
    get(stranger, "/api/v1/enrolments/" + id).statusCode(404);
    get(stranger, "/api/v1/children/" + child).statusCode(404);
    postIfMatch(stranger, "/api/v1/enrolments/" + id + "/withdrawal", "2", "{}").statusCode(404);
    get(stranger, "/api/v1/enrolments").statusCode(200).body("items.enrolmentId", not(hasItem(id)));
    post(
            stranger,
            "/api/v1/enrolments",
            "{\"childId\":\"" + child + "\",\"programmeId\":\"" + programme + "\"}")
        .statusCode(404);
    get(parent, "/api/v1/enrolments/" + id).statusCode(200).body("status", equalTo("ENROLLED"));
    Tokens otherSchool = EnrolmentFixtures.schoolAdmin(EnrolmentFixtures.newSchool());
    get(otherSchool, "/api/v1/enrolments/" + id).statusCode(404);
    get(Tokens.user("reg-lishan").role("regulator").district("lishan"), "/api/v1/enrolments/" + id)
        .statusCode(404);
    get(
            Tokens.user("reg-tiedong").role("regulator").district("tiedong"),
            "/api/v1/enrolments/" + id)
        .statusCode(200);
  }

  @Test
  @DisplayName("ASV-04: a school admin cannot enrol a child: refused and reported as compulsion")
  void asv04SchoolEnrolmentRefusedAndSignalled() {
    post(
            admin,
            "/api/v1/enrolments",
            "{\"childId\":\"" + child + "\",\"programmeId\":\"" + programme + "\"}")
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("https://oversight.anshan.gov.cn/problems/rules/ASV-04"));
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from enrolment where child_id = ?", UUID.fromString(child)));
    List<JsonNode> signals =
        KafkaRecords.await(
                EnrolmentFixtures.TOPIC,
                r -> r.value().contains("AsvCompulsionSignalled") && r.value().contains(child),
                1,
                Duration.ofSeconds(30))
            .stream()
            .map(
                r -> {
                  EventContracts.assertValid(r.value());
                  return EnrolmentFixtures.read(r.value());
                })
            .toList();
    assertEquals(1, signals.size());
    JsonNode signal = signals.get(0);
    assertEquals(admin.subject(), signal.path("actor").asText());
    assertEquals("school-admin", signal.path("actorrole").asText());
    assertEquals(school, signal.path("data").path("schoolId").asText());
    assertEquals("ASV-04", signal.path("data").path("ruleId").asText());
  }

  @Test
  @DisplayName("ASV-05: the programme must be offered to the child's school and grade")
  void asv05ProgrammeOfAnotherSchool() {
    String stranger = EnrolmentFixtures.child(parent, EnrolmentFixtures.newSchool(), 3);
    post(
            parent,
            "/api/v1/enrolments",
            "{\"childId\":\"" + stranger + "\",\"programmeId\":\"" + programme + "\"}")
        .statusCode(422)
        .body("rules", hasItem("ASV-05"));
    String senior = EnrolmentFixtures.child(parent, school, 8);
    post(
            parent,
            "/api/v1/enrolments",
            "{\"childId\":\"" + senior + "\",\"programmeId\":\"" + programme + "\"}")
        .statusCode(422);
    EnrolmentFixtures.enrol(parent, child, programme);
    post(
            parent,
            "/api/v1/enrolments",
            "{\"childId\":\"" + child + "\",\"programmeId\":\"" + programme + "\"}")
        .statusCode(409);
  }

  @Test
  @DisplayName("ASV-05: an Idempotency-Key replays the enrolment; options come from the plan")
  void idempotentEnrolmentAndOptions() {
    String body =
        "{\"childId\":\""
            + child
            + "\",\"programmeId\":\""
            + programme
            + "\",\"options\":[\"围棋社团\"]}";
    String key = UUID.randomUUID().toString();
    String id =
        given()
            .header("Authorization", parent.bearer())
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/enrolments")
            .then()
            .statusCode(201)
            .body("options", equalTo(List.of("围棋社团")))
            .extract()
            .path("enrolmentId");
    given()
        .header("Authorization", parent.bearer())
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/enrolments")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("enrolmentId", equalTo(id));
    assertEquals(
        1,
        TestInfra.count(
            "select count(*) from enrolment where child_id = ?", UUID.fromString(child)));
    String other = EnrolmentFixtures.child(parent, school, 4);
    post(
            parent,
            "/api/v1/enrolments",
            "{\"childId\":\""
                + other
                + "\",\"programmeId\":\""
                + programme
                + "\",\"options\":[\"奥数\"]}")
        .statusCode(422)
        .body("rules", hasItem("ASV-05"));
  }
}
