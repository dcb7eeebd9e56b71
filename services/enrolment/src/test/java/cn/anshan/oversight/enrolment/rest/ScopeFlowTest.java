package cn.anshan.oversight.enrolment.rest;

import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.get;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.post;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.postIfMatch;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Object-level scopes of DESIGN §4 on every command and read that names an object: another school's
 * admin, another family, a regulator of another district and auditors.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ScopeFlowTest {
  static final Tokens AUDITOR = Tokens.user("auditor-scope").role("auditor");
  static final Tokens REGULATOR =
      Tokens.user("reg-tiedong-scope").role("regulator").district("tiedong");
  static final Tokens OTHER_REGULATOR =
      Tokens.user("reg-lishan-scope").role("regulator").district("lishan");

  String school;
  Tokens admin;
  Tokens parent;
  String programme;
  String child;
  String enrolment;
  String exemption;

  @BeforeEach
  void enrolledWithAClaim() {
    EnrolmentFixtures.freeze("2026-09-01T01:00:00Z");
    school = EnrolmentFixtures.newSchool();
    admin = EnrolmentFixtures.schoolAdmin(school);
    parent = EnrolmentFixtures.parent();
    programme = EnrolmentFixtures.agreedProgramme(admin, school);
    child = EnrolmentFixtures.child(parent, school, 3);
    enrolment = EnrolmentFixtures.enrol(parent, child, programme);
    exemption =
        post(
                parent,
                "/api/v1/children/" + child + "/exemptions",
                "{\"category\":\"DISABLED\",\"evidenceRef\":\"doc-7\"}")
            .statusCode(201)
            .extract()
            .path("exemptionId");
  }

  @AfterEach
  void resetClock() {
    EnrolmentFixtures.unfreeze();
  }

  long charges() {
    return TestInfra.count(
        "select count(*) from charge where programme_id = ?", UUID.fromString(programme));
  }

  void nothingChanged() {
    assertEquals(0, charges());
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from provider_admission where programme_id = ?",
            UUID.fromString(programme)));
    assertEquals(
        1,
        TestInfra.count(
            "select count(*) from exemption where child_id = ? and status = 'CLAIMED'",
            UUID.fromString(child)));
    get(parent, "/api/v1/enrolments/" + enrolment)
        .statusCode(200)
        .body("status", equalTo("ENROLLED"));
  }

  @Test
  @DisplayName(
      "Another school's admin cannot charge, admit providers, decide exemptions or read the"
          + " children of this school (404)")
  void anotherSchoolsAdminGets404() {
    Tokens other = EnrolmentFixtures.schoolAdmin(EnrolmentFixtures.newSchool());
    post(other, "/api/v1/programmes/" + programme + "/charge-runs", "{\"month\":\"2026-09\"}")
        .statusCode(404);
    post(
            other,
            "/api/v1/programmes/" + programme + "/providers",
            EnrolmentFixtures.admission("inst-scope", UUID.randomUUID().toString(), 100, "围棋"))
        .statusCode(404);
    postIfMatch(other, "/api/v1/exemptions/" + exemption + "/grant", "1", "").statusCode(404);
    postIfMatch(other, "/api/v1/exemptions/" + exemption + "/rejection", "1", "").statusCode(404);
    get(other, "/api/v1/exemptions/" + exemption).statusCode(404);
    get(other, "/api/v1/exemptions")
        .statusCode(200)
        .body("items.exemptionId", not(hasItem(exemption)));
    get(other, "/api/v1/children/" + child).statusCode(404);
    get(other, "/api/v1/enrolments/" + enrolment + "/charges").statusCode(404);
    get(other, "/api/v1/programmes/" + programme + "/providers").statusCode(404);
    nothingChanged();
    get(admin, "/api/v1/exemptions/" + exemption).statusCode(200);
    get(admin, "/api/v1/children/" + child).statusCode(200);
  }

  @Test
  @DisplayName(
      "ASV-05: another parent can neither claim an exemption for the child nor read its"
          + " exemption or charges (404)")
  void anotherParentGets404() {
    Tokens stranger = EnrolmentFixtures.parent();
    post(
            stranger,
            "/api/v1/children/" + child + "/exemptions",
            "{\"category\":\"DISABLED\",\"evidenceRef\":\"doc-8\"}")
        .statusCode(404);
    get(stranger, "/api/v1/exemptions/" + exemption).statusCode(404);
    get(stranger, "/api/v1/exemptions")
        .statusCode(200)
        .body("items.exemptionId", not(hasItem(exemption)));
    get(stranger, "/api/v1/enrolments/" + enrolment + "/charges").statusCode(404);
    get(stranger, "/api/v1/children").statusCode(200).body("items.childId", not(hasItem(child)));
    assertEquals(
        1,
        TestInfra.count(
            "select count(*) from exemption where child_id = ?", UUID.fromString(child)));
    get(parent, "/api/v1/exemptions").statusCode(200).body("items.exemptionId", hasItem(exemption));
  }

  @Test
  @DisplayName(
      "Auditors and regulators change nothing (403); a regulator of another district sees nothing"
          + " (404)")
  void auditorsAndRegulatorsReadOnly() {
    for (Tokens reader : new Tokens[] {AUDITOR, REGULATOR}) {
      post(
              reader,
              "/api/v1/programmes",
              EnrolmentFixtures.programmeJson("15:30", "17:30", EnrolmentFixtures.WEEKDAYS))
          .statusCode(403);
      post(reader, "/api/v1/children", "{\"schoolId\":\"" + school + "\",\"grade\":3}")
          .statusCode(403);
      post(
              reader,
              "/api/v1/enrolments",
              "{\"childId\":\"" + child + "\",\"programmeId\":\"" + programme + "\"}")
          .statusCode(403);
      postIfMatch(reader, "/api/v1/enrolments/" + enrolment + "/withdrawal", "2", "{}")
          .statusCode(403);
      postIfMatch(reader, "/api/v1/exemptions/" + exemption + "/grant", "1", "").statusCode(403);
      post(reader, "/api/v1/programmes/" + programme + "/charge-runs", "{\"month\":\"2026-09\"}")
          .statusCode(403);
      post(
              reader,
              "/api/v1/programmes/" + programme + "/providers",
              EnrolmentFixtures.admission("inst-scope", UUID.randomUUID().toString(), 100, "围棋"))
          .statusCode(403);
      get(reader, "/api/v1/enrolments/" + enrolment).statusCode(200);
      get(reader, "/api/v1/enrolments/" + enrolment + "/charges").statusCode(200);
    }
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from compulsion_signal where child_id = ?", child.toString()));
    get(AUDITOR, "/api/v1/exemptions/" + exemption).statusCode(200);
    get(OTHER_REGULATOR, "/api/v1/enrolments/" + enrolment).statusCode(404);
    get(OTHER_REGULATOR, "/api/v1/enrolments/" + enrolment + "/charges").statusCode(404);
    get(OTHER_REGULATOR, "/api/v1/programmes/" + programme).statusCode(404);
    get(OTHER_REGULATOR, "/api/v1/enrolments")
        .statusCode(200)
        .body("items.enrolmentId", not(hasItem(enrolment)));
    nothingChanged();
  }
}
