package cn.anshan.oversight.escrow.rest;

import static cn.anshan.oversight.escrow.rest.EscrowFixtures.answer;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.freeze;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.institutionWithCustody;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.operator;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.paidOrder;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.readOrder;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.requestConsumption;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.escrow.service.ConsumptionService;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 2, LST-01: while an institution may not collect, it can neither ask for lessons nor
 * be paid for them — not on the parent's confirmation, not by the silence watch — and every refusal
 * changes nothing; once the registry restores its standing, the waiting lesson is released.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class StandingGateTest {
  static final long PRICE = 6000;

  @Inject ConsumptionService consumptions;

  @AfterEach
  void resetClock() {
    EscrowFixtures.unfreeze();
  }

  @Test
  void lst01NoConsumptionIsRequestedOrReleasedWhileTheInstitutionMayNotCollect() throws Throwable {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    Tokens operator = operator(institution);
    String orderId = paidOrder(parent, course, 10, PRICE, "2026-04-27", "2026-07-10");
    freeze("2026-04-28T10:00:00Z");
    String consumptionId =
        requestConsumption(operator, orderId, "2026-04-27")
            .statusCode(201)
            .extract()
            .path("consumptionId");

    EscrowFixtures.suspended(institution);
    requestConsumption(operator, orderId, "2026-04-28")
        .statusCode(409)
        .body("rules", hasItem("LST-01"));
    answer(parent, consumptionId, "confirmation").statusCode(409).body("rules", hasItem("LST-01"));
    // past the parent's 15 working days: silence would release it, but not now
    freeze("2026-06-30T02:00:00Z");
    VertxContextSupport.subscribeAndAwait(() -> consumptions.autoConfirmDue(500));
    Thread.sleep(2500); // the scheduled watch (every second in tests) has run past the due day too
    readOrder(parent, orderId)
        .statusCode(200)
        .body("lessonsRequested", equalTo(1))
        .body("releasedFen", equalTo(0));
    assertEquals("REQUESTED", statusOf(consumptionId));

    EscrowFixtures.whitelisted(institution);
    // this call skips while the scheduled watch holds the watch's lock; then that run releases it
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              VertxContextSupport.subscribeAndAwait(() -> consumptions.autoConfirmDue(500));
              assertEquals("AUTO_CONFIRMED", statusOf(consumptionId));
            });
    readOrder(parent, orderId).statusCode(200).body("releasedFen", equalTo((int) PRICE));
    EscrowFixtures.assertLedgerConsistent();
  }

  private static String statusOf(String consumptionId) {
    return (String)
        TestInfra.query("select status from consumption where id = cast(? as uuid)", consumptionId)
            .get(0)
            .get("status");
  }

  @Test
  void prc07APriceViolationFoundByTheRegistryStopsSalesOfTheCourse() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    UUID other = EscrowFixtures.courseFiled(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    String orderId = paidOrder(parent, course, 5, PRICE, "2026-04-27", "2026-07-10");

    EscrowFixtures.courseEvent(
        "PriceViolationDetected",
        course,
        Map.of(
            "courseId",
            course.toString(),
            "institutionId",
            institution,
            "ruleId",
            "PRC-03",
            "detail",
            "6000 fen per lesson above the guided ceiling of 5000 fen"));
    EscrowFixtures.awaitOne(
        "select count(*) from filed_course where course_id = ?"
            + " and sales_stopped_rule = 'PRC-03'",
        course);

    EscrowFixtures.order(parent, EscrowFixtures.orderBody(course, 5, "2026-04-27", "2026-07-10"))
        .statusCode(422)
        .body("rules", hasItem("PRC-03"))
        .body("detail", containsString("PRC-07"));
    assertEquals(
        1,
        TestInfra.count("select count(*) from prepay_order where course_id = ?", course),
        "only the order placed before the violation");
    // the institution's other courses, and the lessons already paid, go on
    EscrowFixtures.order(parent, EscrowFixtures.orderBody(other, 5, "2026-04-27", "2026-07-10"))
        .statusCode(201);
    freeze("2026-04-28T10:00:00Z");
    requestConsumption(operator(institution), orderId, "2026-04-27").statusCode(201);

    // a later schedule allows the price again: the course is sold again
    EscrowFixtures.courseEvent(
        "PriceViolationCleared",
        course,
        Map.of("courseId", course.toString(), "institutionId", institution));
    EscrowFixtures.awaitOne(
        "select count(*) from filed_course where course_id = ?" + " and sales_stopped_rule is null",
        course);
    EscrowFixtures.order(
            EscrowFixtures.parent(),
            EscrowFixtures.orderBody(course, 5, "2026-04-28", "2026-07-10"))
        .statusCode(201);
  }

  /** Issue 18 item 3: the bureau's REG-03 classification can stop sales whatever the price. */
  @Test
  void tim05ACourseTheBureauFindsSubjectTypeIsNotSoldUntilADecisionSaysOtherwise() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    paidOrder(parent, course, 5, PRICE, "2026-04-27", "2026-07-10");

    EscrowFixtures.courseEvent(
        "CourseClassified",
        course,
        Map.of("courseId", course.toString(), "institutionId", institution));
    EscrowFixtures.awaitOne(
        "select count(*) from filed_course where course_id = ?"
            + " and classified_subject_type_detail is not null",
        course);
    EscrowFixtures.order(parent, EscrowFixtures.orderBody(course, 5, "2026-04-27", "2026-07-10"))
        .statusCode(422)
        .body("rules", hasItem("TIM-05"))
        .body("detail", containsString("REG-03"))
        .body("detail", containsString("by its purpose, content, method"));

    // a price stop and its clearing meanwhile do not resume it: the classification still stands
    EscrowFixtures.courseEvent(
        "PriceViolationDetected",
        course,
        Map.of(
            "courseId",
            course.toString(),
            "institutionId",
            institution,
            "ruleId",
            "PRC-03",
            "detail",
            "above the guided ceiling"));
    EscrowFixtures.awaitOne(
        "select count(*) from filed_course where course_id = ? and sales_stopped_rule = 'PRC-03'",
        course);
    EscrowFixtures.courseEvent(
        "PriceViolationCleared",
        course,
        Map.of("courseId", course.toString(), "institutionId", institution));
    EscrowFixtures.awaitOne(
        "select count(*) from filed_course where course_id = ? and sales_stopped_rule is null",
        course);
    EscrowFixtures.order(parent, EscrowFixtures.orderBody(course, 5, "2026-04-27", "2026-07-10"))
        .statusCode(422)
        .body("rules", hasItem("TIM-05"));

    EscrowFixtures.courseEvent(
        "CourseClassified",
        course,
        Map.of(
            "courseId",
            course.toString(),
            "institutionId",
            institution,
            "outcome",
            "VERIFIED",
            "subjectTypeBy",
            List.of(),
            "breaches",
            List.of()));
    EscrowFixtures.awaitOne(
        "select count(*) from filed_course where course_id = ?"
            + " and classified_subject_type_detail is null",
        course);
    EscrowFixtures.order(parent, EscrowFixtures.orderBody(course, 5, "2026-04-28", "2026-07-10"))
        .statusCode(201);
  }
}
