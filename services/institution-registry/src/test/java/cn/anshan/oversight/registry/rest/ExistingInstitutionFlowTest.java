package cn.anshan.oversight.registry.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.contracts.EventContracts;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Taking institutions approved before the platform onto the register (REG-04, REG-08). */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ExistingInstitutionFlowTest {
  static final String PATH = "/api/v1/institutions/existing";
  static final Tokens REGULATOR = Tokens.user("reg-tiedong").role("regulator").district("tiedong");

  static String body(String id, String legalForm) {
    return """
        {"institutionId":"%s","institution":{"name":"Anshan Maths Centre","category":"SUBJECT",
         "mode":"OFFLINE","district":"tiedong","legalForm":"%s","studentStages":["PRIMARY"],
         "premisesAreaSqm":300,"maxStudentsPerSlot":40,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}}"""
        .formatted(id, legalForm);
  }

  @Test
  void regulatorRegistersAnExistingMinfeiSubjectInstitutionWhichStartsApproved() {
    String id = UUID.randomUUID().toString();
    given()
        .header("Authorization", REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body(body(id, "MINFEI"))
        .post(PATH)
        .then()
        .statusCode(201)
        .header("ETag", "\"1\"")
        .body("status", equalTo("APPROVED"))
        .body("supervisorId", equalTo("reg-tiedong"));
    String event =
        KafkaRecords.await(
                "oversight.registry.events", r -> id.equals(r.key()), 1, Duration.ofSeconds(30))
            .get(0)
            .value();
    EventContracts.assertValid(event);
    assertEquals(true, event.contains("ExistingInstitutionRegistered.v1"));
    given()
        .header("Authorization", REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body(body(id, "MINFEI"))
        .post(PATH)
        .then()
        .statusCode(409);
  }

  @Test
  void reg04ExistingSubjectInstitutionMustBeNonProfitAndReg08IsLocal() {
    String id = UUID.randomUUID().toString();
    given()
        .header("Authorization", REGULATOR.bearer())
        .contentType(ContentType.JSON)
        .body(body(id, "BUSINESS"))
        .post(PATH)
        .then()
        .statusCode(422)
        .body("rules", contains("REG-04", "REG-06"));
    given()
        .header(
            "Authorization",
            Tokens.user("reg-lishan").role("regulator").district("lishan").bearer())
        .contentType(ContentType.JSON)
        .body(body(id, "MINFEI"))
        .post(PATH)
        .then()
        .statusCode(403)
        .body("type", containsString("REG-08"));
    given()
        .header(
            "Authorization",
            Tokens.user("op").role("institution-operator").institution(id).bearer())
        .contentType(ContentType.JSON)
        .body(body(id, "MINFEI"))
        .post(PATH)
        .then()
        .statusCode(403);
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from institution_application where institution_id = ?", id));
  }
}
