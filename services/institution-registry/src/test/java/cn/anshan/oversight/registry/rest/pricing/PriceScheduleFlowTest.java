package cn.anshan.oversight.registry.rest.pricing;

import static cn.anshan.oversight.registry.rest.RegistryFixtures.TOPIC;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.COURSES;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.PARENT;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.PRICING_OFFICER;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.REGULATOR_TIEDONG;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.SCHEDULE;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.adoptOffline;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.course;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.events;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.file;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.grandfatheredSubject;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.operatorOf;
import static cn.anshan.oversight.registry.rest.course.CourseFixtures.outboxRows;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.contracts.EventContracts;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Guided prices over HTTP: adoption, the re-check of filed courses, the public read. */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class PriceScheduleFlowTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String value) {
    try {
      return JSON.readTree(value);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void pricingOfficerAdoptsAndEveryoneReadsThePublishedPrices() {
    int version = adoptOffline(2500);
    given()
        .header("Authorization", PARENT.bearer())
        .get(SCHEDULE)
        .then()
        .statusCode(200)
        .header("ETag", "\"" + version + "\"")
        .body("locality", equalTo("anshan"))
        .body("bands", equalTo(List.of("1-9", "10-35", "36+")))
        .body("benchmarks.find { it.band == '10-35' }.maxFenPerStandardHour", equalTo(2750));

    List<ConsumerRecord<String, String>> adopted =
        KafkaRecords.await(
            TOPIC,
            r ->
                "anshan".equals(r.key())
                    && json(r.value()).path("aggregateversion").asInt() == version,
            1,
            Duration.ofSeconds(30));
    assertEquals(1, adopted.size());
    EventContracts.assertValid(adopted.get(0).value());
    JsonNode event = json(adopted.get(0).value());
    assertEquals(
        "cn.anshan.oversight.registry.PriceScheduleAdopted.v1", event.path("type").asText());
    assertEquals("PriceSchedule", event.path("aggregatetype").asText());
    assertEquals("pricing-officer", event.path("actorrole").asText());
    assertEquals(0.10, event.path("data").path("floatUpMax").asDouble());
  }

  @Test
  void prc03ANewScheduleReportsEveryFiledSubjectCourseAboveItsCeiling() {
    adoptOffline(2500);
    String inst = UUID.randomUUID().toString();
    grandfatheredSubject(inst);
    String atCeiling =
        file(inst, course("SUBJECT", "MATHEMATICS", 45, 2750)).path("courseId").toString();
    String cheap = file(inst, course("SUBJECT", "CHEMISTRY", 45, 2000)).path("courseId").toString();

    // 2400 × 1.10 = 2640: the 2750 course is now above, the 2000 course is not.
    adoptOffline(2400);

    List<JsonNode> events = events(atCeiling, 2);
    assertEquals(2, events.size());
    JsonNode violation = events.get(1);
    assertEquals(
        "cn.anshan.oversight.registry.PriceViolationDetected.v1", violation.path("type").asText());
    assertEquals(2, violation.path("aggregateversion").asInt());
    assertEquals("PRC-03", violation.path("data").path("ruleId").asText());
    assertEquals(2640, violation.path("data").path("guidedCeilingFen").asInt());
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .get(COURSES + "/{id}", atCeiling)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("guidedCeilingFen", equalTo(2640));
    assertEquals(1, outboxRows(cheap));
  }

  @Test
  void prc07ALaterScheduleThatAllowsThePriceAgainClearsTheViolationOnce() {
    adoptOffline(2500);
    String inst = UUID.randomUUID().toString();
    grandfatheredSubject(inst);
    String course =
        file(inst, course("SUBJECT", "MATHEMATICS", 45, 2750)).path("courseId").toString();
    adoptOffline(2400); // ceiling 2640: above
    // 2600 × 1.10 = 2860: allowed again
    adoptOffline(2600);
    List<JsonNode> events = events(course, 3);
    assertEquals(
        "cn.anshan.oversight.registry.PriceViolationDetected.v1",
        events.get(1).path("type").asText());
    JsonNode cleared = events.get(2);
    assertEquals(
        "cn.anshan.oversight.registry.PriceViolationCleared.v1", cleared.path("type").asText());
    assertEquals(3, cleared.path("aggregateversion").asInt());
    assertEquals(2860, cleared.path("data").path("guidedCeilingFen").asInt());
    assertEquals(2750, cleared.path("data").path("pricePerLessonFen").asInt());
    // still allowed: nothing more to say about this course
    adoptOffline(2700);
    assertEquals(3, outboxRows(course));
  }

  @Test
  void prc04AdoptionWithAnUnknownBandIsRefusedAndNothingChanges() {
    int version = adoptOffline(2500);
    long rows = outboxRows("anshan");
    given()
        .header("Authorization", PRICING_OFFICER.bearer())
        .header("If-Match", "\"" + version + "\"")
        .contentType(ContentType.JSON)
        .body(
            "{\"benchmarks\":[{\"mode\":\"OFFLINE\",\"band\":\"10-40\",\"fenPerStandardHour\":1}]}")
        .post(SCHEDULE + "/adoption")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("rules", hasItem("PRC-04"));
    assertEquals(rows, outboxRows("anshan"));
    assertEquals(
        version, TestInfra.count("select version from price_schedule where locality = 'anshan'"));
  }

  @Test
  void replacingTheScheduleNeedsItsVersion() {
    int version = adoptOffline(2500);
    String body =
        "{\"benchmarks\":[{\"mode\":\"OFFLINE\",\"band\":\"10-35\",\"fenPerStandardHour\":2500}]}";
    given()
        .header("Authorization", PRICING_OFFICER.bearer())
        .contentType(ContentType.JSON)
        .body(body)
        .post(SCHEDULE + "/adoption")
        .then()
        .statusCode(428);
    given()
        .header("Authorization", PRICING_OFFICER.bearer())
        .header("If-Match", "\"" + (version - 1) + "\"")
        .contentType(ContentType.JSON)
        .body(body)
        .post(SCHEDULE + "/adoption")
        .then()
        .statusCode(412);
  }

  /** PRC-02: online benchmarks come from the licensing province, offline ones from the city. */
  @Test
  void prc02EachAuthoritySetsOnlyItsOwnBenchmarks() {
    String online =
        "{\"benchmarks\":[{\"mode\":\"ONLINE\",\"band\":\"1-9\",\"fenPerStandardHour\":1600}]}";
    given()
        .header("Authorization", PRICING_OFFICER.bearer())
        .contentType(ContentType.JSON)
        .body(online)
        .post(SCHEDULE + "/adoption")
        .then()
        .statusCode(422)
        .body("rules", equalTo(List.of("PRC-02")));
    String province = "/api/v1/price-schedules/liaoning";
    var current =
        given().header("Authorization", PRICING_OFFICER.bearer()).get(province).then().extract();
    var adoption =
        given()
            .header("Authorization", PRICING_OFFICER.bearer())
            .contentType(ContentType.JSON)
            .body(online);
    if (current.statusCode() == 200) {
      adoption.header("If-Match", current.header("ETag"));
    }
    adoption
        .post(province + "/adoption")
        .then()
        .statusCode(current.statusCode() == 200 ? 200 : 201);
    given()
        .header("Authorization", PRICING_OFFICER.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"benchmarks\":[{\"mode\":\"OFFLINE\",\"band\":\"10-35\",\"fenPerStandardHour\":2500}]}")
        .header("If-Match", "\"1\"")
        .post(province + "/adoption")
        .then()
        .statusCode(422)
        .body("rules", equalTo(List.of("PRC-02")));
    given()
        .header("Authorization", PARENT.bearer())
        .get(province)
        .then()
        .statusCode(200)
        .body("locality", equalTo("liaoning"))
        .body("benchmarks.find { it.band == '1-9' }.maxFenPerStandardHour", equalTo(1760));
  }

  @Test
  void onlyPricingOfficersAdoptAndOnlyForTheConfiguredLocality() {
    String body =
        "{\"benchmarks\":[{\"mode\":\"OFFLINE\",\"band\":\"10-35\",\"fenPerStandardHour\":2500}]}";
    for (var who : List.of(REGULATOR_TIEDONG, PARENT, operatorOf(UUID.randomUUID().toString()))) {
      given()
          .header("Authorization", who.bearer())
          .contentType(ContentType.JSON)
          .body(body)
          .post(SCHEDULE + "/adoption")
          .then()
          .statusCode(403);
    }
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post(SCHEDULE + "/adoption")
        .then()
        .statusCode(401);
    given()
        .header("Authorization", PRICING_OFFICER.bearer())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/price-schedules/shenzhen/adoption")
        .then()
        .statusCode(404);
    given()
        .header("Authorization", PRICING_OFFICER.bearer())
        .contentType(ContentType.JSON)
        .body("{\"benchmarks\":[{\"mode\":\"OFFLINE\",\"band\":\"\",\"fenPerStandardHour\":0}]}")
        .post(SCHEDULE + "/adoption")
        .then()
        .statusCode(400)
        .body("errors.pointer", hasItem("/benchmarks/0/fenPerStandardHour"));
  }
}
