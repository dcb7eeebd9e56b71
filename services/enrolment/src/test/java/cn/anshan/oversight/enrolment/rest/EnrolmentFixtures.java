package cn.anshan.oversight.enrolment.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.anshan.oversight.contracts.EventContracts;
import cn.anshan.oversight.testkit.ContractEvents;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.TestClock;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** What every enrolment flow test needs: clock, programmes, children and events on the broker. */
public final class EnrolmentFixtures {
  public static final String TOPIC = "oversight.enrolment.events";
  public static final String REGISTRY_TOPIC = "oversight.registry.events";
  public static final String FEE_TOPIC = "oversight.fee.events";
  public static final String TERM = "2026-autumn";
  private static final Map<String, Tokens> COMMITTEES = new ConcurrentHashMap<>();
  static final ObjectMapper JSON = new ObjectMapper();

  private EnrolmentFixtures() {}

  /** A school admin of a fresh school in district tiedong. */
  public static Tokens schoolAdmin(String schoolId) {
    return Tokens.user("admin-" + schoolId)
        .role("school-admin")
        .school(schoolId)
        .district("tiedong");
  }

  public static Tokens parent() {
    return Tokens.user("parent-" + UUID.randomUUID()).role("parent");
  }

  public static String newSchool() {
    return "school-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A valid 5+2 plan for grades 1-6, 15:30-17:30 on weekdays, term 2026-09-01..2027-01-15. */
  public static String programmeJson(String dailyStart, String dailyEnd, String days) {
    return """
        {"type":"AFTER_SCHOOL","termId":"2026-autumn","termStart":"2026-09-01",
         "termEnd":"2027-01-15","days":[%s],"dailyStart":"%s","dailyEnd":"%s",
         "grades":[1,2,3,4,5,6],"billing":"MONTHLY",
         "activities":[{"name":"作业辅导","kind":"HOMEWORK_SUPPORT"},
                       {"name":"围棋社团","kind":"CLUBS"}]}"""
        .formatted(days, dailyStart, dailyEnd);
  }

  public static final String WEEKDAYS =
      "\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"";

  public static ValidatableResponse post(Tokens who, String path, String body) {
    return given()
        .header("Authorization", who.bearer())
        .contentType(ContentType.JSON)
        .body(body)
        .post(path)
        .then();
  }

  public static ValidatableResponse postIfMatch(
      Tokens who, String path, String ifMatch, String body) {
    return given()
        .header("Authorization", who.bearer())
        .header("If-Match", "\"" + ifMatch + "\"")
        .contentType(ContentType.JSON)
        .body(body)
        .post(path)
        .then();
  }

  public static ValidatableResponse get(Tokens who, String path) {
    return given().header("Authorization", who.bearer()).get(path).then();
  }

  /** Publishes the standard programme and returns its id. */
  public static String programme(Tokens admin) {
    return post(admin, "/api/v1/programmes", programmeJson("15:30", "17:30", WEEKDAYS))
        .statusCode(201)
        .extract()
        .path("programmeId");
  }

  /** Publishes the standard programme and has its content agreed (LN-ASV-01); returns its id. */
  public static String agreedProgramme(Tokens admin, String schoolId) {
    String programme = programme(admin);
    agree(schoolId, programme);
    return programme;
  }

  /**
   * Has the school's parent committee agree the programme's content (LN-ASV-01): the school's one
   * representative, seated in fee-approval on the first call (ParentRepresentativeRegistered on the
   * fee topic, waited for), agrees to the version read. Returns the representative.
   */
  public static Tokens agree(String schoolId, String programmeId) {
    Tokens representative = COMMITTEES.computeIfAbsent(schoolId, EnrolmentFixtures::seat);
    String etag = get(representative, "/api/v1/programmes/" + programmeId).extract().header("ETag");
    postIfMatch(
            representative,
            "/api/v1/programmes/" + programmeId + "/content-agreement",
            etag.replace("\"", ""),
            "")
        .statusCode(200);
    return representative;
  }

  /** A parent seated on the school's committee as fee-approval reports it, once enrolment knows. */
  public static Tokens seat(String schoolId) {
    Tokens representative = Tokens.user("rep-" + UUID.randomUUID()).role("parent");
    publishFee(
        representative(schoolId, representative.subject(), "ParentRepresentativeRegistered.v1"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from committee_seat where school_id = ? and representative = ?",
                        schoolId,
                        representative.subject())
                    == 1);
    return representative;
  }

  /** fee-approval's ParentRepresentativeRegistered / Removed about {@code subject}. */
  public static ObjectNode representative(String schoolId, String subject, String type) {
    return golden(
        "fee",
        type,
        e -> {
          e.put("id", UUID.randomUUID().toString());
          e.put("subject", "ParentCommittee/" + schoolId);
          e.put("aggregateid", schoolId);
          ObjectNode data = (ObjectNode) e.get("data");
          data.put("schoolId", schoolId);
          data.put("representative", subject);
        });
  }

  public static String child(Tokens parent, String schoolId, int grade) {
    return post(
            parent,
            "/api/v1/children",
            "{\"schoolId\":\"" + schoolId + "\",\"grade\":" + grade + "}")
        .statusCode(201)
        .extract()
        .path("childId");
  }

  public static String enrol(Tokens parent, String childId, String programmeId) {
    return post(
            parent,
            "/api/v1/enrolments",
            "{\"childId\":\"" + childId + "\",\"programmeId\":\"" + programmeId + "\"}")
        .statusCode(201)
        .extract()
        .path("enrolmentId");
  }

  public static void freeze(String instant) {
    TestClock.freeze(instant);
  }

  public static void unfreeze() {
    TestClock.unfreeze();
  }

  /** The events of one aggregate in order, each checked against its contract. */
  public static List<JsonNode> events(String key, int expected) {
    return ContractEvents.of(TOPIC, key, expected);
  }

  /** A golden example of another context, with a new id and the given changes. */
  public static ObjectNode golden(String context, String name, Consumer<ObjectNode> change) {
    ObjectNode event = ContractEvents.golden(context, name);
    change.accept(event);
    EventContracts.assertValid(event.toString());
    return event;
  }

  /** A registry list or licence event about {@code institutionId} at {@code version}. */
  public static ObjectNode registryEvent(String name, String institutionId, int version) {
    return golden(
        "registry",
        name,
        e -> {
          e.put("subject", "Institution/" + institutionId);
          e.put("aggregateid", institutionId);
          e.put("aggregateversion", version);
          ((ObjectNode) e.get("data")).put("institutionId", institutionId);
        });
  }

  /**
   * The registry files a course of {@code institutionId} at {@code priceFen} per lesson; waits
   * until enrolment has learnt it. Returns the course id.
   */
  public static String filedCourse(String institutionId, long priceFen) {
    String course = UUID.randomUUID().toString();
    ObjectNode filed =
        golden(
            "registry",
            "CourseFiled.v1",
            e -> {
              e.put("id", UUID.randomUUID().toString());
              e.put("subject", "Course/" + course);
              e.put("aggregateid", course);
              ((ObjectNode) e.get("data"))
                  .put("courseId", course)
                  .put("institutionId", institutionId)
                  .put("pricePerLessonFen", priceFen);
            });
    publishRegistry(filed);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from filed_course where course_id = ?::uuid", course)
                    == 1);
    return course;
  }

