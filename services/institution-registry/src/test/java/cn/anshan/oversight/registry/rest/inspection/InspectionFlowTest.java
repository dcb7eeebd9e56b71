package cn.anshan.oversight.registry.rest.inspection;

import static cn.anshan.oversight.registry.rest.RegistryFixtures.events;
import static cn.anshan.oversight.registry.rest.RegistryFixtures.freeze;
import static cn.anshan.oversight.registry.rest.SectorDepartmentFlowTest.sectorDepartment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.registry.rest.RegistryFixtures;
import cn.anshan.oversight.registry.rest.course.CourseFixtures;
import cn.anshan.oversight.registry.rest.staff.StaffFlowTest;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Inspection rounds over HTTP in a district of their own, with the events on the broker. */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class InspectionFlowTest {

  String district;
  Tokens regulator;

  @BeforeEach
  void freshDistrict() {
    freeze("2026-06-01T02:00:00Z");
    district = "d" + UUID.randomUUID().toString().substring(0, 8);
    regulator = Tokens.user("reg-" + district).role("regulator").district(district);
  }

  @AfterEach
  void resetClock() {
    RegistryFixtures.unfreeze();
  }

  String approvedInstitution() {
    String id = UUID.randomUUID().toString();
    RegistryFixtures.approved(
        Tokens.user("op-" + id).role("institution-operator").institution(id),
        regulator,
        id,
        """
            {"name":"Swim school","category":"NON_SUBJECT","subCategory":"SPORTS","mode":"OFFLINE",
             "district":"%s","legalForm":"BUSINESS","studentStages":["PRIMARY"],
             "premisesAreaSqm":400,"maxStudentsPerSlot":40,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}"""
            .formatted(district));
    return id;
  }

  /** Licence + registration: the institution is white-listed (version 5). */
  void whiteListed(String id) {
    given()
        .header("Authorization", regulator.bearer())
        .header("If-Match", "\"2\"")
        .contentType(ContentType.JSON)
        .body(
            "{\"licenceNo\":\"L-"
                + id.substring(0, 8)
                + "\",\"validFrom\":\"2026-06-01\",\"validTo\":\"2029-05-31\"}")
        .post("/api/v1/institutions/{id}/licence", id)
        .then()
        .statusCode(200);
    given()
        .header(
            "Authorization",
            Tokens.user("op-" + id).role("institution-operator").institution(id).bearer())
        .header("If-Match", "\"3\"")
        .contentType(ContentType.JSON)
        .body("{\"type\":\"BUSINESS_LICENCE\",\"creditCode\":\"91210300MA0TEST00X\"}")
        .post("/api/v1/institutions/{id}/registration", id)
        .then()
        .statusCode(200)
        .body("listStatus", equalTo("WHITE"));
  }

  /** A full-coverage round of the district on 2026-06-01, planned by its regulator. */
  ValidatableResponse planFullCoverage() {
    return given()
        .header("Authorization", regulator.bearer())
        .contentType(ContentType.JSON)
        .body("{\"type\":\"FULL_COVERAGE\",\"scheduledFor\":\"2026-06-01\"}")
        .post("/api/v1/inspection-plans")
        .then()
        .statusCode(201);
  }

  @Test
  void ins01FullCoverageFindingsRectificationDeadlinesAndOverdueAlerts() {
    String first = approvedInstitution();
    String second = approvedInstitution();
    String inspectionId =
        planFullCoverage()
            .body("inspections.institutionId", containsInAnyOrder(first, second))
            .extract()
            .path("inspections.find { it.institutionId == '" + first + "' }.inspectionId");

    // Mon 1 Jun 2026 + 5 working days = Mon 8 Jun.
    String rectificationId =
        given()
            .header("Authorization", regulator.bearer())
            .header("If-Match", "\"0\"")
            .contentType(ContentType.JSON)
            .body(
                """
                {"findings":[{"problemType":"SAFETY_HAZARD","detail":"fire exit blocked",
                  "rectificationWorkingDays":5},
                 {"problemType":"CONSUMER_RIGHTS","detail":"prices not displayed"}]}""")
            .post("/api/v1/inspections/{id}/completion", inspectionId)
            .then()
            .statusCode(200)
            .header("ETag", "\"2\"")
            .body("rectifications[0].deadline", equalTo("2026-06-08"))
            .extract()
            .path("rectifications[0].rectificationId");

    given()
        .header(
            "Authorization",
            Tokens.user("op-" + first).role("institution-operator").institution(first).bearer())
        .get("/api/v1/inspections/{id}", inspectionId)
        .then()
        .statusCode(200)
        .body("rectifications[0].status", equalTo("ORDERED"));
    given()
        .header(
            "Authorization",
            Tokens.user("op-" + second).role("institution-operator").institution(second).bearer())
        .get("/api/v1/inspections/{id}", inspectionId)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", Tokens.user("r2").role("regulator").district("lishan").bearer())
        .get("/api/v1/inspections/{id}", inspectionId)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", Tokens.user("p").role("parent").bearer())
        .get("/api/v1/inspections/{id}", inspectionId)
        .then()
        .statusCode(403);

    freeze("2026-06-09T02:00:00Z");
    List<JsonNode> events = events(inspectionId, 3);
    assertEquals(
        List.of(
            "cn.anshan.oversight.registry.InspectionCompleted.v1",
            "cn.anshan.oversight.registry.RectificationOrdered.v1",
            "cn.anshan.oversight.registry.RectificationOverdue.v1"),
        events.stream().map(e -> e.path("type").asText()).toList());
    assertEquals("system", events.get(2).path("actorrole").asText());

    given()
        .header("Authorization", regulator.bearer())
        .header("If-Match", "\"3\"")
        .post(
            "/api/v1/inspections/{id}/rectifications/{rid}/verification",
            inspectionId,
            rectificationId)
        .then()
        .statusCode(200)
        .body("rectifications[0].status", equalTo("VERIFIED"));
    assertEquals(true, events(inspectionId, 4).get(3).path("data").path("late").asBoolean());
  }

  @Test
  @DisplayName(
      "REG-02: the district's sports department inspects the sports institutions it"
          + " co-supervises; other departments and districts see nothing")
  void reg02TheSectorDepartmentInspectsTheInstitutionsItCoSupervises() {
    String swimSchool = approvedInstitution();
    String inspectionId =
        planFullCoverage()
            .extract()
            .path("inspections.find { it.institutionId == '" + swimSchool + "' }.inspectionId");
    Tokens sports = sectorDepartment("SPORTS", district);
    String completion =
        """
        {"findings":[{"problemType":"SAFETY_HAZARD","detail":"no lifeguard on duty",
          "rectificationWorkingDays":5}]}""";
    for (Tokens stranger :
        List.of(sectorDepartment("CULTURE_ART", district), sectorDepartment("SPORTS", "lishan"))) {
      given()
          .header("Authorization", stranger.bearer())
          .get("/api/v1/inspections/{id}", inspectionId)
          .then()
          .statusCode(404);
      given()
          .header("Authorization", stranger.bearer())
          .header("If-Match", "\"0\"")
          .contentType(ContentType.JSON)
          .body(completion)
          .post("/api/v1/inspections/{id}/completion", inspectionId)
          .then()
          .statusCode(404);
    }
    given()
        .header("Authorization", sports.bearer())
        .get("/api/v1/inspections/{id}", inspectionId)
        .then()
        .statusCode(200)
        .body("status", equalTo("SCHEDULED"));
    String rectificationId =
        given()
            .header("Authorization", sports.bearer())
            .header("If-Match", "\"0\"")
            .contentType(ContentType.JSON)
            .body(completion)
            .post("/api/v1/inspections/{id}/completion", inspectionId)
            .then()
            .statusCode(200)
            .extract()
            .path("rectifications[0].rectificationId");
    given()
        .header("Authorization", sports.bearer())
        .header("If-Match", "\"2\"")
        .post(
            "/api/v1/inspections/{id}/rectifications/{rid}/verification",
            inspectionId,
            rectificationId)
        .then()
        .statusCode(200)
        .body("rectifications[0].status", equalTo("VERIFIED"));
    List<JsonNode> events = events(inspectionId, 3);
    assertEquals("sector-department", events.get(0).path("actorrole").asText());
    assertEquals(sports.subject(), events.get(0).path("actor").asText());
    assertEquals(
        "cn.anshan.oversight.registry.RectificationVerified.v1",
        events.get(2).path("type").asText());
    // planning the round stays the regulator's (INS-02 sampling)
    given()
        .header("Authorization", sports.bearer())
        .contentType(ContentType.JSON)
        .body("{\"type\":\"FULL_COVERAGE\",\"scheduledFor\":\"2026-06-02\"}")
        .post("/api/v1/inspection-plans")
        .then()
        .statusCode(403);
  }

  @Test
  void ins02RandomSampleDrawsOnlyWhiteListedInstitutionsByRiskGrade() {
    String risky = approvedInstitution();
    String unlicensed = approvedInstitution();
    whiteListed(risky);
    given()
        .header("Authorization", regulator.bearer())
        .header("If-Match", "\"5\"")
        .contentType(ContentType.JSON)
        .body("{\"riskGrade\":\"D\"}")
        .post("/api/v1/institutions/{id}/risk-grade", risky)
        .then()
        .statusCode(200)
        .body("riskGrade", equalTo("D"));
    String planId =
        given()
            .header("Authorization", regulator.bearer())
            .contentType(ContentType.JSON)
            .body("{\"type\":\"RANDOM_SAMPLE\",\"scheduledFor\":\"2026-06-15\",\"seed\":20260615}")
            .post("/api/v1/inspection-plans")
            .then()
            .statusCode(201)
            .body("seed", equalTo(20260615))
            .body("inspections.institutionId", containsInAnyOrder(risky))
            .extract()
            .path("planId");
    JsonNode planned = events(planId, 1).get(0);
    assertEquals(20260615, planned.path("data").path("seed").asLong());
    assertEquals(0.40, planned.path("data").path("sampleRates").path("D").asDouble());
    assertEquals(
        0, TestInfra.count("select count(*) from inspection where institution_id = ?", unlicensed));
  }

  /**
   * Issue 18 item 3: staff declarations nobody checked, or found false, raise the sampled grade.
   */
  @Test
  void ins02UnverifiedAndRefutedDeclarationsRaiseTheSampledGrade() {
    String checked = approvedInstitution();
    String unchecked = approvedInstitution();
    String refuted = approvedInstitution();
    String uncheckedCourse = approvedInstitution();
    for (String id : List.of(checked, unchecked, refuted, uncheckedCourse)) {
      whiteListed(id);
    }
    String checkedTeacher = staffOf(checked);
    staffOf(unchecked);
    String refutedTeacher = staffOf(refuted);
    String courseTeacher = staffOf(uncheckedCourse);
    check(checked, checkedTeacher, false);
    check(refuted, refutedTeacher, true);
    check(uncheckedCourse, courseTeacher, false);
    // its staff are verified, but the REG-03 classification of its course is not
    assertEquals(
        201,
        given()
            .header("Authorization", StaffFlowTest.operatorOf(uncheckedCourse).bearer())
            .contentType(ContentType.JSON)
            .body(CourseFixtures.course("NON_SUBJECT", null, 60, 8000))
            .post("/api/v1/courses")
            .statusCode());
    String planId =
        given()
            .header("Authorization", regulator.bearer())
            .contentType(ContentType.JSON)
            .body("{\"type\":\"RANDOM_SAMPLE\",\"scheduledFor\":\"2026-06-15\",\"seed\":5}")
            .post("/api/v1/inspection-plans")
            .then()
            .statusCode(201)
            .body(
                "raisedGrades.institutionId",
                containsInAnyOrder(unchecked, refuted, uncheckedCourse))
            .extract()
            .path("planId");
    JsonNode raised = events(planId, 1).get(0).path("data").path("raisedGrades");
    assertEquals(3, raised.size(), raised.toString());
    for (JsonNode grade : raised) {
      assertEquals("B", grade.path("assigned").asText());
      if (!grade.path("institutionId").asText().equals(refuted)) {
        assertEquals("C", grade.path("sampledAs").asText());
        assertEquals("UNVERIFIED_DECLARATIONS", grade.path("reason").asText());
      } else {
        assertEquals("D", grade.path("sampledAs").asText());
        assertEquals("REFUTED_DECLARATIONS", grade.path("reason").asText());
      }
    }
    // a prepayment audit draws the same share of every grade: nothing is raised
    given()
        .header("Authorization", regulator.bearer())
        .contentType(ContentType.JSON)
        .body("{\"type\":\"PREPAYMENT_AUDIT\",\"scheduledFor\":\"2026-06-15\",\"seed\":5}")
        .post("/api/v1/inspection-plans")
        .then()
        .statusCode(201)
        .body("raisedGrades", equalTo(List.of()));
    // a full-coverage round visits everyone: nothing is raised
    given()
        .header("Authorization", regulator.bearer())
        .contentType(ContentType.JSON)
        .body("{\"type\":\"FULL_COVERAGE\",\"scheduledFor\":\"2026-06-16\"}")
        .post("/api/v1/inspection-plans")
        .then()
        .statusCode(201)
        .body("raisedGrades", equalTo(List.of()));
  }

  String staffOf(String institution) {
    return given()
        .header("Authorization", StaffFlowTest.operatorOf(institution).bearer())
        .contentType(ContentType.JSON)
        .body(StaffFlowTest.fullTimeTeacher(StaffFlowTest.nationalId()))
        .post("/api/v1/institutions/{id}/staff", institution)
        .then()
        .statusCode(201)
        .extract()
        .path("staffId");
  }

  void check(String institution, String staffId, boolean inServiceTeacherFound) {
    given()
        .header("Authorization", regulator.bearer())
        .header("If-Match", "\"1\"")
        .contentType(ContentType.JSON)
        .body(
            "{\"qualificationConfirmed\":true,\"inServiceTeacherFound\":%s,\"evidenceReference\":\"register\"}"
                .formatted(inServiceTeacherFound))
        .post("/api/v1/institutions/{id}/staff/{staffId}/verification", institution, staffId)
        .then()
        .statusCode(200);
  }

  /**
   * 15 % of one white-listed institution rounds up to one audit; the unlicensed one is never drawn.
   */
  @Test
  void ins03PrepaymentAuditDrawsTheConfiguredShareOfWhiteListedInstitutions() {
    String licensed = approvedInstitution();
    String unlicensed = approvedInstitution();
    whiteListed(licensed);
    String planId =
        given()
            .header("Authorization", regulator.bearer())
            .contentType(ContentType.JSON)
            .body("{\"type\":\"PREPAYMENT_AUDIT\",\"scheduledFor\":\"2026-06-20\",\"seed\":7}")
            .post("/api/v1/inspection-plans")
            .then()
            .statusCode(201)
            .body("type", equalTo("PREPAYMENT_AUDIT"))
            .body("inspections.institutionId", containsInAnyOrder(licensed))
            .extract()
            .path("planId");
    JsonNode planned = events(planId, 1).get(0);
    assertEquals("PREPAYMENT_AUDIT", planned.path("data").path("inspectionType").asText());
    for (String grade : List.of("A", "B", "C", "D")) {
      assertEquals(0.15, planned.path("data").path("sampleRates").path(grade).asDouble(), grade);
    }
    assertEquals(
        0, TestInfra.count("select count(*) from inspection where institution_id = ?", unlicensed));
  }

  @Test
  void plansAreForTheRegulatorsDistrictAndNotInThePast() {
    given()
        .header("Authorization", regulator.bearer())
        .contentType(ContentType.JSON)
        .body("{\"type\":\"FULL_COVERAGE\",\"scheduledFor\":\"2026-05-31\"}")
        .post("/api/v1/inspection-plans")
        .then()
        .statusCode(400)
        .body("errors.pointer", containsInAnyOrder("/scheduledFor"));
    given()
        .header(
            "Authorization",
            Tokens.user("op").role("institution-operator").institution("x").bearer())
        .contentType(ContentType.JSON)
        .body("{\"type\":\"FULL_COVERAGE\",\"scheduledFor\":\"2026-06-01\"}")
        .post("/api/v1/inspection-plans")
        .then()
        .statusCode(403);
    given()
        .header("Authorization", regulator.bearer())
        .contentType(ContentType.JSON)
        .body("{\"type\":\"EVERYONE\",\"scheduledFor\":\"2026-06-01\"}")
        .post("/api/v1/inspection-plans")
        .then()
        .statusCode(400)
        .body("errors.pointer", containsInAnyOrder("/type"));
    assertEquals(
        0, TestInfra.count("select count(*) from inspection_plan where district = ?", district));
  }
}
