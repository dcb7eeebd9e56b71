package cn.anshan.oversight.escrow.rest;

import static cn.anshan.oversight.escrow.rest.EscrowFixtures.childOf;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.courseFiled;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.freeze;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.heldSession;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.institutionWithCustody;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.operator;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.paidOrder;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.readOrder;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.reportHeld;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.requestConsumption;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.scheduledSession;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 1: money moves only for lessons that happened. A lesson is asked for by naming a
 * session of the order's course that the registry reports held (REL-04), that is over and inside
 * the order's period (REL-02), that the order's child attended (REL-04, else a risk signal), once;
 * lessons going faster than taught trip PLT-14. Every refusal stores nothing of the request.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class LessonEvidenceTest {
  static final long PRICE = 2000;

  @AfterEach
  void resetClock() {
    EscrowFixtures.unfreeze();
  }

  static long requested(String orderId) {
    return TestInfra.count(
        "select count(*) from consumption where order_id = cast(? as uuid)", orderId);
  }

  static long trips(String institution, String indicator) {
    return TestInfra.count(
        "select count(*) from risk_trip where institution_id = ? and indicator = ?",
        institution,
        indicator);
  }

  @Test
  void rel04OnlyAHeldSessionOfTheCourseThatIsOverAndInThePeriodIsALesson() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    UUID otherCourse = courseFiled(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    Tokens operator = operator(institution);
    String orderId = paidOrder(parent, course, 10, PRICE, "2026-04-27", "2026-07-10");
    List<UUID> child = List.of(childOf(parent));
    freeze("2026-05-06T02:00:00Z");

    UUID ofOtherCourse = heldSession(institution, otherCourse, "2026-05-04", child);
    requestConsumption(operator, orderId, ofOtherCourse)
        .statusCode(422)
        .body("rules", hasItem("REL-04"));
    UUID notHeld = scheduledSession(institution, course, "2026-05-04");
    requestConsumption(operator, orderId, notHeld)
        .statusCode(422)
        .body("rules", hasItem("REL-04"))
        .body("detail", containsString("not reported held"));
    requestConsumption(operator, orderId, UUID.randomUUID())
        .statusCode(422)
        .body("rules", hasItem("REL-04"));
    UUID beforeThePeriod = heldSession(institution, course, "2026-04-24", child);
    requestConsumption(operator, orderId, beforeThePeriod)
        .statusCode(422)
        .body("rules", hasItem("REL-02"));
    // held today 08:00–09:00 (00:00–01:00Z); at 00:30Z it is not over yet
    UUID today = heldSession(institution, course, "2026-05-06", child);
    freeze("2026-05-06T00:30:00Z");
    requestConsumption(operator, orderId, today).statusCode(422).body("rules", hasItem("REL-02"));
    assertEquals(0, requested(orderId));

    freeze("2026-05-06T02:00:00Z");
    requestConsumption(operator, orderId, today)
        .statusCode(201)
        .body("lessonNo", equalTo(1))
        .body("heldOn", equalTo("2026-05-06"))
        .body("session.sessionId", equalTo(today.toString()))
        .body("session.startsAt", equalTo("2026-05-06T08:00:00"))
        .body("session.endsAt", equalTo("2026-05-06T09:00:00"))
        .body("session.courseName", equalTo("少儿围棋进阶"));
    // one session is one lesson
    requestConsumption(operator, orderId, today)
        .statusCode(409)
        .body("rules", hasItem("REL-04"))
        .body("detail", containsString("one session is one lesson"));
    assertEquals(1, requested(orderId));
    // another order for the same child cannot be paid for the same attendance again
    String second = paidOrder(parent, course, 5, PRICE, "2026-04-27", "2026-07-10");
    requestConsumption(operator, second, today).statusCode(409).body("rules", hasItem("REL-04"));
    assertEquals(0, requested(second));
    // the parent confirms seeing the session, not just a date
    given()
        .header("Authorization", parent.bearer())
        .get("/api/v1/escrow/orders/{id}/consumptions", orderId)
        .then()
        .statusCode(200)
        .body("[0].session.startsAt", equalTo("2026-05-06T08:00:00"));
    assertEquals(
        today.toString(),
        EscrowFixtures.events(orderId, 4).get(3).path("data").path("sessionId").asText());
  }

  @Test
  void rel04ALessonTheChildDidNotAttendIsRefusedAndRecordedAsARisk() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    Tokens operator = operator(institution);
    String orderId = paidOrder(parent, course, 10, PRICE, "2026-04-27", "2026-07-10");
    freeze("2026-05-06T02:00:00Z");
    UUID someoneElse = UUID.randomUUID();
    UUID session = scheduledSession(institution, course, "2026-05-05");
    reportHeld(institution, course, session, "2026-05-05", List.of(someoneElse));

    // with an Idempotency-Key too: the request's transaction is rolled back, the signal is not
    given()
        .header("Authorization", operator.bearer())
        .header("Idempotency-Key", "absent-" + orderId)
        .contentType(ContentType.JSON)
        .body("{\"sessionId\":\"" + session + "\"}")
        .post("/api/v1/escrow/orders/{id}/consumptions", orderId)
        .then()
        .statusCode(422)
        .body("rules", hasItem("REL-04"))
        .body("detail", containsString("did not attend"));
    assertEquals(0, requested(orderId));
    readOrder(parent, orderId).statusCode(200).body("lessonsRequested", equalTo(0));
    assertEquals(1, trips(institution, "CONSUMPTION_WITHOUT_ATTENDANCE"));
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from idempotency_record where idempotency_key = ?",
            "absent-" + orderId));
  }

  @Test
  void plt14LessonsAskedForFasterThanTaughtTripARisk() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    Tokens operator = operator(institution);
    String orderId = paidOrder(parent, course, 10, PRICE, "2026-04-27", "2026-07-10");
    freeze("2026-05-06T02:00:00Z");
    for (int i = 0; i < 7; i++) {
      requestConsumption(operator, orderId, "2026-05-0" + (i < 6 ? 1 : 2)).statusCode(201);
    }
    assertEquals(0, trips(institution, "FAST_CONSUMPTION"));
    requestConsumption(operator, orderId, "2026-05-03").statusCode(201);
    assertEquals(1, trips(institution, "FAST_CONSUMPTION"));
  }
}
