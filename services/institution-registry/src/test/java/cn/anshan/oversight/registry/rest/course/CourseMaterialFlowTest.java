package cn.anshan.oversight.registry.rest.course;

import static cn.anshan.oversight.registry.rest.course.CourseFixtures.AUDITOR;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.COURSES;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.PARENT;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.REGULATOR_LISHAN;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.REGULATOR_TIEDONG;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.approvedNonSubject;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.course;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.events;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.file;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.operatorOf;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.scheduleSession;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * REG-12 (draft; issue 18 item 4): an institution files the teaching materials of its courses with
 * the approver, who reads them; the filing is an event of the course. With the rule switched off
 * (the default) sessions are scheduled without materials; {@link CourseMaterialGateTest} switches
 * it on.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class CourseMaterialFlowTest {
  static final String TEXTBOOK =
      """
      {"title":"乐高机器人入门 (上册)","kind":"TEXTBOOK","publisher":"辽宁科学技术出版社",
       "isbn":"9787559123456","reference":"docs://robotics/textbook-1.pdf"}""";

  static ValidatableResponse fileMaterial(Tokens who, String courseId, String body) {
    return given()
        .header("Authorization", who.bearer())
        .contentType(ContentType.JSON)
        .body(body)
        .post(COURSES + "/{id}/materials", courseId)
        .then();
  }

  static String artCourse(String inst) {
    return file(inst, course("NON_SUBJECT", null, 60, 8000)).path("courseId");
  }

  static long materials(String courseId) {
    return TestInfra.count("select count(*) from course_material where course_id = ?", courseId);
  }

  @Test
  void reg12TheOperatorFilesAMaterialAndTheApproverReadsIt() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId = artCourse(inst);
    String materialId =
        fileMaterial(operatorOf(inst), courseId, TEXTBOOK)
            .statusCode(201)
            .header("ETag", "\"1\"")
            .body("kind", equalTo("TEXTBOOK"))
            .body("isbn", equalTo("9787559123456"))
            .extract()
            .path("materialId");
    JsonNode filed = events(courseId, 2).get(1);
    assertEquals("cn.anshan.oversight.registry.MaterialFiled.v1", filed.path("type").asText());
    assertEquals(2, filed.path("aggregateversion").asInt());
    assertEquals(materialId, filed.path("data").path("materialId").asText());
    for (Tokens reader : List.of(operatorOf(inst), REGULATOR_TIEDONG, AUDITOR)) {
      given()
          .header("Authorization", reader.bearer())
          .get(COURSES + "/{id}/materials", courseId)
          .then()
          .statusCode(200)
          .body("materialId", equalTo(List.of(materialId)))
          .body("reference", hasItem("docs://robotics/textbook-1.pdf"));
      given()
          .header("Authorization", reader.bearer())
          .get(COURSES + "/{id}/materials/{m}", courseId, materialId)
          .then()
          .statusCode(200)
          .body("title", equalTo("乐高机器人入门 (上册)"));
    }
    // the course's version counts the filing, so its next session needs the new ETag
    given()
        .header("Authorization", operatorOf(inst).bearer())
        .get(COURSES + "/{id}", courseId)
        .then()
        .header("ETag", "\"2\"");
    // without the REG-12 gate a course is taught without filed materials
    String other = artCourse(inst);
    assertEquals(
        201,
        scheduleSession(operatorOf(inst), other, "1", "2026-03-04T19:30", "2026-03-04T20:30")
            .statusCode());
  }

  @Test
  void onlyTheOwnInstitutionFilesAndOnlyItsOverseersReadAndBadInputChangesNothing() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId = artCourse(inst);
    fileMaterial(operatorOf(UUID.randomUUID().toString()), courseId, TEXTBOOK).statusCode(404);
    for (Tokens other : List.of(REGULATOR_TIEDONG, AUDITOR, PARENT)) {
      fileMaterial(other, courseId, TEXTBOOK).statusCode(403);
    }
    fileMaterial(operatorOf(inst), courseId, TEXTBOOK.replace("9787559123456", "978-7-5591"))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.pointer", hasItem("/isbn"));
    fileMaterial(
            operatorOf(inst),
            courseId,
            "{\"title\":\" \",\"kind\":\"TEXTBOOK\",\"reference\":\"docs://x\"}")
        .statusCode(400)
        .body("errors.pointer", hasItem("/title"));
    assertEquals(0, materials(courseId));
    String materialId =
        fileMaterial(operatorOf(inst), courseId, TEXTBOOK)
            .statusCode(201)
            .extract()
            .path("materialId");
    for (Tokens stranger : List.of(REGULATOR_LISHAN, operatorOf(UUID.randomUUID().toString()))) {
      given()
          .header("Authorization", stranger.bearer())
          .get(COURSES + "/{id}/materials", courseId)
          .then()
          .statusCode(404);
      given()
          .header("Authorization", stranger.bearer())
          .get(COURSES + "/{id}/materials/{m}", courseId, materialId)
          .then()
          .statusCode(404);
    }
    given()
        .header("Authorization", PARENT.bearer())
        .get(COURSES + "/{id}/materials", courseId)
        .then()
        .statusCode(403);
    String otherCourse = artCourse(inst);
    given()
        .header("Authorization", operatorOf(inst).bearer())
        .get(COURSES + "/{id}/materials/{m}", otherCourse, materialId)
        .then()
        .statusCode(404);
  }
}
