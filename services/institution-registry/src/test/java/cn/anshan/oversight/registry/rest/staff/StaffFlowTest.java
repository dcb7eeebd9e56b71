package cn.anshan.oversight.registry.rest.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.registry.domain.staff.NationalIdNumbers;
import cn.anshan.oversight.registry.rest.RegistryFixtures;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Staff filing, departure and the staff blacklist over HTTP, down to the broker. */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
public class StaffFlowTest {
  static final String APPLICATIONS = "/api/v1/institution-applications";
  static final String STAFF = "/api/v1/institutions/{institutionId}/staff";
  static final String BLACKLIST = "/api/v1/staff-blacklist";
  static final Tokens REGULATOR_TIEDONG =
      Tokens.user("reg-tiedong").role("regulator").district("tiedong");
  static final Tokens REGULATOR_LISHAN =
      Tokens.user("reg-lishan").role("regulator").district("lishan");
  static final Tokens AUDITOR = Tokens.user("aud").role("auditor");

  public static Tokens operatorOf(String institutionId) {
    return Tokens.user("op-" + institutionId)
        .role("institution-operator")
        .institution(institutionId);
  }

  /** A non-subject institution in tiedong, applied for and approved through the API. */
  static String approvedInstitution() {
    String id = UUID.randomUUID().toString();
    given()
        .header("Authorization", operatorOf(id).bearer())
        .contentType(ContentType.JSON)
        .body(
            """
            {"name":"Anshan Robotics Club","category":"NON_SUBJECT","subCategory":"SCIENCE_TECH",
             "mode":"OFFLINE","district":"tiedong","legalForm":"BUSINESS",
             "studentStages":["PRIMARY"],"premisesAreaSqm":320.5,"maxStudentsPerSlot":60,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}""")
        .post(APPLICATIONS)
        .then()
        .statusCode(201);
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .header("If-Match", "\"1\"")
        .post(APPLICATIONS + "/{id}/approval", id)
        .then()
        .statusCode(200);
    return id;
  }

  /** A random, well-formed 18-character resident ID number. */
  public static String nationalId() {
    StringBuilder id = new StringBuilder("210302");
    for (int i = 0; i < 11; i++) {
      id.append(ThreadLocalRandom.current().nextInt(10));
    }
    return id.append(NationalIdNumbers.checkCharacter(id.toString())).toString();
  }

  /** One whose check character is X, to show that its case does not matter. */
  static String nationalIdEndingInX() {
    String id = nationalId();
    while (!id.endsWith("X")) {
      id = nationalId();
    }
    return id;
  }

  /** The same number with another check character: a typing error. */
  static String mistyped(String id) {
    return id.substring(0, 17) + (id.endsWith("0") ? "1" : "0");
  }

  public static String person(
      String idNumber, String role, boolean fullTime, String qualification) {
    return """
        {"name":"张晓梅","nationalIdNumber":"%s","role":"%s","fullTime":%s,%s
         "inServiceTeacher":false,"writtenLabourContract":true}"""
        .formatted(
            idNumber,
            role,
            fullTime,
            qualification == null
                ? ""
                : "\"qualification\":{\"type\":\"%s\",\"number\":\"C-2101-0042\"},"
                    .formatted(qualification));
  }

  public static String fullTimeTeacher(String idNumber) {
    return person(idNumber, "TEACHING", true, "PRO_CERT");
  }

  static String partTimer() {
    return person(nationalId(), "OTHER", false, null);
  }

  static ValidatableResponse file(String institutionId, String body) {
    return given()
        .header("Authorization", operatorOf(institutionId).bearer())
        .contentType(ContentType.JSON)
        .body(body)
        .post(STAFF, institutionId)
        .then();
  }

  static String filed(String institutionId, String body) {
    return file(institutionId, body).statusCode(201).extract().path("staffId");
  }

  static ValidatableResponse leave(String institutionId, String staffId, String version) {
    RequestSpecification request =
        given().header("Authorization", operatorOf(institutionId).bearer());
    if (version != null) {
      request.header("If-Match", "\"" + version + "\"");
    }
    return request.post(STAFF + "/{staffId}/departure", institutionId, staffId).then();
  }

  static List<JsonNode> events(String aggregateId, int expected) {
    return RegistryFixtures.events(aggregateId, expected);
  }

  static long staffCount(String institutionId) {
    return TestInfra.count(
        "select count(*) from staff_member where institution_id = ?", institutionId);
  }

