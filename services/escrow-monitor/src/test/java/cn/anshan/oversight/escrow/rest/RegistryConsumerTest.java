package cn.anshan.oversight.escrow.rest;

import static cn.anshan.oversight.escrow.rest.EscrowFixtures.REGISTRY_TOPIC;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.escrow.messaging.RegistryConsumer;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.ParkedRecords;
import cn.anshan.oversight.testkit.TestInfra;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The registry consumer reads the golden examples of the events it consumes, applies each event
 * once, ignores older standing versions and sends poison records to its DLQ.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class RegistryConsumerTest {
  static final String GOLDEN_INSTITUTION = "8d5f3a0e-4b7c-4f1e-9a51-2f0c9d7e6a01";

  @Test
  void goldenExamplesAreReadOnceAndOlderStandingVersionsIgnored() {
    ObjectNode course = EscrowFixtures.golden("CourseFiled");
    KafkaRecords.send(
        REGISTRY_TOPIC, course.path("aggregateid").asText(), course.toString(), course.toString());
    ObjectNode whitelisted = EscrowFixtures.golden("InstitutionWhitelisted"); // version 5
    ObjectNode blacklisted = EscrowFixtures.golden("InstitutionBlacklisted"); // version 12
    ObjectNode revoked = EscrowFixtures.golden("LicenceRevoked"); // version 20
    KafkaRecords.send(
        REGISTRY_TOPIC,
        GOLDEN_INSTITUTION,
        whitelisted.toString(),
        revoked.toString(),
        blacklisted.toString());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from inbox_event where consumer = 'escrow-monitor-registry'"
                            + " and event_id in (cast(? as uuid), cast(? as uuid),"
                            + " cast(? as uuid), cast(? as uuid))",
                        course.path("id").asText(),
                        whitelisted.path("id").asText(),
                        blacklisted.path("id").asText(),
                        revoked.path("id").asText())
                    == 4);
    List<Map<String, Object>> courses =
        TestInfra.query(
            "select institution_id, category, price_per_lesson_fen from filed_course"
                + " where course_id = cast(? as uuid)",
            course.path("aggregateid").asText());
    assertEquals(1, courses.size());
    assertEquals(3600L, ((Number) courses.get(0).get("price_per_lesson_fen")).longValue());
    assertEquals("SUBJECT", courses.get(0).get("category"));
    Map<String, Object> standing =
        TestInfra.query(
                "select list_status, operational, licence_revoked, source_version"
                    + " from institution_standing where institution_id = ?",
                GOLDEN_INSTITUTION)
            .get(0);
    // The black-list event (version 12) arrived after the revocation (version 20): ignored.
    assertEquals("WHITE", standing.get("list_status"));
    assertEquals(true, standing.get("licence_revoked"));
    assertEquals(false, standing.get("operational"));
    assertEquals(20L, ((Number) standing.get("source_version")).longValue());
  }

  @Test
  void aPoisonRecordIsParkedAndTheNextEventIsStillApplied() {
    String poison = "this is not a CloudEvent " + UUID.randomUUID();
    KafkaRecords.send(REGISTRY_TOPIC, "poison", poison);
    String institution = java.util.UUID.randomUUID().toString();
    EscrowFixtures.whitelisted(institution);
    assertTrue(
        ParkedRecords.await(RegistryConsumer.CONSUMER, poison, Duration.ofSeconds(30))
            .startsWith("not JSON"));
  }

  @Test
  void anEventThatIsNotTheRegistrysIsParkedAndNeverApplied() throws Exception {
    // issue 15 item 5: a white-listing "from" enrolment on the registry's topic, as anyone who can
    // reach the broker could write it
    String institution = UUID.randomUUID().toString();
    ObjectNode forged =
        (ObjectNode)
            new ObjectMapper()
                .readTree(
                    EscrowFixtures.standing(
                        "InstitutionWhitelisted", institution, "WHITE", true, "NONE"));
    forged.put("source", "/oversight/enrolment");
    KafkaRecords.send(REGISTRY_TOPIC, institution, forged.toString());
    String reason =
        ParkedRecords.await(
            RegistryConsumer.CONSUMER, forged.path("id").asText(), Duration.ofSeconds(30));
    assertTrue(reason.contains("/oversight/enrolment"), reason);
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from institution_standing where institution_id = ?", institution));
  }

  @Test
  void eventDataThatDoesNotFitItsRecordIsParkedNamingWhy() {
    // issue 14 item 4: the consumer reads each event's data into its own record (CourseFiled,
    // SessionEvent); what does not fit is parked with the reason, and nothing of it is applied
    String courseId = UUID.randomUUID().toString();
    ObjectNode noCategory = course(courseId);
    ((ObjectNode) noCategory.get("data")).remove("category");
    ObjectNode heldBy = EscrowFixtures.golden("SessionHeld");
    heldBy.put("id", UUID.randomUUID().toString());
    ((ObjectNode) heldBy.get("data")).putArray("attendingChildIds").add("not-a-child-id");
    ObjectNode filed = course(courseId);
    KafkaRecords.send(
        REGISTRY_TOPIC, courseId, noCategory.toString(), heldBy.toString(), filed.toString());

    String missing =
        ParkedRecords.await(
            RegistryConsumer.CONSUMER, noCategory.path("id").asText(), Duration.ofSeconds(30));
    assertTrue(missing.startsWith("data does not fit CourseFiled"), missing);
    assertTrue(missing.contains("category"), missing);
    String notUuid =
        ParkedRecords.await(
            RegistryConsumer.CONSUMER, heldBy.path("id").asText(), Duration.ofSeconds(30));
    assertTrue(notUuid.startsWith("data does not fit SessionEvent"), notUuid);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from filed_course where course_id = cast(? as uuid)",
                        courseId)
                    == 1);
    assertEquals(
        "SUBJECT",
        TestInfra.query(
                "select category from filed_course where course_id = cast(? as uuid)", courseId)
            .get(0)
            .get("category"));
  }

  /** The golden CourseFiled as a new event about course {@code courseId}. */
  private static ObjectNode course(String courseId) {
    ObjectNode course = EscrowFixtures.golden("CourseFiled");
    course.put("id", UUID.randomUUID().toString());
    course.put("aggregateid", courseId);
    course.put("subject", "Course/" + courseId);
    ((ObjectNode) course.get("data")).put("courseId", courseId);
    return course;
  }
}
