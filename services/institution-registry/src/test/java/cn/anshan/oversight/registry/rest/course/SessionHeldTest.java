package cn.anshan.oversight.registry.rest.course;

import static cn.anshan.oversight.registry.rest.course.CourseFixtures.COURSES;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.REGULATOR_TIEDONG;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.approvedNonSubject;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.events;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.operatorOf;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.outboxRows;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.scheduleSession;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestClock;
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
import org.junit.jupiter.api.Test;

/**
 * REL-04 evidence: the institution reports a scheduled session held with the children who attended
 * (by reference); once, not before it started, only for its own course; refusals store nothing.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class SessionHeldTest {

  @AfterEach
  void resetClock() {
    TestClock.unfreeze();
  }

  static ValidatableResponse held(Tokens who, String courseId, String sessionId, String body) {
    return given()
        .header("Authorization", who.bearer())
        .contentType(ContentType.JSON)
        .body(body)
        .post(COURSES + "/{c}/sessions/{s}/held", courseId, sessionId)
        .then();
  }

  @Test
  void rel04AHeldSessionIsReportedOnceWithItsChildrenAfterItStarted() {
    TestClock.freeze("2026-03-04T11:00:00Z"); // 19:00 in Anshan
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId = CourseFlowTest.artCourse(inst);
    String started =
        scheduleSession(operatorOf(inst), courseId, "1", "2026-03-04T18:30", "2026-03-04T19:30")
            .path("sessionId");
    String later =
        scheduleSession(operatorOf(inst), courseId, "2", "2026-03-04T19:30", "2026-03-04T20:30")
            .path("sessionId");
    String child = UUID.randomUUID().toString();
    String body = "{\"attendingChildIds\":[\"" + child + "\",\"" + child + "\"]}";

    // not started yet: refused, nothing stored
    held(operatorOf(inst), courseId, later, body).statusCode(422).body("rules", hasItem("REL-04"));
    // another institution's operator does not see the course
    held(operatorOf(UUID.randomUUID().toString()), courseId, started, body).statusCode(404);
    held(operatorOf(inst), courseId, UUID.randomUUID().toString(), body).statusCode(404);
    assertEquals(3, outboxRows(courseId));

    held(operatorOf(inst), courseId, started, body)
        .statusCode(200)
        .header("ETag", "\"4\"")
        .body("heldAt", notNullValue())
        .body("attendingChildIds", contains(child));
    held(operatorOf(inst), courseId, started, "{\"attendingChildIds\":[]}")
        .statusCode(409)
        .body("type", org.hamcrest.Matchers.containsString("session-already-held"));
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .get(COURSES + "/{c}/sessions/{s}", courseId, started)
        .then()
        .statusCode(200)
        .body("attendingChildIds", contains(child));

    List<JsonNode> events = events(courseId, 4);
    JsonNode heldEvent = events.get(3);
    assertEquals("cn.anshan.oversight.registry.SessionHeld.v1", heldEvent.path("type").asText());
    assertEquals(4, heldEvent.path("aggregateversion").asInt());
    assertEquals(started, heldEvent.path("data").path("sessionId").asText());
    assertEquals("2026-03-04T10:30:00Z", heldEvent.path("data").path("startsAt").asText());
    assertEquals(1, heldEvent.path("data").path("attendingChildIds").size());
    assertEquals(child, heldEvent.path("data").path("attendingChildIds").get(0).asText());
  }

  @Test
  void rel04AnEmptyOrMissingAttendanceListIsAFieldError() {
    String inst = UUID.randomUUID().toString();
    approvedNonSubject(inst, "OFFLINE");
    String courseId = CourseFlowTest.artCourse(inst);
    String session =
        scheduleSession(operatorOf(inst), courseId, "1", "2026-03-04T18:30", "2026-03-04T19:30")
            .path("sessionId");
    held(operatorOf(inst), courseId, session, "{}").statusCode(400);
    held(operatorOf(inst), courseId, session, "{\"attendingChildIds\":[\"not-a-uuid\"]}")
        .statusCode(400);
    assertEquals(2, outboxRows(courseId));
    held(operatorOf(inst), courseId, session, "{\"attendingChildIds\":[]}")
        .statusCode(200)
        .body("attendingChildIds.size()", equalTo(0));
  }
}
