package cn.anshan.oversight.registry.rest.course;

import static cn.anshan.oversight.registry.rest.course.CourseFixtures.AUDITOR;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.COURSES;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.NON_SUBJECT_CRITERIA;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.PARENT;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.REGULATOR_LISHAN;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.REGULATOR_TIEDONG;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.approvedNonSubject;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.course;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.events;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.file;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.grandfatheredSubject;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.operatorOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 3, REG-03: a non-subject course is filed with the operator's classification on the
 * four criteria and stays unverified until the education bureau (the district's regulator) records
 * its own; a course it finds subject-type is disguised subject-type training (TIM-05).
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class CourseClassificationFlowTest {
  static final String DRILLED =
      """
      {"purpose":"SUBJECT_GRADES","content":"NON_SUBJECT_CONTENT",
       "method":"EXPERIENCE_AND_PRACTICE","evaluation":"PROCESS_AND_SHOWCASE"}""";

  static String decision(String assessed) {
    return """
        {"assessed":%s,"evidenceReference":"class visit 2026-03-10; teaching plan v1"}"""
        .formatted(assessed);
  }

  static ValidatableResponse classify(Tokens who, String courseId, String version, String body) {
    RequestSpecification request =
        given().header("Authorization", who.bearer()).contentType(ContentType.JSON).body(body);
    if (version != null) {
      request.header("If-Match", "\"" + version + "\"");
    }
    return request.post(COURSES + "/{id}/classification", courseId).then();
  }

  static String artCourse(String institution) {
    return file(institution, course("NON_SUBJECT", null, 60, 8000)).path("courseId");
  }

  static long classifiedEvents(String courseId) {
    return TestInfra.count(
        "select count(*) from outbox_event where aggregateid = ?"
            + " and payload->>'type' like '%CourseClassified.v1'",
        courseId);
  }

  @Test
  void reg03TheOperatorsClassificationIsFiledAndShownAsUnverified() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId =
        file(
                inst,
                course("NON_SUBJECT", null, 60, 8000)
                    .replace("}}", "},\"syllabusReference\":\"plan:art-2026-spring\"}"))
            .response()
            .then()
            .statusCode(201)
            .body("classification.status", equalTo("UNVERIFIED"))
            .body("classification.declared.method", equalTo("EXPERIENCE_AND_PRACTICE"))
            .body("classification.syllabusReference", equalTo("plan:art-2026-spring"))
            .extract()
            .path("courseId");
    JsonNode filed = events(courseId, 1).get(0);
    assertEquals(
        "INTEREST_AND_ABILITY", filed.path("data").path("classification").path("purpose").asText());
    // parents see that nobody has checked it yet
    given()
        .header("Authorization", PARENT.bearer())
        .get("/api/v1/institutions/{id}/courses", inst)
        .then()
        .statusCode(200)
        .body("items[0].classification.status", equalTo("UNVERIFIED"));
  }

  @Test
  void reg03ANonSubjectCourseWithoutOrAgainstItsClassificationIsRefused() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    file(
            inst,
            """
            {"name":"Drawing","category":"NON_SUBJECT","mode":"OFFLINE",
             "lessonMinutes":60,"maxStudents":20,"pricePerLessonFen":8000}""")
        .response()
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("rules", equalTo(List.of("REG-03")));
    file(
            inst,
            """
            {"name":"Olympiad thinking","category":"NON_SUBJECT","mode":"OFFLINE",
             "lessonMinutes":60,"maxStudents":20,"pricePerLessonFen":8000,"classification":%s}"""
                .formatted(DRILLED))
        .response()
        .then()
        .statusCode(422)
        .body("rules", equalTo(List.of("REG-03")))
        .body("detail", containsString("by purpose"));
    assertEquals(0, TestInfra.count("select count(*) from course where institution_id = ?", inst));
  }

  @Test
  void reg03TheBureauFindsDisguisedSubjectTrainingAndMayLaterDecideOtherwise() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId = artCourse(inst);
    classify(REGULATOR_TIEDONG, courseId, "1", decision(DRILLED))
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("classification.status", equalTo("REFUTED"))
        .body("classification.subjectTypeBy", equalTo(List.of("purpose")))
        .body("classification.declared.purpose", equalTo("INTEREST_AND_ABILITY"));
    JsonNode refuted = events(courseId, 2).get(1);
    assertEquals("cn.anshan.oversight.registry.CourseClassified.v1", refuted.path("type").asText());
    assertEquals("REFUTED", refuted.path("data").path("outcome").asText());
    assertEquals(
        List.of("REG-03", "TIM-05"),
        refuted.path("data").path("breaches").findValuesAsText("rule"));
    assertEquals("SUBJECT_GRADES", refuted.path("data").path("assessed").path("purpose").asText());
    assertEquals("regulator", refuted.path("actorrole").asText());
    given()
        .header("Authorization", PARENT.bearer())
        .get("/api/v1/institutions/{id}/courses", inst)
        .then()
        .body("items[0].classification.status", equalTo("REFUTED"));

    classify(REGULATOR_TIEDONG, courseId, "2", decision(NON_SUBJECT_CRITERIA))
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("classification.status", equalTo("VERIFIED"))
        .body("classification.subjectTypeBy", equalTo(List.of()))
        .body("classification.classifiedAt", notNullValue());
    JsonNode verified = events(courseId, 3).get(2);
    assertEquals("VERIFIED", verified.path("data").path("outcome").asText());
    assertEquals(0, verified.path("data").path("breaches").size());
  }

  @Test
  @DisplayName("Another district's regulator is refused without waiting on the course's row lock")
  void aForeignRegulatorIsRefusedBeforeTheCourseIsLocked() throws Exception {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId = artCourse(inst);
    try (Connection holder = TestInfra.connect()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock =
          holder.prepareStatement("select course_id from course where course_id = ? for update")) {
        lock.setString(1, courseId);
        lock.executeQuery().close();
      }
      // had the service locked before checking the scope, this would wait for the holder
      CompletableFuture<Integer> refused =
          CompletableFuture.supplyAsync(
              () ->
                  classify(REGULATOR_LISHAN, courseId, "1", decision(DRILLED))
                      .extract()
                      .statusCode());
      assertEquals(404, refused.get(20, TimeUnit.SECONDS));
      holder.rollback();
    }
    classify(REGULATOR_TIEDONG, courseId, "1", decision(DRILLED)).statusCode(200);
  }

  @Test
  void onlyTheDistrictsRegulatorClassifiesOnlyNonSubjectCoursesAndBadInputChangesNothing() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId = artCourse(inst);
    classify(REGULATOR_LISHAN, courseId, "1", decision(DRILLED)).statusCode(404);
    for (Tokens other : List.of(operatorOf(inst), AUDITOR, PARENT)) {
      classify(other, courseId, "1", decision(DRILLED)).statusCode(403);
    }
    classify(REGULATOR_TIEDONG, UUID.randomUUID().toString(), "1", decision(DRILLED))
        .statusCode(404);
    classify(REGULATOR_TIEDONG, courseId, null, decision(DRILLED)).statusCode(428);
    classify(REGULATOR_TIEDONG, courseId, "5", decision(DRILLED)).statusCode(412);
    classify(REGULATOR_TIEDONG, courseId, "1", "{\"assessed\":" + DRILLED + "}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.pointer", hasItem("/evidenceReference"));
    classify(
            REGULATOR_TIEDONG,
            courseId,
            "1",
            decision("{\"purpose\":\"SUBJECT_GRADES\",\"content\":\"NON_SUBJECT_CONTENT\"}"))
        .statusCode(400);
    assertEquals(0, classifiedEvents(courseId));
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .get(COURSES + "/{id}", courseId)
        .then()
        .header("ETag", "\"1\"")
        .body("classification.status", equalTo("UNVERIFIED"))
        .body("classification.classifiedAt", nullValue());

    CourseFixtures.adoptOffline(2500);
    String subjectInst = UUID.randomUUID().toString();
    grandfatheredSubject(subjectInst);
    String maths =
        file(subjectInst, course("SUBJECT", "MATHEMATICS", 45, 2750))
            .response()
            .then()
            .statusCode(201)
            .body("classification", nullValue())
            .extract()
            .path("courseId");
    classify(REGULATOR_TIEDONG, maths, "1", decision(DRILLED))
        .statusCode(409)
        .body("type", endsWith("/course-not-classifiable"));
  }
}
