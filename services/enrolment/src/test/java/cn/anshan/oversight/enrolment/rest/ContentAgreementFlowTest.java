package cn.anshan.oversight.enrolment.rest;

import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.WEEKDAYS;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.events;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.get;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.post;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.postIfMatch;
import static cn.anshan.oversight.enrolment.rest.EnrolmentFixtures.programmeJson;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LN-ASV-01 (issue 18 item 5): a programme's content is agreed with the school's parent committee,
 * learnt from fee-approval's representative events, before families enrol; new activities void the
 * agreement.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ContentAgreementFlowTest {
  String school;
  Tokens admin;
  Tokens parent;
  String programme;
  String child;

  @BeforeEach
  void programmeAndChild() {
    EnrolmentFixtures.freeze("2026-09-01T01:00:00Z");
    school = EnrolmentFixtures.newSchool();
    admin = EnrolmentFixtures.schoolAdmin(school);
    parent = EnrolmentFixtures.parent();
    programme = EnrolmentFixtures.programme(admin);
    child = EnrolmentFixtures.child(parent, school, 3);
  }

  @AfterEach
  void resetClock() {
    EnrolmentFixtures.unfreeze();
  }

  ValidatableResponse enrol() {
    return post(
        parent,
        "/api/v1/enrolments",
        "{\"childId\":\"" + child + "\",\"programmeId\":\"" + programme + "\"}");
  }

  ValidatableResponse agree(Tokens representative, String etag) {
    return postIfMatch(
        representative, "/api/v1/programmes/" + programme + "/content-agreement", etag, "");
  }

  long enrolments() {
    return TestInfra.count(
        "select count(*) from enrolment where programme_id = ?::uuid", programme);
  }

  @Test
  @DisplayName(
      "LN-ASV-01: no enrolment before a majority of the parent committee agreed the content")
  void lnAsv01AMajorityOfTheCommitteeAgreesTheContentBeforeFamiliesEnrol() {
    enrol()
        .statusCode(422)
        .body("rules", contains("LN-ASV-01"))
        .body("detail", containsString("not been agreed with the school's parent committee"));
    assertEquals(0, enrolments());
    Tokens ann = EnrolmentFixtures.seat(school);
    Tokens bo = EnrolmentFixtures.seat(school);
    Tokens cy = EnrolmentFixtures.seat(school);
    // neither the school nor a parent outside the committee agrees for it
    agree(admin, "1").statusCode(403);
    agree(parent, "1")
        .statusCode(403)
        .body("rules", contains("LN-ASV-01"))
        .body("detail", containsString("is not one of its 3 representatives"));
    // a representative agrees to the version read
    postIfMatch(ann, "/api/v1/programmes/" + programme + "/content-agreement", "7", "")
        .statusCode(412);
    agree(ann, "1")
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("endorsements", equalTo(1))
        .body("needed", equalTo(2))
        .body("agreedAt", nullValue());
    agree(ann, "2").statusCode(200).body("endorsements", equalTo(1));
    enrol().statusCode(422).body("rules", contains("LN-ASV-01"));
    agree(bo, "2")
        .statusCode(200)
        .body("endorsements", equalTo(2))
        .body("agreedAt", notNullValue());
    get(parent, "/api/v1/programmes/" + programme)
        .statusCode(200)
        .body("contentAgreedAt", notNullValue());
    enrol().statusCode(201);
    assertEquals(1, enrolments());
    // cy agreeing later keeps the agreement
    agree(cy, "3").statusCode(200).body("endorsements", equalTo(3));

    List<JsonNode> endorsed =
        events(programme, 4).stream()
            .filter(e -> e.get("type").asText().endsWith("ProgrammeContentEndorsed.v1"))
            .toList();
    assertEquals(3, endorsed.size());
    assertEquals(ann.subject(), endorsed.get(0).get("actor").asText());
    assertEquals("parent", endorsed.get(0).get("actorrole").asText());
    assertEquals(false, endorsed.get(0).get("data").get("agreed").asBoolean());
    assertEquals(bo.subject(), endorsed.get(1).get("actor").asText());
    assertEquals(true, endorsed.get(1).get("data").get("agreed").asBoolean());
    assertEquals(2, endorsed.get(1).get("data").get("needed").asInt());
  }

  @Test
  @DisplayName(
      "LN-ASV-01: new activities void the agreement; a timetable change keeps it; a removed"
          + " representative no longer agrees")
  void lnAsv01NewContentNeedsANewAgreement() {
    Tokens ann = EnrolmentFixtures.agree(school, programme);
    // the same activities at another time: still agreed
    postIfMatch(
            admin,
            "/api/v1/programmes/" + programme + "/revision",
            "2",
            programmeJson("15:15", "17:30", WEEKDAYS))
        .statusCode(200)
        .body("contentAgreedAt", notNullValue());
    String newActivities =
        programmeJson("15:15", "17:30", WEEKDAYS)
            .replace("\"activities\":[", "\"activities\":[{\"name\":\"合唱团\",\"kind\":\"ARTS\"},");
    postIfMatch(admin, "/api/v1/programmes/" + programme + "/revision", "3", newActivities)
        .statusCode(200)
        .body("contentAgreedAt", nullValue());
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from content_endorsement where programme_id = ?::uuid", programme));
    enrol().statusCode(422).body("rules", contains("LN-ASV-01"));
    // ann leaves the committee in fee-approval: enrolment learns it, and ann no longer agrees
    EnrolmentFixtures.publishFee(
        EnrolmentFixtures.representative(school, ann.subject(), "ParentRepresentativeRemoved.v1"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count("select count(*) from committee_seat where school_id = ?", school)
                    == 0);
    agree(ann, "4").statusCode(403).body("rules", contains("LN-ASV-01"));
    agree(EnrolmentFixtures.seat(school), "4").statusCode(200).body("agreedAt", notNullValue());
    enrol().statusCode(201);
  }

  @Test
  @DisplayName(
      "LN-ASV-01: an endorsement counted once agrees the content when the committee shrank to it")
  void lnAsv01AnEarlierEndorsementAgreesOnceTheCommitteeShrank() {
    Tokens ann = EnrolmentFixtures.seat(school);
    Tokens bo = EnrolmentFixtures.seat(school);
    Tokens cy = EnrolmentFixtures.seat(school);
    agree(ann, "1").statusCode(200).body("needed", equalTo(2)).body("agreedAt", nullValue());
    for (Tokens leaving : List.of(bo, cy)) {
      EnrolmentFixtures.publishFee(
          EnrolmentFixtures.representative(
              school, leaving.subject(), "ParentRepresentativeRemoved.v1"));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count("select count(*) from committee_seat where school_id = ?", school)
                    == 1);
    enrol().statusCode(422).body("rules", contains("LN-ASV-01"));
    // ann asks again: still one endorsement, now one of one
    agree(ann, "2")
        .statusCode(200)
        .header("ETag", "\"3\"")
        .body("endorsements", equalTo(1))
        .body("needed", equalTo(1))
        .body("agreedAt", notNullValue());
    enrol().statusCode(201);
    List<JsonNode> endorsed =
        events(programme, 3).stream()
            .filter(e -> e.get("type").asText().endsWith("ProgrammeContentEndorsed.v1"))
            .toList();
    assertEquals(2, endorsed.size());
    assertEquals(true, endorsed.get(1).get("data").get("agreed").asBoolean());
  }
}
