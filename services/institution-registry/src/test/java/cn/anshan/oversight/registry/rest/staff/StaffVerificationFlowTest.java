package cn.anshan.oversight.registry.rest.staff;

import static cn.anshan.oversight.registry.rest.staff.StaffFlowTest.AUDITOR;
import static cn.anshan.oversight.registry.rest.staff.StaffFlowTest.REGULATOR_LISHAN;
import static cn.anshan.oversight.registry.rest.staff.StaffFlowTest.REGULATOR_TIEDONG;
import static cn.anshan.oversight.registry.rest.staff.StaffFlowTest.approvedInstitution;
import static cn.anshan.oversight.registry.rest.staff.StaffFlowTest.filed;
import static cn.anshan.oversight.registry.rest.staff.StaffFlowTest.fullTimeTeacher;
import static cn.anshan.oversight.registry.rest.staff.StaffFlowTest.leave;
import static cn.anshan.oversight.registry.rest.staff.StaffFlowTest.nationalId;
import static cn.anshan.oversight.registry.rest.staff.StaffFlowTest.operatorOf;
import static cn.anshan.oversight.registry.rest.staff.StaffFlowTest.partTimer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 3: what an operator declares about a person (STF-01 certificate, STF-02 not an
 * in-service teacher) stays unverified until the district's regulator records its check; the public
 * register counts verified, unverified and refuted staff.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class StaffVerificationFlowTest {
  static final String VERIFICATION = StaffFlowTest.STAFF + "/{staffId}/verification";
  static final String CONFIRMED =
      """
      {"qualificationConfirmed":true,"inServiceTeacherFound":false,
       "evidenceReference":"中国教师资格网 query 2026-06-30 #118"}""";
  static final String IN_SERVICE =
      """
      {"qualificationConfirmed":true,"inServiceTeacherFound":true,
       "evidenceReference":"铁东区教师管理系统 query 2026-06-30 #4471"}""";

  static ValidatableResponse verify(
      Tokens regulator, String institution, String staffId, String version, String body) {
    RequestSpecification request =
        given()
            .header("Authorization", regulator.bearer())
            .contentType(ContentType.JSON)
            .body(body);
    if (version != null) {
      request.header("If-Match", "\"" + version + "\"");
    }
    return request.post(VERIFICATION, institution, staffId).then();
  }

  static ValidatableResponse publicView(String institution) {
    return given().get("/api/v1/public/institutions/{id}", institution).then().statusCode(200);
  }

  static long verificationEvents(String staffId) {
    return TestInfra.count(
        "select count(*) from outbox_event where aggregateid = ?"
            + " and payload->>'type' like '%StaffQualificationVerified.v1'",
        staffId);
  }

  @Test
  void evidenceIsFiledAndTheDeclarationStaysUnverifiedUntilChecked() {
    String institution = approvedInstitution();
    String body =
        fullTimeTeacher(nationalId())
            .replace(
                "\"writtenLabourContract\":true}",
                "\"writtenLabourContract\":true,\"evidence\":{\"qualification\":\"cert-scan:2101-0042\","
                    + "\"employment\":\"social-insurance:2026-06\"}}");
    String teacher = filed(institution, body);
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .get(StaffFlowTest.STAFF + "/{staffId}", institution, teacher)
        .then()
        .statusCode(200)
        .body("evidence.qualification", equalTo("cert-scan:2101-0042"))
        .body("evidence.employment", equalTo("social-insurance:2026-06"))
        .body("verification.status", equalTo("UNVERIFIED"))
        .body("verification.verifiedAt", nullValue());
    publicView(institution)
        .body("staffQualifications.verified", equalTo(0))
        .body("staffQualifications.unverified", equalTo(1))
        .body("staffQualifications.refuted", equalTo(0));
  }

  @Test
  void theDistrictsRegulatorVerifiesAndTheOutcomeIsAnEvent() {
    String institution = approvedInstitution();
    String teacher = filed(institution, fullTimeTeacher(nationalId()));
    verify(REGULATOR_TIEDONG, institution, teacher, "1", CONFIRMED)
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("verification.status", equalTo("VERIFIED"))
        .body("verification.qualificationConfirmed", equalTo(true))
        .body("verification.inServiceTeacherFound", equalTo(false))
        .body("verification.evidenceReference", equalTo("中国教师资格网 query 2026-06-30 #118"));
    publicView(institution)
        .body("staffQualifications.verified", equalTo(1))
        .body("staffQualifications.unverified", equalTo(0));

    JsonNode verified = RegistryFixtures.events(teacher, 2).get(1);
    assertEquals(
        "cn.anshan.oversight.registry.StaffQualificationVerified.v1",
        verified.path("type").asText());
    assertEquals(2, verified.path("aggregateversion").asInt());
    assertEquals("regulator", verified.path("actorrole").asText());
    assertEquals("tiedong", verified.path("district").asText());
    assertEquals("VERIFIED", verified.path("data").path("outcome").asText());
    assertEquals(0, verified.path("data").path("breaches").size());
    assertFalse(verified.toString().contains("张晓梅"));
  }

  @Test
  void stf02AnInServiceTeacherFoundByTheCheckIsRefutedAndCountedPublicly() {
    String institution = approvedInstitution();
    filed(institution, fullTimeTeacher(nationalId()));
    String teacher = filed(institution, fullTimeTeacher(nationalId()));
    verify(REGULATOR_TIEDONG, institution, teacher, "1", IN_SERVICE)
        .statusCode(200)
        .body("verification.status", equalTo("REFUTED"))
        .body("verification.inServiceTeacherFound", equalTo(true));
    publicView(institution)
        .body("staffQualifications.unverified", equalTo(1))
        .body("staffQualifications.refuted", equalTo(1));
    JsonNode refuted = RegistryFixtures.events(teacher, 2).get(1);
    assertEquals("REFUTED", refuted.path("data").path("outcome").asText());
    assertEquals(
        List.of("STF-02"),
        refuted.path("data").path("breaches").findValuesAsText("rule"),
        refuted.toString());

    // A later check replaces it: the school's letter was about a namesake.
    verify(REGULATOR_TIEDONG, institution, teacher, "2", CONFIRMED)
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("verification.status", equalTo("VERIFIED"));
    assertEquals(2, verificationEvents(teacher));
  }

  @Test
  void stf01AnUnconfirmedCertificateIsRefuted() {
    String institution = approvedInstitution();
    String teacher = filed(institution, fullTimeTeacher(nationalId()));
    verify(
            REGULATOR_TIEDONG,
            institution,
            teacher,
            "1",
            """
            {"qualificationConfirmed":false,"inServiceTeacherFound":false,
             "evidenceReference":"中国教师资格网: no certificate C-2101-0042"}""")
        .statusCode(200)
        .body("verification.status", equalTo("REFUTED"));
    JsonNode refuted = RegistryFixtures.events(teacher, 2).get(1);
    assertEquals(List.of("STF-01"), refuted.path("data").path("breaches").findValuesAsText("rule"));
  }

  @Test
  void staffWithNothingToConfirmNeedsNoCertificateFinding() {
    String institution = approvedInstitution();
    filed(institution, fullTimeTeacher(nationalId()));
    String clerk = filed(institution, partTimer());
    verify(
            REGULATOR_TIEDONG,
            institution,
            clerk,
            "1",
            "{\"inServiceTeacherFound\":false,\"evidenceReference\":\"labour contract seen\"}")
        .statusCode(200)
        .body("verification.status", equalTo("VERIFIED"))
        .body("verification.qualificationConfirmed", nullValue());
  }

  @Test
  void badChecksAreRefusedAndChangeNothing() {
    String institution = approvedInstitution();
    String teacher = filed(institution, fullTimeTeacher(nationalId()));
    // teaching staff: the certificate finding is required
    verify(
            REGULATOR_TIEDONG,
            institution,
            teacher,
            "1",
            "{\"inServiceTeacherFound\":false,\"evidenceReference\":\"register\"}")
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.pointer", hasItem("/qualificationConfirmed"));
    verify(
            REGULATOR_TIEDONG,
            institution,
            teacher,
            "1",
            "{\"qualificationConfirmed\":true,\"inServiceTeacherFound\":false,\"evidenceReference\":\" \"}")
        .statusCode(400)
        .contentType("application/problem+json");
    verify(REGULATOR_TIEDONG, institution, teacher, null, CONFIRMED).statusCode(428);
    verify(REGULATOR_TIEDONG, institution, teacher, "9", CONFIRMED).statusCode(412);
    assertEquals(0, verificationEvents(teacher));
    given()
        .header("Authorization", REGULATOR_TIEDONG.bearer())
        .get(StaffFlowTest.STAFF + "/{staffId}", institution, teacher)
        .then()
        .header("ETag", "\"1\"")
        .body("verification.status", equalTo("UNVERIFIED"));
  }

  @Test
  void onlyTheDistrictsRegulatorChecksAndNotAfterTheyLeft() {
    String institution = approvedInstitution();
    filed(institution, fullTimeTeacher(nationalId()));
    String teacher = filed(institution, fullTimeTeacher(nationalId()));
    verify(REGULATOR_LISHAN, institution, teacher, "1", CONFIRMED)
        .statusCode(404)
        .contentType("application/problem+json");
    for (Tokens other :
        List.of(
            operatorOf(institution),
            AUDITOR,
            Tokens.user("parent-1").role("parent"),
            Tokens.user("school-1").role("school-admin"))) {
      verify(other, institution, teacher, "1", CONFIRMED).statusCode(403);
    }
    verify(REGULATOR_TIEDONG, institution, "no-such-staff", "1", CONFIRMED).statusCode(404);
    assertEquals(0, verificationEvents(teacher));

    leave(institution, teacher, "1").statusCode(200);
    verify(REGULATOR_TIEDONG, institution, teacher, "2", CONFIRMED)
        .statusCode(409)
        .body("type", endsWith("/staff-already-left"))
        .body("detail", containsString("nothing to verify"));
    assertEquals(0, verificationEvents(teacher));
  }
}
