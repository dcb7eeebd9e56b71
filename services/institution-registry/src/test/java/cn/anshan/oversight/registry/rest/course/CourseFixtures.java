package cn.anshan.oversight.registry.rest.course;

import static io.restassured.RestAssured.given;

import cn.anshan.oversight.registry.domain.staff.NationalIdNumbers;
import cn.anshan.oversight.registry.rest.RegistryFixtures;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Institutions, prices and courses for the course and pricing flow tests. */
public final class CourseFixtures {
  public static final String COURSES = "/api/v1/courses";
  public static final String SCHEDULE = "/api/v1/price-schedules/anshan";
  public static final Tokens REGULATOR_TIEDONG =
      Tokens.user("reg-tiedong").role("regulator").district("tiedong");
  public static final Tokens REGULATOR_LISHAN =
      Tokens.user("reg-lishan").role("regulator").district("lishan");
  public static final Tokens PRICING_OFFICER = Tokens.user("price-officer").role("pricing-officer");
  public static final Tokens AUDITOR = Tokens.user("aud").role("auditor");
  public static final Tokens PARENT = Tokens.anyone().role("parent");

  private CourseFixtures() {}

  public static Tokens operatorOf(String institutionId) {
    return Tokens.user("op-" + institutionId)
        .role("institution-operator")
        .institution(institutionId);
  }

  /**
   * A non-subject institution for pupils, approved through the real API: the operator applies and
   * the regulator of tiedong approves.
   */
  public static void approvedNonSubject(String id, String mode) {
    approvedWithoutStaff(id, mode);
    fileFullTimeTeacher(id, "PRO_CERT");
  }

  /** Offline institutions are approved in tiedong, online ones by the province (REG-12). */
  public static void approvedWithoutStaff(String id, String mode) {
    String district = mode.equals("ONLINE") ? "liaoning" : "tiedong";
    RegistryFixtures.approved(
        operatorOf(id),
        Tokens.user("reg-" + district).role("regulator").district(district),
        id,
        """
            {"name":"Anshan Art Studio","category":"NON_SUBJECT","subCategory":"CULTURE_ART",
             "mode":"%s","district":"%s","legalForm":"BUSINESS",
             "studentStages":["PRIMARY","JUNIOR_SECONDARY"],"premisesAreaSqm":320.5,
             "maxStudentsPerSlot":60,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}"""
            .formatted(mode, district));
  }

  /**
   * A subject-type institution for pupils. REG-04 forbids approving new ones, so it is onboarded as
   * an institution approved before the platform and re-registered as a 民非.
   */
  public static void grandfatheredSubject(String id) {
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .contentType(ContentType.JSON)
        .body(
            """
            {"institutionId":"%s","institution":{"name":"Grandfathered maths school",
             "category":"SUBJECT","mode":"OFFLINE","district":"tiedong","legalForm":"MINFEI",
             "studentStages":["PRIMARY","JUNIOR_SECONDARY"],"premisesAreaSqm":400,
             "maxStudentsPerSlot":60,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}}"""
                .formatted(id))
        .post("/api/v1/institutions/existing")
        .then()
        .statusCode(201);
    fileFullTimeTeacher(id, "TEACHER_CERT");
  }

  /** STF-05: one full-time teacher covers offline classes of up to 50 pupils (2 %). */
  public static void fileFullTimeTeacher(String institutionId, String certificate) {
    StringBuilder number = new StringBuilder("210302");
    for (int i = 0; i < 11; i++) {
      number.append(ThreadLocalRandom.current().nextInt(10));
    }
    number.append(NationalIdNumbers.checkCharacter(number.toString()));
    given()
        .header("Authorization", operatorOf(institutionId).bearer())
        .contentType(ContentType.JSON)
        .body(
            """
            {"name":"李老师","nationalIdNumber":"%s","role":"TEACHING","fullTime":true,
             "qualification":{"type":"%s","number":"C-2101-0042"},
             "inServiceTeacher":false,"writtenLabourContract":true}"""
                .formatted(number, certificate))
        .post("/api/v1/institutions/{id}/staff", institutionId)
        .then()
        .statusCode(201);
  }

  /** Adopts the Anshan schedule with OFFLINE 10-35 at {@code offlineFen}; returns its version. */
  public static int adoptOffline(long offlineFen) {
    ExtractableResponse<Response> current =
        given().header("Authorization", PRICING_OFFICER.bearer()).get(SCHEDULE).then().extract();
    RequestSpecification request =
        given()
            .header("Authorization", PRICING_OFFICER.bearer())
            .contentType(ContentType.JSON)
            .body(
                """
                {"benchmarks":[{"mode":"OFFLINE","band":"10-35","fenPerStandardHour":%d},
                 {"mode":"OFFLINE","band":"1-9","fenPerStandardHour":3200}]}"""
                    .formatted(offlineFen));
    if (current.statusCode() == 200) {
      request.header("If-Match", current.header("ETag"));
    }
    return request
        .post(SCHEDULE + "/adoption")
        .then()
        .statusCode(current.statusCode() == 200 ? 200 : 201)
        .extract()
        .path("version");
  }

  /** REG-03's four criteria, each answered the non-subject way. */
  public static final String NON_SUBJECT_CRITERIA =
      """
      {"purpose":"INTEREST_AND_ABILITY","content":"NON_SUBJECT_CONTENT",
       "method":"EXPERIENCE_AND_PRACTICE","evaluation":"PROCESS_AND_SHOWCASE"}""";

  /** A non-subject course files its classification (REG-03); a subject course need not. */
  public static String course(String category, String subject, int minutes, long fen) {
    return """
        {"name":"Grade 8 course","category":"%s","subject":%s,"mode":"OFFLINE",
         "lessonMinutes":%d,"maxStudents":20,"pricePerLessonFen":%d%s}"""
        .formatted(
            category,
            subject == null ? "null" : "\"" + subject + "\"",
            minutes,
            fen,
            category.equals("NON_SUBJECT") ? ",\"classification\":" + NON_SUBJECT_CRITERIA : "");
  }

  public static ExtractableResponse<Response> file(String institutionId, String body) {
    return given()
        .header("Authorization", operatorOf(institutionId).bearer())
        .contentType(ContentType.JSON)
        .body(body)
        .post(COURSES)
        .then()
        .extract();
  }

  public static ExtractableResponse<Response> scheduleSession(
      Tokens who, String courseId, String ifMatch, String start, String end) {
    RequestSpecification request =
        given()
            .header("Authorization", who.bearer())
            .contentType(ContentType.JSON)
            .body("{\"startsAt\":\"%s\",\"endsAt\":\"%s\"}".formatted(start, end));
    if (ifMatch != null) {
      request.header("If-Match", "\"" + ifMatch + "\"");
    }
    return request.post(COURSES + "/{id}/sessions", courseId).then().extract();
  }

  /** The records keyed {@code key} on the real broker, each checked against its contract. */
  public static List<JsonNode> events(String key, int expected) {
    return RegistryFixtures.events(key, expected);
  }

  public static long outboxRows(String aggregateId) {
    return TestInfra.count("select count(*) from outbox_event where aggregateid = ?", aggregateId);
  }
}
