package cn.anshan.oversight.enrolment.rest;

import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.events;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.get;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.post;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.postIfMatch;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.publishRegistry;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.registryEvent;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.testkit.KafkaRecords;
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
 * Outside providers (ASV-06, §11 row 18): admission only while the registry's events (published on
 * the real broker here) say white-listed and licensed; automatic exit on black-listing or lapse.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ProviderFlowTest {
  String school;
  Tokens admin;
  String programme;
  String institution;
  String course;

  @BeforeEach
  void programme() {
    EnrolmentFixtures.freeze("2026-09-01T01:00:00Z");
    school = EnrolmentFixtures.newSchool();
    admin = EnrolmentFixtures.schoolAdmin(school);
    programme = EnrolmentFixtures.programme(admin);
    institution = UUID.randomUUID().toString();
  }

  @AfterEach
  void resetClock() {
    EnrolmentFixtures.unfreeze();
  }

  void whitelisted() {
    publishRegistry(registryEvent("InstitutionWhitelisted.v1", institution, 5));
    awaitStanding("WHITE");
    course = EnrolmentFixtures.filedCourse(institution, 4_000);
  }

  void awaitStanding(String listStatus) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from provider_standing where institution_id = ?"
                            + " and list_status = ?",
                        institution,
                        listStatus)
                    == 1);
  }

  String admit() {
    return post(
            admin,
            "/api/v1/programmes/" + programme + "/providers",
            EnrolmentFixtures.admission(institution, course, 3_500, "围棋社团"))
        .statusCode(201)
        .header("ETag", "\"1\"")
        .body("status", equalTo("ADMITTED"))
        .extract()
        .path("admissionId");
  }

  @Test
  @DisplayName("ASV-06: a provider the registry never white-listed is refused")
  void asv06UnlistedProviderRefused() {
    post(
            admin,
            "/api/v1/programmes/" + programme + "/providers",
            EnrolmentFixtures.admission(institution, UUID.randomUUID().toString(), 100, "chess"))
        .statusCode(422)
        .body("type", equalTo("https://oversight.anshan.gov.cn/problems/rules/ASV-06"));
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from provider_admission where institution_id = ?", institution));
  }

  @Test
  @DisplayName(
      "ASV-06: a provider comes in for its own filed course, at no more than the filed price")
  void asv06FeeAtMostTheFiledPriceOfItsOwnCourse() {
    whitelisted();
    String providers = "/api/v1/programmes/" + programme + "/providers";
    post(admin, providers, EnrolmentFixtures.admission(institution, course, 4_001, "围棋"))
        .statusCode(422)
        .body("rules", hasItem("ASV-06"))
        .body("detail", containsString("above the course's filed price of 4000 fen"));
    String othersCourse = EnrolmentFixtures.filedCourse(UUID.randomUUID().toString(), 9_000);
    post(admin, providers, EnrolmentFixtures.admission(institution, othersCourse, 100, "围棋"))
        .statusCode(422)
        .body("rules", hasItem("ASV-06"))
        .body("detail", containsString("no course " + othersCourse + " of this institution"));
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from provider_admission where institution_id = ?", institution));
    String admission =
        post(admin, providers, EnrolmentFixtures.admission(institution, course, 4_000, "围棋"))
            .statusCode(201)
            .body("courseId", equalTo(course))
            .body("feeFenPerLesson", equalTo(4_000))
            .extract()
            .path("admissionId");
    JsonNode admitted = events(admission, 1).get(0);
    assertEquals(course, admitted.path("data").path("courseId").asText());
    assertEquals(4_000, admitted.path("data").path("feeFenPerLesson").asLong());
  }

  @Test
  @DisplayName(
      "ASV-06: admitted while white-listed; a registry black-listing exits it automatically")
  void asv06BlacklistedProviderLeavesTheProgramme() {
    whitelisted();
    String admission = admit();
    get(EnrolmentFixtures.parent(), "/api/v1/programmes/" + programme + "/providers")
        .statusCode(200)
        .body("institutionId", hasItem(institution));

    ObjectNode blacklisted = registryEvent("InstitutionBlacklisted.v1", institution, 6);
    publishRegistry(blacklisted);
    awaitExited(admission);
    get(admin, "/api/v1/provider-admissions/" + admission)
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("exitReason", equalTo("BLACKLISTED"));

    List<JsonNode> events = events(admission, 2);
    assertEquals(
        List.of(
            "cn.anshan.oversight.enrolment.ProviderAdmitted.v1",
            "cn.anshan.oversight.enrolment.ProviderExited.v1"),
        events.stream().map(e -> e.path("type").asText()).toList());
    JsonNode exited = events.get(1);
    assertEquals("system:enrolment", exited.path("actor").asText());
    assertEquals(blacklisted.path("id").asText(), exited.path("causationid").asText());
    assertEquals("BLACKLISTED", exited.path("data").path("reason").asText());
    assertEquals("ASV-06", exited.path("data").path("ruleId").asText());

    post(
            admin,
            "/api/v1/programmes/" + programme + "/providers",
            EnrolmentFixtures.admission(institution, UUID.randomUUID().toString(), 100, "chess"))
        .statusCode(422)
        .body("rules", hasItem("ASV-06"));
  }

  @Test
  @DisplayName(
      "ASV-06: a black-listing whose data does not fit is parked naming why; the next one exits")
  void registryListingThatDoesNotFitIsParked() {
    whitelisted();
    String admission = admit();
    ObjectNode noOperational = registryEvent("InstitutionBlacklisted.v1", institution, 6);
    ((ObjectNode) noOperational.get("data")).remove("operational");
    publishRegistry(noOperational);
    assertTrue(
        ParkedRecords.await(
                "enrolment-registry", noOperational.path("id").asText(), Duration.ofSeconds(30))
            .contains("data does not fit InstitutionListing"));
    get(admin, "/api/v1/provider-admissions/" + admission)
        .statusCode(200)
        .body("status", equalTo("ADMITTED"));

    publishRegistry(registryEvent("InstitutionBlacklisted.v1", institution, 7));
    awaitExited(admission);
  }

  @Test
  @DisplayName("ASV-06: a licence expiry reported by the registry exits the provider")
  void asv06LicenceExpiredExits() {
    whitelisted();
    String admission = admit();
    publishRegistry(registryEvent("LicenceExpired.v1", institution, 6));
    awaitExited(admission);
    assertEquals(
        "LICENCE_EXPIRED", events(admission, 2).get(1).path("data").path("reason").asText());
  }

  @Test
  @DisplayName("ASV-06: an evaluation below the pass mark exits the provider")
  void asv06FailedEvaluationExits() {
    whitelisted();
    String admission = admit();
    postIfMatch(
            admin,
            "/api/v1/provider-admissions/" + admission + "/evaluations",
            "1",
            "{\"period\":\"2026-09\",\"score\":75}")
        .statusCode(200)
        .body("status", equalTo("ADMITTED"))
        .body("lastScore", equalTo(75));
    postIfMatch(
            admin,
            "/api/v1/provider-admissions/" + admission + "/evaluations",
            "2",
            "{\"period\":\"2026-10\",\"score\":59}")
        .statusCode(200)
        .header("ETag", "\"4\"")
        .body("status", equalTo("EXITED"))
        .body("exitReason", equalTo("EVALUATION_FAILED"));
    Tokens other = EnrolmentFixtures.schoolAdmin(EnrolmentFixtures.newSchool());
    get(other, "/api/v1/provider-admissions/" + admission).statusCode(404);
    postIfMatch(
            other,
            "/api/v1/provider-admissions/" + admission + "/evaluations",
            "4",
            "{\"period\":\"2026-11\",\"score\":90}")
        .statusCode(404);
    postIfMatch(
            Tokens.user("auditor-eval").role("auditor"),
            "/api/v1/provider-admissions/" + admission + "/evaluations",
            "4",
            "{\"period\":\"2026-11\",\"score\":90}")
        .statusCode(403);
    List<JsonNode> events = events(admission, 4);
    assertEquals(
        List.of(true, false),
        List.of(
            events.get(1).path("data").path("passed").asBoolean(),
            events.get(2).path("data").path("passed").asBoolean()));
    assertEquals("EVALUATION_FAILED", events.get(3).path("data").path("reason").asText());
  }

  @Test
  @DisplayName("A record that is not a CloudEvent is parked, the next is read")
  void poisonRecordIsParked() {
    String poison = "{not json " + institution;
    KafkaRecords.send(EnrolmentFixtures.REGISTRY_TOPIC, institution, poison);
    whitelisted();
    assertTrue(
        ParkedRecords.await("enrolment-registry", poison, Duration.ofSeconds(30))
            .startsWith("not JSON"));
  }

  @Test
  @DisplayName("ASV-06: the watch reports an evaluation overdue once its due date has passed")
  void asv06EvaluationOverdueReported() {
    whitelisted();
    String admission = admit();
    EnrolmentFixtures.freeze("2026-12-01T01:00:00Z");
    List<JsonNode> events = events(admission, 2);
    JsonNode overdue = events.get(1);
    assertEquals(
        "cn.anshan.oversight.enrolment.ProviderEvaluationOverdue.v1",
        overdue.path("type").asText());
    assertEquals("2026-11-30", overdue.path("data").path("dueOn").asText());
    assertEquals("system:enrolment", overdue.path("actor").asText());
  }

  /** The registry black-lists a person filed with the institution (STF-06); returns the event. */
  ObjectNode blacklistedStaff(String staffId) {
    ObjectNode listing =
        EnrolmentFixtures.golden(
            "registry",
            "StaffBlacklisted.v1",
            e -> {
              String entry = UUID.randomUUID().toString();
              e.put("id", UUID.randomUUID().toString());
              e.put("subject", "StaffBlacklistEntry/" + entry);
              e.put("aggregateid", entry);
              ObjectNode filed = (ObjectNode) e.get("data").get("currentlyFiled").get(0);
              filed.put("staffId", staffId).put("institutionId", institution);
            });
    publishRegistry(listing);
    return listing;
  }

  void staffLeft(String staffId) {
    publishRegistry(
        EnrolmentFixtures.golden(
            "registry",
            "StaffLeft.v1",
            e -> {
              e.put("id", UUID.randomUUID().toString());
              e.put("subject", "StaffMember/" + staffId);
              e.put("aggregateid", staffId);
              ((ObjectNode) e.get("data"))
                  .put("staffId", staffId)
                  .put("institutionId", institution);
            }));
  }

  void classified(String outcome) {
    publishRegistry(
        EnrolmentFixtures.golden(
            "registry",
            "CourseClassified.v1",
            e -> {
              e.put("id", UUID.randomUUID().toString());
              e.put("subject", "Course/" + course);
              e.put("aggregateid", course);
              ObjectNode data = (ObjectNode) e.get("data");
              data.put("courseId", course).put("institutionId", institution);
              data.put("outcome", outcome);
              if (outcome.equals("VERIFIED")) {
                data.putArray("subjectTypeBy");
                data.putArray("breaches");
              }
            }));
  }

  void awaitCount(long expected, String sql, Object... params) {
    await().atMost(Duration.ofSeconds(30)).until(() -> TestInfra.count(sql, params) == expected);
  }

  ValidatableResponse offer() {
    return post(
        admin,
        "/api/v1/programmes/" + programme + "/providers",
        EnrolmentFixtures.admission(institution, course, 3_500, "机器人社团"));
  }

  @Test
  @DisplayName(
      "ASV-06 / STF-06: a provider employing someone the registry black-lists exits, and is not"
          + " admitted again until the person has left")
  void asv06AProviderEmployingABlacklistedPersonExitsAndIsRefusedUntilTheyLeave() {
    whitelisted();
    String admission = admit();
    String staffId = UUID.randomUUID().toString();
    ObjectNode listing = blacklistedStaff(staffId);
    awaitExited(admission);
    get(admin, "/api/v1/provider-admissions/" + admission)
        .statusCode(200)
        .body("exitReason", equalTo("STAFF_BLACKLISTED"));
    JsonNode exited = events(admission, 2).get(1);
    assertEquals("STAFF_BLACKLISTED", exited.path("data").path("reason").asText());
    assertEquals(listing.path("id").asText(), exited.path("causationid").asText());
    assertEquals("system:enrolment", exited.path("actor").asText());

    offer()
        .statusCode(422)
        .body("rules", hasItem("ASV-06"))
        .body(
            "detail",
            containsString(
                "1 of the institution's filed staff is on the staff blacklist (STF-06)"));
    staffLeft(staffId);
    awaitCount(
        1,
        "select count(*) from barred_staff_filing where staff_id = ? and left_at is not null",
        staffId);
    offer().statusCode(201);
  }

  @Test
  @DisplayName("STF-06: a black-listing that arrives after the person left bars nobody")
  void aDepartureThatArrivesBeforeTheListingIsRemembered() {
    whitelisted();
    String admission = admit();
    String staffId = UUID.randomUUID().toString();
    staffLeft(staffId);
    awaitCount(1, "select count(*) from barred_staff_filing where staff_id = ?", staffId);
    blacklistedStaff(staffId);
    awaitCount(
        1,
        "select count(*) from barred_staff_filing where staff_id = ? and listed_at is not null",
        staffId);
    // the listing was applied, and it neither exited the provider nor bars a new admission
    get(admin, "/api/v1/provider-admissions/" + admission)
        .statusCode(200)
        .body("status", equalTo("ADMITTED"));
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from outbox_event where aggregateid = ?"
                + " and payload->>'type' like '%ProviderExited.v1'",
            admission));
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from barred_staff_filing where institution_id = ?"
                + " and listed_at is not null and left_at is null",
            institution));
  }

  @Test
  @DisplayName("ASV-06 / REG-03: no provider for a course the bureau found subject-type")
  void asv06ACourseClassifiedSubjectTypeIsNotBroughtIn() {
    whitelisted();
    classified("REFUTED");
    awaitCount(
        1,
        "select count(*) from filed_course where course_id = ?::uuid and classified_subject_type",
        course);
    offer()
        .statusCode(422)
        .body("rules", hasItem("ASV-06"))
        .body("detail", containsString("REG-03"));
    classified("VERIFIED");
    awaitCount(
        1,
        "select count(*) from filed_course where course_id = ?::uuid"
            + " and not classified_subject_type",
        course);
    offer().statusCode(201);
  }

  @Test
  @DisplayName(
      "ASV-06 / REG-03: providers brought in for a course the bureau found subject-type exit")
  void asv06ProvidersOfARefutedCourseExit() {
    whitelisted();
    String admission = admit();
    classified("REFUTED");
    awaitExited(admission);
    get(admin, "/api/v1/provider-admissions/" + admission)
        .statusCode(200)
        .body("exitReason", equalTo("COURSE_REFUTED"));
    JsonNode exited = events(admission, 2).get(1);
    assertEquals("COURSE_REFUTED", exited.path("data").path("reason").asText());
    assertEquals("system:enrolment", exited.path("actor").asText());
    // once the bureau verifies the course, the school may bring the provider in again
    classified("VERIFIED");
    awaitCount(
        1,
        "select count(*) from filed_course where course_id = ?::uuid"
            + " and not classified_subject_type",
        course);
    offer().statusCode(201);
  }

  private void awaitExited(String admission) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "EXITED"
                    .equals(
                        get(admin, "/api/v1/provider-admissions/" + admission)
                            .extract()
                            .path("status")));
  }
}
