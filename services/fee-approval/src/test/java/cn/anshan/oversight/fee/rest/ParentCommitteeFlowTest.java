package cn.anshan.oversight.fee.rest;

import static cn.anshan.oversight.fee.rest.FeeFixtures.committee;
import static cn.anshan.oversight.fee.rest.FeeFixtures.events;
import static cn.anshan.oversight.fee.rest.FeeFixtures.get;
import static cn.anshan.oversight.fee.rest.FeeFixtures.parentAt;
import static cn.anshan.oversight.fee.rest.FeeFixtures.post;
import static cn.anshan.oversight.fee.rest.FeeFixtures.types;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * LN-ASV-01 / LN-ASV-06 家长自愿 (issue 18 item 5): the school convenes its parent committee but seats
 * no one; parents of the school stand, founding parents and then the committee's own majority
 * decide; a representative steps down or is removed by the others. Over HTTP, with the events.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ParentCommitteeFlowTest {
  static final Tokens AUDITOR = Tokens.user("auditor-1").role("auditor");

  String school;
  String committee;
  Tokens admin;
  Tokens ann;
  Tokens bo;
  Tokens cy;
  Tokens elsewhere;

  @BeforeEach
  void school() {
    school = "school-" + UUID.randomUUID();
    committee = committee(school);
    admin = Tokens.user("admin-" + school).role("school-admin").school(school).district("tiedong");
    ann = parent("ann");
    bo = parent("bo");
    cy = parent("cy");
    elsewhere = Tokens.user("parent-elsewhere-" + school).role("parent");
    parentAt("other-" + school, elsewhere);
  }

  Tokens parent(String name) {
    Tokens p = Tokens.user(name + "-" + school).role("parent");
    parentAt(school, p);
    return p;
  }

  ValidatableResponse stand(Tokens parent) {
    return post(parent, committee + "/candidacies", null, null);
  }

  ValidatableResponse endorse(Tokens endorser, Tokens candidate) {
    return post(
        endorser, committee + "/candidacies/" + candidate.subject() + "/endorsements", null, null);
  }

  ValidatableResponse removal(Tokens endorser, Tokens representative) {
    return post(
        endorser,
        committee + "/representatives/" + representative.subject() + "/removal-endorsements",
        null,
        null);
  }

  ValidatableResponse convene(Tokens who) {
    return given().header("Authorization", who.bearer()).put(committee).then();
  }

  long seats() {
    return TestInfra.count(
        "select count(*) from parent_representative where school_id = ?", school);
  }

  @Test
  @DisplayName("LN-ASV-06 家长自愿: the school convenes, parents stand and the committee seats")
  void lnAsv06TheCommitteeChoosesItsMembers() {
    stand(ann).statusCode(409).body("type", containsString("committee-not-convened"));
    convene(admin)
        .statusCode(200)
        .body("district", equalTo("tiedong"))
        .body("representatives", empty());
    convene(admin).statusCode(200);
    // founding: another parent of the school endorses (default: one)
    stand(ann).statusCode(201).body("motion", equalTo("SEAT")).body("needed", equalTo(1));
    stand(ann).statusCode(200).body("endorsements", equalTo(0));
    endorse(ann, ann)
        .statusCode(403)
        .body("rules", contains("LN-ASV-06"))
        .body("detail", containsString("about themselves"));
    // a parent of another school learns nothing about this committee
    endorse(elsewhere, ann).statusCode(404);
    endorse(bo, ann)
        .statusCode(200)
        .body("carried", equalTo(true))
        .body("basis", equalTo("FOUNDING_PARENTS"));
    endorse(bo, ann).statusCode(409).body("type", containsString("representative-seated"));
    // now only the committee chooses: bo, a parent of the school but not seated, no longer counts
    stand(bo).statusCode(201).body("needed", equalTo(1));
    endorse(cy, bo)
        .statusCode(403)
        .body("rules", contains("LN-ASV-06"))
        .body("detail", containsString("1 sitting representatives choose"));
    endorse(ann, bo).statusCode(200).body("carried", equalTo(true));
    // two sitting: a strict majority is both
    stand(cy).statusCode(201).body("needed", equalTo(2));
    endorse(ann, cy)
        .statusCode(200)
        .body("carried", equalTo(false))
        .body("endorsements", equalTo(1));
    endorse(ann, cy).statusCode(200).body("endorsements", equalTo(1));
    get(cy, committee)
        .statusCode(200)
        .body("representatives.subject", contains(ann.subject(), bo.subject()))
        .body("motions[0].subject", equalTo(cy.subject()))
        .body("motions[0].endorsements", equalTo(1))
        .body("motions[0].needed", equalTo(2));
    endorse(bo, cy)
        .statusCode(200)
        .body("carried", equalTo(true))
        .body("basis", equalTo("COMMITTEE_MAJORITY"));
    get(admin, "/api/v1/schools/" + school + "/parent-representatives")
        .statusCode(200)
        .body("subject", contains(ann.subject(), bo.subject(), cy.subject()))
        .body("seatedBy", contains("FOUNDING_PARENTS", "COMMITTEE_MAJORITY", "COMMITTEE_MAJORITY"))
        .body("registeredBy", contains(bo.subject(), ann.subject(), bo.subject()));
    assertEquals(3, seats());

    List<JsonNode> events = events(school, 11);
    assertEquals(11, events.size());
    assertEquals(
        List.of(
            "ParentCommitteeConvened.v1",
            "RepresentativeCandidacyDeclared.v1",
            "CommitteeMotionEndorsed.v1",
            "ParentRepresentativeRegistered.v1",
            "RepresentativeCandidacyDeclared.v1",
            "CommitteeMotionEndorsed.v1",
            "ParentRepresentativeRegistered.v1",
            "RepresentativeCandidacyDeclared.v1",
            "CommitteeMotionEndorsed.v1",
            "CommitteeMotionEndorsed.v1",
            "ParentRepresentativeRegistered.v1"),
        types(events));
    assertEquals(admin.subject(), events.get(0).get("actor").asText());
    assertEquals(ann.subject(), events.get(1).get("actor").asText());
    assertEquals(bo.subject(), events.get(2).get("actor").asText());
    assertEquals("parent", events.get(3).get("actorrole").asText());
    assertEquals("FOUNDING_PARENTS", events.get(3).get("data").get("basis").asText());
    assertEquals(ann.subject(), events.get(3).get("data").get("representative").asText());
    assertEquals(1, events.get(8).get("data").get("endorsements").asInt());
    assertEquals(false, events.get(8).get("data").get("carried").asBoolean());
    assertEquals("COMMITTEE_MAJORITY", events.get(10).get("data").get("basis").asText());
    assertEquals(11, events.get(10).get("aggregateversion").asInt());
  }

  @Test
  @DisplayName("LN-ASV-06 家长自愿: the school neither seats nor removes; the committee removes")
  void lnAsv06OnlyTheCommitteeRemoves() {
    FeeFixtures.represent(admin, school, ann);
    FeeFixtures.represent(admin, school, bo);
    FeeFixtures.represent(admin, school, cy);
    // the school admin has no hand in it
    stand(admin).statusCode(403);
    endorse(admin, parent("dee")).statusCode(403);
    removal(admin, ann).statusCode(403);
    given()
        .header("Authorization", admin.bearer())
        .delete(committee + "/representatives/" + ann.subject())
        .then()
        .statusCode(403);
    // nor does one parent remove another: a majority of the other two does
    given()
        .header("Authorization", bo.bearer())
        .delete(committee + "/representatives/" + ann.subject())
        .then()
        .statusCode(403)
        .body("rules", contains("LN-ASV-06"));
    removal(ann, ann).statusCode(403);
    removal(bo, ann).statusCode(200).body("carried", equalTo(false)).body("needed", equalTo(2));
    removal(cy, ann)
        .statusCode(200)
        .body("carried", equalTo(true))
        .body("motion", equalTo("UNSEAT"));
    removal(cy, ann).statusCode(404);
    // a representative steps down themselves
    given()
        .header("Authorization", bo.bearer())
        .delete(committee + "/representatives/" + bo.subject())
        .then()
        .statusCode(204);
    given()
        .header("Authorization", bo.bearer())
        .delete(committee + "/representatives/" + bo.subject())
        .then()
        .statusCode(404);
    get(AUDITOR, committee)
        .statusCode(200)
        .body("representatives.subject", contains(cy.subject()))
        .body("motions", empty());
    assertEquals(1, seats());

    // 11 events seat the three; two endorsements and the removal; the step down
    List<JsonNode> events = events(school, 15);
    assertEquals(15, events.size());
    List<JsonNode> removals =
        events.stream()
            .filter(e -> e.get("type").asText().endsWith("ParentRepresentativeRemoved.v1"))
            .toList();
    assertEquals(2, removals.size());
    assertEquals("COMMITTEE_MAJORITY", removals.get(0).get("data").get("reason").asText());
    assertEquals(ann.subject(), removals.get(0).get("data").get("representative").asText());
    assertEquals(cy.subject(), removals.get(0).get("actor").asText());
    assertEquals("RESIGNED", removals.get(1).get("data").get("reason").asText());
    assertEquals(bo.subject(), removals.get(1).get("actor").asText());
  }

  @Test
  @DisplayName(
      "LN-ASV-06: a motion whose committee shrank carries when an endorser asks again; outsiders"
          + " get 404")
  void lnAsv06AMotionCarriesOnceTheCommitteeShrankToItsEndorsers() {
    stand(ann).statusCode(409).body("type", containsString("committee-not-convened"));
    endorse(elsewhere, ann).statusCode(404);
    FeeFixtures.represent(admin, school, ann);
    FeeFixtures.represent(admin, school, bo);
    FeeFixtures.represent(admin, school, cy);
    Tokens dee = parent("dee");
    stand(dee).statusCode(201).body("needed", equalTo(2));
    endorse(ann, dee).statusCode(200).body("carried", equalTo(false));
    for (Tokens leaving : new Tokens[] {bo, cy}) {
      given()
          .header("Authorization", leaving.bearer())
          .delete(committee + "/representatives/" + leaving.subject())
          .then()
          .statusCode(204);
    }
    // one of one now: ann's endorsement, counted once, carries when ann asks again
    endorse(ann, dee)
        .statusCode(200)
        .body("carried", equalTo(true))
        .body("endorsements", equalTo(1))
        .body("needed", equalTo(1));
    get(AUDITOR, committee)
        .statusCode(200)
        .body("representatives.subject", contains(ann.subject(), dee.subject()));
    // outsiders cannot probe who sits
    removal(elsewhere, ann).statusCode(404);
    given()
        .header("Authorization", elsewhere.bearer())
        .delete(committee + "/representatives/" + ann.subject())
        .then()
        .statusCode(404);
  }

  @Test
  @DisplayName("Only the school's admin convenes; the committee is read by its school and auditors")
  void conveningAndReadingAreScoped() {
    Tokens otherAdmin =
        Tokens.user("admin-other-" + school)
            .role("school-admin")
            .school("other-" + school)
            .district("tiedong");
    convene(otherAdmin).statusCode(404);
    convene(ann).statusCode(403);
    convene(AUDITOR).statusCode(403);
    get(admin, committee).statusCode(404);
    convene(admin).statusCode(200);
    get(admin, committee).statusCode(200);
    get(ann, committee).statusCode(200);
    get(AUDITOR, committee).statusCode(200);
    get(otherAdmin, committee).statusCode(404);
    get(elsewhere, committee).statusCode(404);
    get(Tokens.user("reg-tiedong").role("regulator").district("tiedong"), committee)
        .statusCode(403);
    // a parent of another school cannot stand here
    stand(elsewhere)
        .statusCode(422)
        .body("rules", contains("LN-ASV-06"))
        .body("detail", containsString("has no child registered at school " + school));
    assertEquals(1, events(school, 1).size());
  }
}
