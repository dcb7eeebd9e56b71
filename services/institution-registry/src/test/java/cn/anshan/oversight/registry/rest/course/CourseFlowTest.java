package cn.anshan.oversight.registry.rest.course;

import static cn.anshan.oversight.registry.rest.course.CourseFixtures.AUDITOR;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.COURSES;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.NON_SUBJECT_CRITERIA;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.PARENT;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.REGULATOR_LISHAN;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.REGULATOR_TIEDONG;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.adoptOffline;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.approvedNonSubject;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.course;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.events;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.file;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.grandfatheredSubject;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.operatorOf;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.outboxRows;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.scheduleSession;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Courses and sessions over HTTP: token → service → PostgreSQL + outbox → Kafka. */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class CourseFlowTest {

  static String artCourse(String institutionId) {
    String courseId =
        file(institutionId, course("NON_SUBJECT", null, 60, 8000))
            .response()
            .then()
            .statusCode(201)
            .extract()
            .path("courseId");
    return courseId;
  }

  static long sessions(String courseId) {
    return TestInfra.count("select count(*) from course_session where course_id = ?", courseId);
  }

  @Test
  void operatorFilesANonSubjectCourseAndSchedulesASession() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    ExtractableResponse<Response> filed = file(inst, course("NON_SUBJECT", null, 60, 8000));
    assertEquals(201, filed.statusCode());
    String courseId = filed.path("courseId");
    assertEquals(COURSES + "/" + courseId, filed.header("Location"));
    assertEquals("\"1\"", filed.header("ETag"));
    assertEquals("10-35", filed.path("classSizeBand"));
    assertNull(filed.path("guidedCeilingFen"));

    // A Wednesday in term, ending exactly at the TIM-03 limit.
    ExtractableResponse<Response> scheduled =
        scheduleSession(operatorOf(inst), courseId, "1", "2026-03-04T19:30", "2026-03-04T20:30");
    assertEquals(201, scheduled.statusCode(), scheduled.asString());
    assertEquals("\"2\"", scheduled.header("ETag"));
    String sessionId = scheduled.path("sessionId");
    assertEquals(COURSES + "/" + courseId + "/sessions/" + sessionId, scheduled.header("Location"));

    given()
        .header("Authorization", operatorOf(inst).bearer())
        .get(COURSES + "/{id}", courseId)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"");
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .get(COURSES + "/{id}/sessions", courseId)
        .then()
        .statusCode(200)
        .body("items.sessionId", hasItem(sessionId))
        .body("items[0].startsAt", equalTo("2026-03-04T19:30:00"));

    List<JsonNode> events = events(courseId, 2);
    assertEquals(2, events.size());
    JsonNode courseFiled = events.get(0);
    assertEquals("cn.anshan.oversight.registry.CourseFiled.v1", courseFiled.path("type").asText());
    assertEquals("Course", courseFiled.path("aggregatetype").asText());
    assertEquals(1, courseFiled.path("aggregateversion").asInt());
    assertEquals(inst, courseFiled.path("data").path("institutionId").asText());
    JsonNode sessionScheduled = events.get(1);
    assertEquals(
        "cn.anshan.oversight.registry.SessionScheduled.v1", sessionScheduled.path("type").asText());
    assertEquals(2, sessionScheduled.path("aggregateversion").asInt());
    assertEquals("2026-03-04T11:30:00Z", sessionScheduled.path("data").path("startsAt").asText());
    assertEquals("tiedong", sessionScheduled.path("district").asText());
  }

  @Test
  void tim03OfflineSessionEndingAfterTwentyThirtyIsRefusedAndNothingIsStored() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId = artCourse(inst);
    ExtractableResponse<Response> refused =
        scheduleSession(operatorOf(inst), courseId, "1", "2026-03-04T19:31", "2026-03-04T20:31");
    assertEquals(422, refused.statusCode());
    assertEquals("application/problem+json", refused.contentType());
    assertEquals(List.of("TIM-03"), refused.path("rules"));
    assertEquals(0, sessions(courseId));
    assertEquals(1, outboxRows(courseId));
  }

  @Test
  void tim04SessionsOfAnInstitutionForPupilsMayNotClashWithSchoolHours() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId = artCourse(inst);
    ExtractableResponse<Response> refused =
        scheduleSession(operatorOf(inst), courseId, "1", "2026-03-04T15:30", "2026-03-04T16:30");
    assertEquals(422, refused.statusCode());
    assertEquals(List.of("TIM-04"), refused.path("rules"));
    // The same hours on a Saturday are fine for non-subject training.
    assertEquals(
        201,
        scheduleSession(operatorOf(inst), courseId, "1", "2026-03-07T15:30", "2026-03-07T16:30")
            .statusCode());
  }

  @Test
  void tim02OnlineSessionsKeepTheirBreakOverHttp() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "ONLINE");
    String courseId =
        file(
                inst,
                """
                {"name":"Online drawing","category":"NON_SUBJECT","mode":"ONLINE",
                 "lessonMinutes":30,"maxStudents":8,"pricePerLessonFen":3000,
                 "classification":%s}"""
                    .formatted(NON_SUBJECT_CRITERIA))
            .path("courseId");
    assertEquals(
        201,
        scheduleSession(operatorOf(inst), courseId, "1", "2026-03-07T18:00", "2026-03-07T18:30")
            .statusCode());
    ExtractableResponse<Response> tooSoon =
        scheduleSession(operatorOf(inst), courseId, "2", "2026-03-07T18:39", "2026-03-07T19:09");
    assertEquals(422, tooSoon.statusCode());
    assertEquals(List.of("TIM-02"), tooSoon.path("rules"));
    assertEquals(
        201,
        scheduleSession(operatorOf(inst), courseId, "2", "2026-03-07T18:40", "2026-03-07T19:10")
            .statusCode());
    ExtractableResponse<Response> longLesson =
        file(
            inst,
            """
            {"name":"Long online drawing","category":"NON_SUBJECT","mode":"ONLINE",
             "lessonMinutes":31,"maxStudents":8,"pricePerLessonFen":3000,
             "classification":%s}"""
                .formatted(NON_SUBJECT_CRITERIA));
    assertEquals(422, longLesson.statusCode());
    assertEquals(List.of("TIM-02"), longLesson.path("rules"));
  }

  @Test
  void subjectCourseOfAGrandfatheredInstitutionWithinTheGuidedPriceAndTheCalendar() {
    adoptOffline(2500);
    String inst = UUID.randomUUID().toString();
    grandfatheredSubject(inst);

    ExtractableResponse<Response> tooDear = file(inst, course("SUBJECT", "MATHEMATICS", 45, 2751));
    assertEquals(422, tooDear.statusCode());
    assertEquals(List.of("PRC-03"), tooDear.path("rules"));
    assertEquals(0, TestInfra.count("select count(*) from course where institution_id = ?", inst));

    // 2500 × 1.10 = 2750 fen: exactly +10 % is allowed.
    ExtractableResponse<Response> filed = file(inst, course("SUBJECT", "MATHEMATICS", 45, 2750));
    assertEquals(201, filed.statusCode(), filed.asString());
    assertEquals(2750, (int) filed.path("guidedCeilingFen"));
    String courseId = filed.path("courseId");

    // 60-minute lessons are priced pro rata: 2500 × 1.10 × 60 / 45 = 3666.67.
    assertEquals(201, file(inst, course("SUBJECT", "PHYSICS", 60, 3666)).statusCode());
    assertEquals(422, file(inst, course("SUBJECT", "PHYSICS", 60, 3667)).statusCode());

    Tokens operator = operatorOf(inst);
    ExtractableResponse<Response> weekend =
        scheduleSession(operator, courseId, "1", "2026-03-07T18:00", "2026-03-07T18:45");
    assertEquals(422, weekend.statusCode());
    assertEquals(List.of("TIM-01"), weekend.path("rules"));
    assertEquals(
        List.of("TIM-01"),
        scheduleSession(operator, courseId, "1", "2026-10-02T18:00", "2026-10-02T18:45")
            .path("rules"));
    assertEquals(
        List.of("TIM-01"),
        scheduleSession(operator, courseId, "1", "2026-08-03T18:00", "2026-08-03T18:45")
            .path("rules"));
    // The make-up working Saturday of 9 May 2026 is a working day.
    ExtractableResponse<Response> makeUpDay =
        scheduleSession(operator, courseId, "1", "2026-05-09T18:00", "2026-05-09T18:45");
    assertEquals(201, makeUpDay.statusCode(), makeUpDay.asString());
    assertEquals(1, sessions(courseId));

    List<JsonNode> events = events(courseId, 2);
    assertEquals("MATHEMATICS", events.get(0).path("data").path("subject").asText());
    assertEquals(2750, events.get(0).path("data").path("guidedCeilingFen").asInt());
    assertEquals("SUBJECT", events.get(1).path("data").path("category").asText());
  }

  @Test
  void prc01SubjectCourseWithoutBenchmarkForItsBandIsRefused() {
    adoptOffline(2500);
    String inst = UUID.randomUUID().toString();
    grandfatheredSubject(inst);
    ExtractableResponse<Response> refused =
        file(
            inst,
            """
            {"name":"Maths lecture","category":"SUBJECT","subject":"MATHEMATICS","mode":"OFFLINE",
             "lessonMinutes":45,"maxStudents":40,"pricePerLessonFen":1000}""");
    assertEquals(422, refused.statusCode());
    assertEquals(List.of("PRC-01"), refused.path("rules"));
  }

  @Test
  void tim05AndReg06CategoryAndModeMustMatchTheLicence() {
    // With a benchmark in force, the price is fine and only the licence rules speak.
    adoptOffline(2500);
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    ExtractableResponse<Response> subject = file(inst, course("SUBJECT", "ENGLISH", 45, 100));
    assertEquals(422, subject.statusCode());
    assertEquals(List.of("TIM-05"), subject.path("rules"));
    ExtractableResponse<Response> online =
        file(inst, course("NON_SUBJECT", null, 30, 100).replace("OFFLINE", "ONLINE"));
    assertEquals(422, online.statusCode());
    assertEquals(List.of("REG-06"), online.path("rules"));
    assertEquals(0, TestInfra.count("select count(*) from course where institution_id = ?", inst));
  }

  @Test
  void schedulingNeedsTheCourseVersion() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId = artCourse(inst);
    assertEquals(
        428,
        scheduleSession(operatorOf(inst), courseId, null, "2026-03-04T18:00", "2026-03-04T19:00")
            .statusCode());
    assertEquals(
        412,
        scheduleSession(operatorOf(inst), courseId, "7", "2026-03-04T18:00", "2026-03-04T19:00")
            .statusCode());
    assertEquals(0, sessions(courseId));
  }

  @Test
  void rolesAndObjectsAreChecked() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId = artCourse(inst);
    Tokens stranger = operatorOf(UUID.randomUUID().toString());

    given().get(COURSES + "/{id}", courseId).then().statusCode(401);
    given()
        .header("Authorization", PARENT.bearer())
        .get(COURSES + "/{id}", courseId)
        .then()
        .statusCode(403);
    given()
        .header("Authorization", stranger.bearer())
        .get(COURSES + "/{id}", courseId)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", REGULATOR_LISHAN.bearer())
        .get(COURSES + "/{id}", courseId)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .get(COURSES + "/{id}", courseId)
        .then()
        .statusCode(200)
        .body("courseId", equalTo(courseId));
    given()
        .header("Authorization", AUDITOR.bearer())
        .get(COURSES + "/{id}/sessions", courseId)
        .then()
        .statusCode(200);

    assertEquals(
        404,
        scheduleSession(stranger, courseId, "1", "2026-03-04T18:00", "2026-03-04T19:00")
            .statusCode());
    assertEquals(
        403,
        scheduleSession(REGULATOR_TIEDONG, courseId, "1", "2026-03-04T18:00", "2026-03-04T19:00")
            .statusCode());
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .contentType(ContentType.JSON)
        .body(course("NON_SUBJECT", null, 60, 8000))
        .post(COURSES)
        .then()
        .statusCode(403);
    // An operator whose institution was never approved cannot file.
    assertEquals(
        404, file(UUID.randomUUID().toString(), course("NON_SUBJECT", null, 60, 1)).statusCode());
  }

  @Test
  void parentsReadAnInstitutionsCoursesAndPricesWithoutStaffData() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId = artCourse(inst);
    String path = "/api/v1/institutions/{id}/courses";
    given()
        .header("Authorization", PARENT.bearer())
        .get(path, inst)
        .then()
        .statusCode(200)
        .body("items.courseId", hasItem(courseId))
        .body("items[0].pricePerLessonFen", equalTo(8000))
        .body("items[0]", not(hasKey("filedBy")))
        .body("next", nullValue());
    given()
        .header("Authorization", operatorOf(inst).bearer())
        .get(path, inst)
        .then()
        .statusCode(200);
    given()
        .header("Authorization", operatorOf(UUID.randomUUID().toString()).bearer())
        .get(path, inst)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", REGULATOR_LISHAN.bearer())
        .get(path, inst)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", PARENT.bearer())
        .get(path, UUID.randomUUID().toString())
        .then()
        .statusCode(404);
    given()
        .header("Authorization", Tokens.anyone().role("custody-bank").bearer())
        .get(path, inst)
        .then()
        .statusCode(403);
  }

  @Test
  void invalidBodiesNameEveryFieldAndStoreNothing() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    given()
        .header("Authorization", operatorOf(inst).bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"\",\"category\":\"NON_SUBJECT\",\"mode\":\"OFFLINE\",\"lessonMinutes\":0,"
                + "\"maxStudents\":0,\"pricePerLessonFen\":-1}")
        .post(COURSES)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body(
            "errors.pointer",
            hasItems("/name", "/lessonMinutes", "/maxStudents", "/pricePerLessonFen"));
    assertEquals(0, TestInfra.count("select count(*) from course where institution_id = ?", inst));

    String courseId = artCourse(inst);
    ExtractableResponse<Response> backwards =
        scheduleSession(operatorOf(inst), courseId, "1", "2026-03-04T19:00", "2026-03-04T18:00");
    assertEquals(400, backwards.statusCode());
    assertEquals(List.of("/endsAt"), backwards.path("errors.pointer"));
    given()
        .header("Authorization", operatorOf(inst).bearer())
        .header("If-Match", "\"1\"")
        .contentType(ContentType.JSON)
        .body("{\"startsAt\":\"next Tuesday\",\"endsAt\":\"2026-03-04T18:00\"}")
        .post(COURSES + "/{id}/sessions", courseId)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    assertEquals(0, sessions(courseId));
    assertEquals(1, CourseFixtures.outboxRows(courseId));
  }

  @Test
  void aReplayedFilingAnswersTheSameAndFilesOnce() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String key = UUID.randomUUID().toString();
    String body = course("NON_SUBJECT", null, 60, 8000);
    String first =
        given()
            .header("Authorization", operatorOf(inst).bearer())
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(body)
            .post(COURSES)
            .then()
            .statusCode(201)
            .extract()
            .path("courseId");
    given()
        .header("Authorization", operatorOf(inst).bearer())
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(body)
        .post(COURSES)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("courseId", equalTo(first));
    assertEquals(1, TestInfra.count("select count(*) from course where institution_id = ?", inst));
  }

  @Test
  void stf05AnOfflineClassNeedsFullTimeTeachersForTwoPercentOfItsStudents() {
    String id = UUID.randomUUID().toString();
    CourseFixtures.approvedWithoutStaff(id, "OFFLINE");
    file(id, course("NON_SUBJECT", null, 45, 5000))
        .response()
        .then()
        .statusCode(422)
        .body("rules", hasItem("STF-05"));
    assertEquals(0, TestInfra.count("select count(*) from course where institution_id = ?", id));
    CourseFixtures.fileFullTimeTeacher(id, "PRO_CERT");
    file(id, course("NON_SUBJECT", null, 45, 5000)).response().then().statusCode(201);
    // One full-time teacher covers 50 pupils at 2 %; 51 need two.
    file(
            id,
            course("NON_SUBJECT", null, 45, 5000)
                .replace("\"maxStudents\":20", "\"maxStudents\":51"))
        .response()
        .then()
        .statusCode(422)
        .body("rules", hasItem("STF-05"));
    file(
            id,
            course("NON_SUBJECT", null, 45, 5000)
                .replace("\"maxStudents\":20", "\"maxStudents\":50"))
        .response()
        .then()
        .statusCode(201);
  }
}