  static long staffEvents(String institutionId) {
    return TestInfra.count(
        "select count(*) from outbox_event where aggregatetype = 'StaffMember'"
            + " and payload->'data'->>'institutionId' = ?",
        institutionId);
  }

  @Test
  void operatorFilesReadsAndFilesADepartureWithEventsOnTheBroker() throws Exception {
    String institution = approvedInstitution();
    String idNumber = nationalId();
    String key = UUID.randomUUID().toString();
    String teacher =
        given()
            .header("Authorization", operatorOf(institution).bearer())
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(fullTimeTeacher(idNumber))
            .post(STAFF, institution)
            .then()
            .statusCode(201)
            .header("ETag", "\"1\"")
            .header("Location", containsString("/api/v1/institutions/" + institution + "/staff/"))
            .body("name", equalTo("张晓梅"))
            .body("role", equalTo("TEACHING"))
            .body("qualification.type", equalTo("PRO_CERT"))
            .body("status", equalTo("ACTIVE"))
            .body("$", not(org.hamcrest.Matchers.hasKey("nationalIdNumber")))
            .extract()
            .path("staffId");
    given()
        .header("Authorization", operatorOf(institution).bearer())
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .body(fullTimeTeacher(idNumber))
        .post(STAFF, institution)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("staffId", equalTo(teacher));
    assertEquals(1, staffCount(institution));
    String other = filed(institution, partTimer());

    // The number is nowhere: not in the staff row, the idempotency record or the outbox.
    String row =
        TestInfra.query("select * from staff_member where staff_id = ?", teacher).get(0).toString();
    assertFalse(row.contains(idNumber), row);
    assertTrue(row.contains("张晓梅"));
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from idempotency_record where response_body like ?",
            "%" + idNumber + "%"));
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from outbox_event where aggregateid = ? and (payload::text like ? or"
                + " payload::text like ?)",
            teacher,
            "%" + idNumber + "%",
            "%张晓梅%"));

    for (Tokens reader : List.of(operatorOf(institution), REGULATOR_TIEDONG, AUDITOR)) {
      given()
          .header("Authorization", reader.bearer())
          .get(STAFF, institution)
          .then()
          .statusCode(200)
          .body("items.staffId", hasItems(teacher, other))
          .body("items.name", hasItem("张晓梅"));
    }
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .get(STAFF + "/{staffId}", institution, teacher)
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("leftAt", nullValue());

    leave(institution, other, "1")
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("status", equalTo("LEFT"));
    // leaving twice is a conflict, not a second StaffLeft
    leave(institution, other, "2").statusCode(409).body("type", endsWith("/staff-already-left"));
    given()
        .header("Authorization", operatorOf(institution).bearer())
        .queryParam("status", "ACTIVE")
        .get(STAFF, institution)
        .then()
        .statusCode(200)
        .body("items.staffId", equalTo(List.of(teacher)));

    JsonNode teacherFiled = events(teacher, 1).get(0);
    assertEquals("cn.anshan.oversight.registry.StaffFiled.v1", teacherFiled.path("type").asText());
    assertEquals("StaffMember", teacherFiled.path("aggregatetype").asText());
    assertEquals("tiedong", teacherFiled.path("district").asText());
    assertEquals(institution, teacherFiled.path("data").path("institutionId").asText());
    assertEquals("PRO_CERT", teacherFiled.path("data").path("qualificationType").asText());
    assertTrue(teacherFiled.path("data").path("fullTime").asBoolean());
    assertFalse(teacherFiled.path("data").has("name"));
    List<JsonNode> otherEvents = events(other, 2);
    assertEquals(
        "cn.anshan.oversight.registry.StaffLeft.v1", otherEvents.get(1).path("type").asText());
    assertEquals(2, otherEvents.get(1).path("aggregateversion").asInt());
    assertEquals("OTHER", otherEvents.get(1).path("data").path("role").asText());
  }

  @Test
  void aPersonActiveAtTheInstitutionCannotBeFiledTwice() {
    String institution = approvedInstitution();
    String idNumber = nationalId();
    filed(institution, fullTimeTeacher(idNumber));
    long events = staffEvents(institution);
    file(institution, fullTimeTeacher(idNumber))
        .statusCode(409)
        .body("type", endsWith("/staff-already-filed"));
    assertEquals(1, staffCount(institution));
    assertEquals(events, staffEvents(institution));
  }

  @Test
  void stf04RatioBoundaryOnFilingAndOnDeparture() {
    String institution = approvedInstitution();
    String first = filed(institution, fullTimeTeacher(nationalId()));
    // 1 of 2 full-time teaching: exactly 50 %, allowed.
    filed(institution, partTimer());
    // 1 of 3: refused, nothing stored, no event.
    file(institution, partTimer())
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", containsString("/rules/STF-04"))
        .body("detail", containsString("1 of 3"));
    assertEquals(2, staffCount(institution));
    assertEquals(2, staffEvents(institution));

    // The only full-time teacher cannot leave (0 of 1); the successor is filed first.
    leave(institution, first, null).statusCode(428);
    leave(institution, first, "7").statusCode(412);
    leave(institution, first, "1").statusCode(422).body("rules", equalTo(List.of("STF-04")));
    assertEquals(2, staffEvents(institution));
    filed(institution, fullTimeTeacher(nationalId()));
    // 2 of 3 → one leaves → 1 of 2: allowed.
    leave(institution, first, "1").statusCode(200);
    leave(institution, first, "2").statusCode(409);
    assertEquals(4, staffEvents(institution));
  }

  @Test
  void stf04ConcurrentFilingsCannotTogetherBreakTheRatio() throws Exception {
    String institution = approvedInstitution();
    filed(institution, fullTimeTeacher(nationalId()));
    // Each part-timer alone keeps 1 of 2; both together would make 1 of 3.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> answers =
          pool.invokeAll(
              List.<Callable<Integer>>of(
                  () -> file(institution, partTimer()).extract().statusCode(),
                  () -> file(institution, partTimer()).extract().statusCode()));
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      statuses.sort(null);
      assertEquals(List.of(201, 422), statuses);
    } finally {
      pool.shutdown();
    }
    assertEquals(2, staffCount(institution));
  }

  @Test
  void everyBrokenRuleIsListedAndNothingIsStored() {
    String institution = approvedInstitution();
    filed(institution, fullTimeTeacher(nationalId()));
    String idNumber = nationalId();
    file(
            institution,
            """
            {"name":"王某","nationalIdNumber":"%s","role":"TEACHING","fullTime":false,
             "inServiceTeacher":true,"writtenLabourContract":false}"""
                .formatted(idNumber))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("rules", equalTo(List.of("STF-01", "STF-02", "STF-03")))
        .body("detail", containsString("STF-02"));
    assertEquals(1, staffCount(institution));
    // Part-time in-service teacher at 1 of 2 keeps the ratio; STF-02 alone refuses it.
    file(
            institution,
            person(idNumber, "TEACHING", false, "TEACHER_CERT")
                .replace("\"inServiceTeacher\":false", "\"inServiceTeacher\":true"))
        .statusCode(422)
        .body("rules", equalTo(List.of("STF-02")));
    assertEquals(1, staffCount(institution));
  }

  @Test
  void stf06BlacklistedPersonIsRefusedAndTheirCurrentFilingIsReported() {
    String institution = approvedInstitution();
    String idNumber = nationalId();
    String staffId = filed(institution, fullTimeTeacher(idNumber));
    String entryId =
        given()
            .header("Authorization", REGULATOR_LISHAN.bearer())
            .contentType(ContentType.JSON)
            .body(
                """
                {"nationalIdNumber":"%s","redLine":"HARASSMENT","detail":"红线: 性骚扰学员, 2026-05 查实"}"""
                    .formatted(idNumber))
            .post(BLACKLIST)
            .then()
            .statusCode(201)
            .header("ETag", "\"1\"")
            .body("redLine", equalTo("HARASSMENT"))
            .body("currentlyFiled.staffId", equalTo(List.of(staffId)))
            .body("currentlyFiled.district", equalTo(List.of("tiedong")))
            .extract()
            .path("entryId");

    JsonNode listed = events(entryId, 1).get(0);
    assertEquals("cn.anshan.oversight.registry.StaffBlacklisted.v1", listed.path("type").asText());
    assertEquals("StaffBlacklistEntry", listed.path("aggregatetype").asText());
    assertFalse(listed.has("district"));
    assertEquals(
        staffId, listed.path("data").path("currentlyFiled").get(0).path("staffId").asText());
    assertEquals(
        institution,
        listed.path("data").path("currentlyFiled").get(0).path("institutionId").asText());
    assertFalse(listed.toString().contains(idNumber));

    String another = approvedInstitution();
    filed(another, fullTimeTeacher(nationalId()));
    file(another, fullTimeTeacher(idNumber))
        .statusCode(422)
        .body("type", containsString("/rules/STF-06"));
    // The check letter's case does not matter.
    String withX = nationalIdEndingInX();
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"nationalIdNumber\":\"%s\",\"redLine\":\"ABUSE\",\"detail\":\"体罚\"}"
                .formatted(withX))
        .post(BLACKLIST)
        .then()
        .statusCode(201);
    file(another, fullTimeTeacher(withX.toLowerCase()))
        .statusCode(422)
        .body("rules", equalTo(List.of("STF-06")));
    assertEquals(1, staffCount(another));

    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"nationalIdNumber\":\"%s\",\"redLine\":\"ABUSE\",\"detail\":\"again\"}"
                .formatted(idNumber))
        .post(BLACKLIST)
        .then()
        .statusCode(409);
    given()
        .header("Authorization", AUDITOR.bearer())
        .get(BLACKLIST + "/{id}", entryId)
        .then()
        .statusCode(200)
        .body("currentlyFiled.institutionId", equalTo(List.of(institution)));
    given()
        .header("Authorization", operatorOf(institution).bearer())
        .get(BLACKLIST + "/{id}", entryId)
        .then()
        .statusCode(403);
    given()
        .header("Authorization", operatorOf(institution).bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"nationalIdNumber\":\"%s\",\"redLine\":\"ABUSE\",\"detail\":\"x\"}"
                .formatted(nationalId()))
        .post(BLACKLIST)
        .then()
        .statusCode(403);
  }

  @Test
  void rolesAndObjectsAreChecked() {
    String institution = approvedInstitution();
    String staffId = filed(institution, fullTimeTeacher(nationalId()));
    String stranger = approvedInstitution();
    String strangersStaff = filed(stranger, fullTimeTeacher(nationalId()));

    given().get(STAFF, institution).then().statusCode(401);
    given()
        .header("Authorization", Tokens.anyone().role("parent").bearer())
        .get(STAFF, institution)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .header("Authorization", Tokens.anyone().role("parent").bearer())
        .get(STAFF + "/{staffId}", institution, staffId)
        .then()
        .statusCode(403);
    // Another institution's operator: 404 for reads and for filing.
    given()
        .header("Authorization", operatorOf(stranger).bearer())
        .get(STAFF, institution)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", operatorOf(stranger).bearer())
        .contentType(ContentType.JSON)
        .body(fullTimeTeacher(nationalId()))
        .post(STAFF, institution)
        .then()
        .statusCode(404);
    assertEquals(1, staffCount(institution));
    given()
        .header("Authorization", operatorOf(stranger).bearer())
        .header("If-Match", "\"1\"")
        .post(STAFF + "/{staffId}/departure", institution, staffId)
        .then()
        .statusCode(404);
    // Another institution's staff id under the operator's own institution: 404.
    given()
        .header("Authorization", operatorOf(institution).bearer())
        .get(STAFF + "/{staffId}", institution, strangersStaff)
        .then()
        .statusCode(404);
    // Regulator of another district: 404.
    given()
        .header("Authorization", REGULATOR_LISHAN.bearer())
        .get(STAFF, institution)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", REGULATOR_LISHAN.bearer())
        .get(STAFF + "/{staffId}", institution, staffId)
        .then()
        .statusCode(404);
    // Regulators read but do not file.
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .contentType(ContentType.JSON)
        .body(fullTimeTeacher(nationalId()))
        .post(STAFF, institution)
        .then()
        .statusCode(403);
  }

  @Test
  void invalidBodiesNameEveryFieldAndStoreNothing() {
    String institution = approvedInstitution();
    file(
            institution,
            """
            {"name":"","nationalIdNumber":"12345","role":"JANITOR","fullTime":true,
             "qualification":{"number":""},"inServiceTeacher":false}""")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.pointer", hasItem("/role"));
    file(
            institution,
            """
            {"name":"","nationalIdNumber":"12345","role":"TEACHING","fullTime":true,
             "qualification":{"number":""},"inServiceTeacher":false}""")
        .statusCode(400)
        .body(
            "errors.pointer",
            hasItems(
                "/name",
                "/nationalIdNumber",
                "/qualification/type",
                "/qualification/number",
                "/writtenLabourContract"));
    file(institution, fullTimeTeacher(mistyped(nationalId())))
        .statusCode(400)
        .body("errors.pointer", equalTo(List.of("/nationalIdNumber")));
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"nationalIdNumber\":\"%s\",\"redLine\":\"ABUSE\",\"detail\":\"x\"}"
                .formatted(mistyped(nationalId())))
        .post(BLACKLIST)
        .then()
        .statusCode(400)
        .body("errors.pointer", equalTo(List.of("/nationalIdNumber")));
    assertEquals(0, staffCount(institution));
  }
}