  /** A provider admission body (ASV-06): the institution, its course, the fee, one service. */
  public static String admission(String institutionId, String course, long feeFen, String service) {
    return """
        {"institutionId":"%s","courseId":"%s","feeFenPerLesson":%d,"services":["%s"]}"""
        .formatted(institutionId, course, feeFen, service);
  }

  public static void publishRegistry(ObjectNode event) {
    KafkaRecords.send(REGISTRY_TOPIC, event.path("aggregateid").asText(), event.toString());
  }

  /** FeePublished for the school's AFTER_SCHOOL programme of 2026-autumn. */
  public static ObjectNode feePublished(String schoolId, long feeFen, int revision) {
    return feePublished(schoolId, TERM, "2026-09-01", "2027-01-15", feeFen, revision);
  }

  /** FeePublished for the school's AFTER_SCHOOL programme of {@code termId}. */
  public static ObjectNode feePublished(
      String schoolId, String termId, String termStart, String termEnd, long feeFen, int revision) {
    String proposal = UUID.randomUUID().toString();
    return golden(
        "fee",
        "FeePublished.v1",
        e -> {
          e.put("subject", "FeeProposal/" + proposal);
          e.put("aggregateid", proposal);
          ObjectNode data = (ObjectNode) e.get("data");
          data.put("proposalId", proposal);
          data.put("schoolId", schoolId);
          data.put("termId", termId);
          data.put("termStart", termStart);
          data.put("termEnd", termEnd);
          data.put("validFrom", termStart);
          data.put("validTo", termEnd);
          data.put("programmeType", "AFTER_SCHOOL");
          data.put("feeFenPerMonth", feeFen);
          data.put("revision", revision);
        });
  }

  public static void publishFee(ObjectNode event) {
    KafkaRecords.send(FEE_TOPIC, event.path("aggregateid").asText(), event.toString());
  }

  static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
