package cn.anshan.oversight.fee.rest;

import static cn.anshan.oversight.fee.rest.FeeFixtures.BASE;
import static cn.anshan.oversight.fee.rest.FeeFixtures.COMMITTEE_MEETING;
import static cn.anshan.oversight.fee.rest.FeeFixtures.HEARING;
import static cn.anshan.oversight.fee.rest.FeeFixtures.events;
import static cn.anshan.oversight.fee.rest.FeeFixtures.get;
import static cn.anshan.oversight.fee.rest.FeeFixtures.post;
import static cn.anshan.oversight.fee.rest.FeeFixtures.proposal;
import static cn.anshan.oversight.fee.rest.FeeFixtures.terms;
import static cn.anshan.oversight.fee.rest.FeeFixtures.types;
import static cn.anshan.oversight.fee.rest.FeeFixtures.vote;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fee standard over HTTP from proposal to publication (DOMAIN.md §11 row 19, LN-ASV-06): every
 * step with the right role and with wrong ones, and the events on the real broker.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class FeeApprovalFlowTest {
  static final Tokens REGULATOR = Tokens.user("reg-tiedong").role("regulator").district("tiedong");
  static final Tokens OTHER_REGULATOR =
      Tokens.user("reg-lishan").role("regulator").district("lishan");
  static final Tokens PRICING = Tokens.user("price-1").role("pricing-officer");
  static final Tokens OTHER_PRICING = Tokens.user("price-2").role("pricing-officer");
  static final Tokens GOVERNMENT = Tokens.user("gov-1").role("city-government");
  static final Tokens AUDITOR = Tokens.user("auditor-1").role("auditor");

  String school;
  Tokens admin;
  Tokens otherAdmin;
  Tokens representative;
  Tokens stranger;

  @BeforeEach
  void school() {
    FeeFixtures.freeze("2026-06-10T02:00:00Z");
    school = "school-" + UUID.randomUUID();
    admin = Tokens.user("admin-" + school).role("school-admin").school(school).district("tiedong");
    otherAdmin =
        Tokens.user("admin-other-" + school)
            .role("school-admin")
            .school("other-" + school)
            .district("tiedong");
    representative = Tokens.user("parent-rep-" + school).role("parent");
    stranger = Tokens.user("parent-" + UUID.randomUUID()).role("parent");
    FeeFixtures.represent(admin, school, representative);
  }

  @AfterEach
  void resetClock() {
    FeeFixtures.unfreeze();
  }

  String drafted() {
    return post(admin, BASE, null, proposal(15_000)).statusCode(201).extract().path("proposalId");
  }

  String path(String id, String act) {
    return BASE + "/" + id + "/" + act;
  }

  String consulted() {
    String id = drafted();
    vote(representative, id, "FOR").statusCode(200);
    post(representative, path(id, "consultation"), "1", COMMITTEE_MEETING).statusCode(200);
    return id;
  }

  String submitted() {
    String id = consulted();
    post(PRICING, path(id, "signatures"), "2", null).statusCode(200);
    post(REGULATOR, path(id, "signatures"), "3", null).statusCode(200);
    return id;
  }

  String approved() {
    String id = submitted();
    post(GOVERNMENT, path(id, "approval"), "5", "{\"feeFenPerMonth\":15000}").statusCode(200);
    return id;
  }

  long stored(String id) {
    return TestInfra.count("select version from fee_proposal where id = ?::uuid", id);
  }

  @Test
  @DisplayName("LN-ASV-06: DRAFT → CONSULTED → SUBMITTED (both) → APPROVED → PUBLISHED, on Kafka")
  void lnAsv06HappyPathPublishesTheFeeTheEnrolmentServiceReads() {
    String id =
        post(admin, BASE, null, proposal(15_000))
            .statusCode(201)
            .header("ETag", "\"1\"")
            .header("Location", containsString(BASE + "/"))
            .body("status", equalTo("DRAFT"))
            .body("schoolId", equalTo(school))
            .body("district", equalTo("tiedong"))
            .body("revision", equalTo(1))
            .body("totalCostFen", equalTo(6_600_000))
            .body("payee", equalTo("SCHOOL"))
            .extract()
            .path("proposalId");

    vote(representative, id, "FOR").statusCode(200);
    post(representative, path(id, "consultation"), "1", COMMITTEE_MEETING)
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("status", equalTo("CONSULTED"))
        .body("consultation.votesFor", equalTo(1))
        .body("consultation.votesAgainst", equalTo(0))
        .body("consultation.recordedBy", equalTo(representative.subject()));
    post(PRICING, path(id, "signatures"), "2", null)
        .statusCode(200)
        .body("status", equalTo("CONSULTED"))
        .body("pricingSignature.signedBy", equalTo(PRICING.subject()))
        .body("educationSignature", nullValue());
    post(REGULATOR, path(id, "signatures"), "3", null)
        .statusCode(200)
        .header("ETag", "\"5\"")
        .body("status", equalTo("SUBMITTED"));
    post(
            GOVERNMENT,
            path(id, "approval"),
            "5",
            "{\"feeFenPerMonth\":14000,\"validFrom\":\"2026-09-01\",\"validTo\":\"2026-12-31\"}")
        .statusCode(200)
        .body("status", equalTo("APPROVED"))
        .body("approval.feeFenPerMonth", equalTo(14_000));
    post(admin, path(id, "publication"), "6", null)
        .statusCode(200)
        .header("ETag", "\"7\"")
        .body("status", equalTo("PUBLISHED"));

    List<JsonNode> events = events(id, 7);
    assertEquals(
        List.of(
            "FeeProposalDrafted.v1",
            "ParentConsultationHeld.v1",
            "FeeSubmissionSigned.v1",
            "FeeSubmissionSigned.v1",
            "FeeJointlySubmitted.v1",
            "FeeApproved.v1",
            "FeePublished.v1"),
        types(events));
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.get(i).get("aggregateversion").asInt());
      assertEquals("FeeProposal", events.get(i).get("aggregatetype").asText());
      assertEquals("tiedong", events.get(i).get("district").asText());
    }
    assertEquals("parent", events.get(1).get("actorrole").asText());
    assertEquals("PRICING", events.get(2).get("data").get("department").asText());
    assertEquals("EDUCATION", events.get(3).get("data").get("department").asText());
    JsonNode published = events.get(6);
    assertEquals("school-admin", published.get("actorrole").asText());
    JsonNode data = published.get("data");
    assertEquals(id, data.get("proposalId").asText());
    assertEquals(school, data.get("schoolId").asText());
    assertEquals("tiedong", data.get("district").asText());
    assertEquals("2026-autumn", data.get("termId").asText());
    assertEquals("2026-09-01", data.get("termStart").asText());
    assertEquals("2027-01-15", data.get("termEnd").asText());
    assertEquals("AFTER_SCHOOL", data.get("programmeType").asText());
    assertEquals("SERVICE_CHARGE", data.get("basis").asText());
    assertEquals(14_000, data.get("feeFenPerMonth").asLong());
    assertEquals(1, data.get("revision").asInt());
    assertEquals("2026-09-01", data.get("validFrom").asText());
    assertEquals("2026-12-31", data.get("validTo").asText());
    assertEquals("2026-06-10T02:00:00Z", data.get("publishedAt").asText());
    assertEquals("SCHOOL", data.get("payee").asText());

    get(AUDITOR, path(id, "history"))
        .statusCode(200)
        .body(
            "event",
            contains(
                "FeeProposalDrafted.v1",
                "ParentConsultationHeld.v1",
                "FeeSubmissionSigned.v1",
                "FeeSubmissionSigned.v1",
                "FeeJointlySubmitted.v1",
                "FeeApproved.v1",
                "FeePublished.v1"))
        .body("statusAfter[6]", equalTo("PUBLISHED"));
  }

  @Test
  @DisplayName("LN-ASV-06: a school admin can draft and publish but cannot consult, sign, approve")
  void lnAsv06SchoolAdminCannotConsultSignOrApprove() {
    String id = drafted();
    post(admin, path(id, "consultation"), "1", COMMITTEE_MEETING).statusCode(403);
    vote(representative, id, "FOR").statusCode(200);
    post(representative, path(id, "consultation"), "1", COMMITTEE_MEETING).statusCode(200);
    post(admin, path(id, "signatures"), "2", null).statusCode(403);
    post(admin, path(id, "return"), "2", "{\"reasons\":[\"x\"]}").statusCode(403);
    post(PRICING, path(id, "signatures"), "2", null).statusCode(200);
    post(REGULATOR, path(id, "signatures"), "3", null).statusCode(200);
    post(admin, path(id, "approval"), "5", "{\"feeFenPerMonth\":15000}")
        .statusCode(403)
        .contentType("application/problem+json");
    post(admin, path(id, "rejection"), "5", "{\"reasons\":[\"x\"]}").statusCode(403);
    assertEquals(5, stored(id));
  }

  @Test
  @DisplayName("LN-ASV-06: a pricing officer alone cannot submit, nor sign twice")
  void lnAsv06PricingOfficerAloneCannotSubmit() {
    String id = consulted();
    post(PRICING, path(id, "signatures"), "2", null)
        .statusCode(200)
        .body("status", equalTo("CONSULTED"));
    post(OTHER_PRICING, path(id, "signatures"), "3", null)
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://oversight.anshan.gov.cn/problems/rules/LN-ASV-06"))
        .body("detail", containsString("PRICING has already signed"));
    post(GOVERNMENT, path(id, "approval"), "3", "{\"feeFenPerMonth\":15000}")
        .statusCode(409)
        .body("rules", contains("LN-ASV-06"));
    get(AUDITOR, BASE + "/" + id).statusCode(200).body("status", equalTo("CONSULTED"));
    assertEquals(3, stored(id));
  }

  @Test
  @DisplayName("LN-ASV-06 家长自愿: the government cannot approve an unconsulted proposal")
  void lnAsv06GovernmentCannotApproveUnconsulted() {
    String id = drafted();
    post(GOVERNMENT, path(id, "approval"), "1", "{\"feeFenPerMonth\":15000}")
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("https://oversight.anshan.gov.cn/problems/rules/LN-ASV-06"))
        .body("detail", containsString("DRAFT"));
    post(REGULATOR, path(id, "signatures"), "1", null)
        .statusCode(409)
        .body("rules", contains("LN-ASV-06"));
    post(admin, path(id, "publication"), "1", null)
        .statusCode(409)
        .body("rules", contains("LN-ASV-06"));
    // A consultation that did not agree does not move the proposal on.
    vote(representative, id, "AGAINST").statusCode(200);
    post(representative, path(id, "consultation"), "1", HEARING)
        .statusCode(200)
        .body("status", equalTo("DRAFT"))
        .body("consultation.outcome", equalTo("NOT_AGREED"));
    post(PRICING, path(id, "signatures"), "2", null)
        .statusCode(409)
        .body("rules", contains("LN-ASV-06"));
    assertEquals(2, stored(id));
  }

  @Test
  @DisplayName(
      "LN-ASV-06 家长自愿: each representative votes once; the outcome is counted, not typed in")
  void lnAsv06RepresentativesVoteThemselvesAndTheOutcomeIsCounted() {
    Tokens second = Tokens.user("parent-rep2-" + school).role("parent");
    Tokens third = Tokens.user("parent-rep3-" + school).role("parent");
    FeeFixtures.represent(admin, school, second);
    FeeFixtures.represent(admin, school, third);
    String id = drafted();
    vote(representative, id, "FOR")
        .statusCode(200)
        .header("ETag", "\"1\"")
        .body("round", equalTo(1))
        .body("votesCast", equalTo(1))
        .body("representatives", equalTo(3));
    // one of three has voted: not more than half, so nothing is counted yet
    post(representative, path(id, "consultation"), "1", COMMITTEE_MEETING)
        .statusCode(422)
        .body("rules", contains("LN-ASV-06"))
        .body("detail", containsString("1 of the school's 3 parent representatives"));
    vote(representative, id, "AGAINST")
        .statusCode(409)
        .body("rules", contains("LN-ASV-06"))
        .body("detail", containsString("already voted FOR"));
    vote(stranger, id, "FOR").statusCode(404);
    vote(admin, id, "FOR").statusCode(403);
    vote(second, id, "AGAINST").statusCode(200).body("votesCast", equalTo(2));
    // a tie is no agreement: the proposal stays a draft and the next consultation is a new round
    post(second, path(id, "consultation"), "1", COMMITTEE_MEETING)
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("status", equalTo("DRAFT"))
        .body("consultation.outcome", equalTo("NOT_AGREED"))
        .body("consultation.votesFor", equalTo(1))
        .body("consultation.votesAgainst", equalTo(1));
    vote(representative, id, "FOR").statusCode(200).body("round", equalTo(2));
    vote(second, id, "FOR").statusCode(200);
    vote(third, id, "ABSTAIN").statusCode(200).body("votesCast", equalTo(3));
    post(third, path(id, "consultation"), "2", HEARING)
        .statusCode(200)
        .body("status", equalTo("CONSULTED"))
        .body("consultation.method", equalTo("HEARING"))
        .body("consultation.outcome", equalTo("AGREED"))
        .body("consultation.votesFor", equalTo(2))
        .body("consultation.votesAbstained", equalTo(1));
    vote(third, id, "AGAINST").statusCode(409).body("rules", contains("LN-ASV-06"));

    // the votes are events of the school's parent committee, each with its voter as the actor
    // four events seat the first representative (convened, stood, endorsed, seated), three the
    // second (one endorsement of one sitting), four the third (two of two), then five votes
    List<JsonNode> committee = events(school, 16);
    List<JsonNode> votes =
        committee.stream()
            .filter(e -> e.get("type").asText().endsWith("ConsultationVoteCast.v1"))
            .toList();
    assertEquals(5, votes.size());
    assertEquals(representative.subject(), votes.get(0).get("actor").asText());
    assertEquals("parent", votes.get(0).get("actorrole").asText());
    assertEquals("ParentCommittee", votes.get(0).get("aggregatetype").asText());
    assertEquals(id, votes.get(0).get("data").get("proposalId").asText());
    assertEquals("FOR", votes.get(0).get("data").get("vote").asText());
    assertEquals(2, votes.get(4).get("data").get("round").asInt());
    assertEquals("ABSTAIN", votes.get(4).get("data").get("vote").asText());
  }

  @Test
  @DisplayName("LN-ASV-06: only a registered representative of the school records a consultation")
  void lnAsv06OnlyRegisteredRepresentativesConsult() {
    String id = drafted();
    post(stranger, path(id, "consultation"), "1", COMMITTEE_MEETING).statusCode(404);
    get(stranger, BASE + "/" + id).statusCode(404);
    post(PRICING, path(id, "consultation"), "1", COMMITTEE_MEETING).statusCode(403);
    // no representative has voted yet: nothing to count
    post(representative, path(id, "consultation"), "1", COMMITTEE_MEETING)
        .statusCode(422)
        .body("type", equalTo("https://oversight.anshan.gov.cn/problems/rules/LN-ASV-06"))
        .body("detail", containsString("0 of the school's 1 parent representatives"));
    post(
            representative,
            path(id, "consultation"),
            "1",
            COMMITTEE_MEETING.replace("2026-06-09", "2026-06-11"))
        .statusCode(400)
        .body("errors[0].pointer", equalTo("/heldOn"));
    // the committee seats a parent of the school; seated, the parent reads and may consult, and
    // once stepped down can do neither
    FeeFixtures.represent(admin, school, stranger);
    get(stranger, BASE + "/" + id).statusCode(200);
    get(admin, "/api/v1/schools/" + school + "/parent-representatives")
        .statusCode(200)
        .body("subject", hasItem(stranger.subject()));
    given(stranger)
        .delete(FeeFixtures.committee(school) + "/representatives/" + stranger.subject())
        .then()
        .statusCode(204);
    post(stranger, path(id, "consultation"), "1", COMMITTEE_MEETING).statusCode(404);
    assertEquals(1, stored(id));
  }

  static io.restassured.specification.RequestSpecification given(Tokens who) {
    return io.restassured.RestAssured.given().header("Authorization", who.bearer());
  }

  @Test
  @DisplayName(
      "LN-ASV-06 家长自愿: an admin who is also a parent of the school may be seated, but never acts"
          + " for the parents on a proposal the account drafted (403)")
  void lnAsv06TheProposingAdminCannotRecordTheParentsConsultation() {
    String id = drafted();
    // The drafting admin's account also holds "parent" and has a child at the school: the
    // committee may seat that parent, but not for the proposal the account drafted.
    Tokens drafterAsParent =
        Tokens.user(admin.subject())
            .role("school-admin")
            .role("parent")
            .school(school)
            .district("tiedong");
    FeeFixtures.represent(admin, school, Tokens.user(admin.subject()).role("parent"));
    post(drafterAsParent, path(id, "consultation"), "1", COMMITTEE_MEETING)
        .statusCode(403)
        .contentType("application/problem+json")
        .body("rules", contains("LN-ASV-06"))
        .body("detail", containsString("家长自愿"));
    assertEquals(1, stored(id));
    get(representative, BASE + "/" + id).statusCode(200).body("status", equalTo("DRAFT"));
    vote(representative, id, "FOR").statusCode(200);
    post(representative, path(id, "consultation"), "1", COMMITTEE_MEETING).statusCode(200);
  }

  @Test
  @DisplayName("Regulators act in their district only; other schools' admins see nothing")
  void regulatorOfAnotherDistrictAndOtherSchoolsAdminGet404() {
    String id = consulted();
    post(OTHER_REGULATOR, path(id, "signatures"), "2", null).statusCode(404);
    post(OTHER_REGULATOR, path(id, "return"), "2", "{\"reasons\":[\"x\"]}").statusCode(404);
    get(OTHER_REGULATOR, BASE + "/" + id).statusCode(404);
    get(OTHER_REGULATOR, path(id, "history")).statusCode(404);
    get(otherAdmin, BASE + "/" + id).statusCode(404);
    get(otherAdmin, path(id, "history")).statusCode(404);
    get(stranger, path(id, "history")).statusCode(404);
    post(otherAdmin, path(id, "amendment"), "2", terms("PRIMARY", 15_000, 15_000)).statusCode(404);
    post(otherAdmin, path(id, "publication"), "2", null).statusCode(404);
    get(REGULATOR, BASE + "/" + id).statusCode(200).header("ETag", "\"2\"");
    get(REGULATOR, BASE + "?schoolId=" + school)
        .statusCode(200)
        .body("items.proposalId", contains(id));
    get(OTHER_REGULATOR, BASE + "?schoolId=" + school)
        .statusCode(200)
        .body("items.proposalId", not(hasItem(id)));
    get(otherAdmin, BASE + "?schoolId=" + school).statusCode(200).body("items", equalTo(List.of()));
    get(representative, BASE + "?schoolId=" + school)
        .statusCode(200)
        .body("items.proposalId", contains(id));
    get(stranger, BASE + "?schoolId=" + school).statusCode(200).body("items", equalTo(List.of()));
  }

  @Test
  @DisplayName("Auditors read everything and change nothing")
  void auditorsReadOnly() {
    String id = drafted();
    get(AUDITOR, BASE + "/" + id).statusCode(200);
    get(AUDITOR, BASE + "?schoolId=" + school)
        .statusCode(200)
        .body("items.proposalId", contains(id));
    get(AUDITOR, "/api/v1/schools/" + school + "/parent-representatives")
        .statusCode(200)
        .body("subject", contains(representative.subject()));
    post(AUDITOR, BASE, null, proposal(15_000)).statusCode(403);
    post(AUDITOR, path(id, "consultation"), "1", COMMITTEE_MEETING).statusCode(403);
    post(AUDITOR, path(id, "signatures"), "1", null).statusCode(403);
    post(AUDITOR, path(id, "approval"), "1", "{\"feeFenPerMonth\":1}").statusCode(403);
    post(AUDITOR, path(id, "publication"), "1", null).statusCode(403);
    given(AUDITOR).put(FeeFixtures.committee(school)).then().statusCode(403);
    post(AUDITOR, FeeFixtures.committee(school) + "/candidacies", null, null).statusCode(403);
    given(AUDITOR)
        .delete(FeeFixtures.committee(school) + "/representatives/" + representative.subject())
        .then()
        .statusCode(403);
    get(REGULATOR, "/api/v1/schools/" + school + "/parent-representatives").statusCode(403);
    get(admin, "/api/v1/schools/" + school + "/parent-representatives")
        .statusCode(200)
        .body("subject", contains(representative.subject()));
    assertEquals(1, stored(id));
    get(Tokens.anyone(), BASE + "/" + id).statusCode(403);
    io.restassured.RestAssured.given().get(BASE + "/" + id).then().statusCode(401);
  }

  @Test
  @DisplayName(
      "LN-ASV-06: either department returns with reasons; the school amends and re-consults")
  void lnAsv06ReturnAmendReconsultResubmit() {
    String id = consulted();
    post(REGULATOR, path(id, "signatures"), "2", null).statusCode(200);
    post(PRICING, path(id, "return"), "3", "{\"reasons\":[\"itemise utilities\"]}")
        .statusCode(200)
        .body("status", equalTo("RETURNED"))
        .body("returned.department", equalTo("PRICING"))
        .body("returned.reasons", contains("itemise utilities"))
        .body("educationSignature", nullValue());
    post(PRICING, path(id, "return"), "4", "{\"reasons\":[]}").statusCode(400);
    post(admin, path(id, "amendment"), "4", FeeFixtures.terms("PRIMARY", 12_000, 12_000))
        .statusCode(200)
        .body("status", equalTo("DRAFT"))
        .body("proposedFeeFenPerMonth", equalTo(12_000))
        .body("consultation", nullValue());
    post(PRICING, path(id, "signatures"), "5", null).statusCode(409);
    vote(representative, id, "FOR").statusCode(200);
    post(representative, path(id, "consultation"), "5", COMMITTEE_MEETING).statusCode(200);
    post(REGULATOR, path(id, "signatures"), "6", null).statusCode(200);
    post(PRICING, path(id, "signatures"), "7", null)
        .statusCode(200)
        .body("status", equalTo("SUBMITTED"));
    assertEquals(
        List.of(
            "FeeProposalDrafted.v1",
            "ParentConsultationHeld.v1",
            "FeeSubmissionSigned.v1",
            "FeeSubmissionReturned.v1",
            "FeeProposalAmended.v1",
            "ParentConsultationHeld.v1",
            "FeeSubmissionSigned.v1",
            "FeeSubmissionSigned.v1",
            "FeeJointlySubmitted.v1"),
        types(events(id, 9)));
  }

  @Test
  @DisplayName("LN-ASV-06: the city government rejects with reasons; the school may propose again")
  void lnAsv06RejectedProposalIsClosed() {
    String id = submitted();
    post(GOVERNMENT, path(id, "rejection"), "5", "{\"reasons\":[\"participants overstated\"]}")
        .statusCode(200)
        .body("status", equalTo("REJECTED"))
        .body("rejection.reasons", contains("participants overstated"));
    post(GOVERNMENT, path(id, "approval"), "6", "{\"feeFenPerMonth\":15000}")
        .statusCode(409)
        .body("rules", contains("LN-ASV-06"));
    post(admin, path(id, "publication"), "6", null).statusCode(409);
    List<JsonNode> events = events(id, 6);
    assertEquals("FeeRejected.v1", types(events).get(5));
    assertEquals(
        "participants overstated", events.get(5).get("data").get("reasons").get(0).asText());
    // The key is free again: a new proposal starts at revision 1.
    post(admin, BASE, null, proposal(14_000)).statusCode(201).body("revision", equalTo(1));
  }

  @Test
  @DisplayName("LN-ASV-03/06: the approved amount obeys the cap, the cost and the agreed fee")
  void lnAsv06ApprovalAmountAndPeriodChecked() {
    String id = submitted();
    post(GOVERNMENT, path(id, "approval"), "5", "{\"feeFenPerMonth\":15001}")
        .statusCode(422)
        .body("rules", hasItem("LN-ASV-06"));
    post(
            GOVERNMENT,
            path(id, "approval"),
            "5",
            "{\"feeFenPerMonth\":15000,\"validFrom\":\"2026-08-31\"}")
        .statusCode(400)
        .body("errors[0].pointer", equalTo("/validFrom"));
    post(
            GOVERNMENT,
            path(id, "approval"),
            "5",
            "{\"feeFenPerMonth\":15000,\"validFrom\":\"2026-12-01\",\"validTo\":\"2026-11-30\"}")
        .statusCode(400);
    assertEquals(5, stored(id));
    post(GOVERNMENT, path(id, "approval"), "5", "{\"feeFenPerMonth\":15000}")
        .statusCode(200)
        .body("approval.validFrom", equalTo("2026-09-01"))
        .body("approval.validTo", equalTo("2027-01-15"));
  }

  @Test
  @DisplayName("Revisions create a new version that supersedes the published one; history is kept")
  void revisionSupersedesThePublishedFee() {
    String first = approved();
    post(admin, path(first, "revisions"), "6", FeeFixtures.terms("PRIMARY", 16_000, 16_000))
        .statusCode(409)
        .body("rules", contains("LN-ASV-06"));
    post(admin, path(first, "publication"), "6", null).statusCode(200);
    post(otherAdmin, path(first, "revisions"), "7", FeeFixtures.terms("PRIMARY", 16_000, 16_000))
        .statusCode(404);
    String second =
        post(admin, path(first, "revisions"), "7", FeeFixtures.terms("PRIMARY", 16_000, 16_000))
            .statusCode(201)
            .body("revision", equalTo(2))
            .body("revisesProposalId", equalTo(first))
            .body("termId", equalTo("2026-autumn"))
            .extract()
            .path("proposalId");
    post(admin, path(first, "revisions"), "7", FeeFixtures.terms("PRIMARY", 16_000, 16_000))
        .statusCode(409);
    post(admin, BASE, null, proposal(15_000)).statusCode(409);
    // The published revision 1 stays in force while revision 2 goes through the process.
    get(AUDITOR, BASE + "/" + first).statusCode(200).body("status", equalTo("PUBLISHED"));
    vote(representative, second, "FOR").statusCode(200);
    post(representative, path(second, "consultation"), "1", COMMITTEE_MEETING).statusCode(200);
    post(REGULATOR, path(second, "signatures"), "2", null).statusCode(200);
    post(PRICING, path(second, "signatures"), "3", null).statusCode(200);
    post(GOVERNMENT, path(second, "approval"), "5", "{\"feeFenPerMonth\":16000}").statusCode(200);
    post(admin, path(second, "publication"), "6", null)
        .statusCode(200)
        .body("status", equalTo("PUBLISHED"));
    get(AUDITOR, BASE + "/" + first)
        .statusCode(200)
        .body("status", equalTo("SUPERSEDED"))
        .body("supersededBy", equalTo(second));

    List<JsonNode> firstEvents = events(first, 8);
    assertEquals("FeeSuperseded.v1", types(firstEvents).get(7));
    assertEquals(second, firstEvents.get(7).get("data").get("supersededByProposalId").asText());
    JsonNode published = events(second, 7).get(6).get("data");
    assertEquals(2, published.get("revision").asInt());
    assertEquals(16_000, published.get("feeFenPerMonth").asLong());
    assertEquals(first, published.get("supersedesProposalId").asText());
    get(stranger, "/api/v1/published-fees?schoolId=" + school)
        .statusCode(200)
        .body("proposalId", contains(second))
        .body("revision", contains(2))
        .body("feeFenPerMonth", contains(16_000));
    get(admin, BASE + "?schoolId=" + school + "&termId=2026-autumn")
        .statusCode(200)
        .body("items.revision", containsInAnyOrder(1, 2))
        .body("items.status", containsInAnyOrder("SUPERSEDED", "PUBLISHED"));
  }

  @Test
  @DisplayName("ASV-04: published fees are displayed to everyone, without a token; nothing earlier")
  void publishedFeesArePublicOnlyOncePublished() {
    String id = approved();
    get(stranger, "/api/v1/published-fees?schoolId=" + school)
        .statusCode(200)
        .body("", equalTo(List.of()));
    post(admin, path(id, "publication"), "6", null).statusCode(200);
    get(stranger, "/api/v1/published-fees?schoolId=" + school + "&termId=2026-autumn")
        .statusCode(200)
        .body("proposalId", contains(id))
        .body("payee", contains("SCHOOL"))
        .body("feeFenPerMonth", contains(15_000));
    get(stranger, "/api/v1/published-fees?schoolId=" + school + "&termId=2026-spring")
        .statusCode(200)
        .body("", equalTo(List.of()));
    // PLT-12 / issue 18 item 2: no token needed, cacheable
    String etag =
        io.restassured.RestAssured.given()
            .get("/api/v1/published-fees?schoolId=" + school)
            .then()
            .statusCode(200)
            .body("proposalId", contains(id))
            .header("Cache-Control", equalTo("public, max-age=60"))
            .extract()
            .header("ETag");
    io.restassured.RestAssured.given()
        .header("If-None-Match", etag)
        .get("/api/v1/published-fees?schoolId=" + school)
        .then()
        .statusCode(304);
  }

  @Test
  @DisplayName("The official CloudEvents SDK parses the published FeePublished record")
  void feePublishedRecordParsesWithTheCloudEventsSdk() throws Exception {
    String id = approved();
    post(admin, path(id, "publication"), "6", null).statusCode(200);
    var record =
        cn.anshan.oversight.testkit.KafkaRecords.await(
                FeeFixtures.TOPIC,
                r -> id.equals(r.key()) && r.value().contains("FeePublished"),
                1,
                java.time.Duration.ofSeconds(30))
            .get(0);
    io.cloudevents.CloudEvent event =
        io.cloudevents.core.provider.EventFormatProvider.getInstance()
            .resolveFormat(io.cloudevents.jackson.JsonFormat.CONTENT_TYPE)
            .deserialize(record.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals("cn.anshan.oversight.fee.FeePublished.v1", event.getType());
    assertEquals("/oversight/fee-approval", event.getSource().toString());
    assertEquals("FeeProposal/" + id, event.getSubject());
    assertEquals("FeeProposal", event.getExtension("aggregatetype"));
    assertEquals(id, event.getExtension("aggregateid"));
    assertEquals(7L, ((Number) event.getExtension("aggregateversion")).longValue());
    JsonNode data =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(event.getData().toBytes());
    assertEquals(15_000, data.get("feeFenPerMonth").asLong());
    assertEquals(school, data.get("schoolId").asText());
  }

  @Test
  void listsArePagedByCursor() {
    for (String programme : List.of("AFTER_SCHOOL", "SATURDAY", "HOLIDAY")) {
      post(admin, BASE, null, proposal("2026-autumn", programme, "SERVICE_CHARGE", 15_000))
          .statusCode(201);
    }
    String next =
        get(admin, BASE + "?limit=2")
            .statusCode(200)
            .body("items.size()", equalTo(2))
            .extract()
            .path("next");
    get(admin, BASE + "?limit=2&cursor=" + next)
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("next", nullValue());
    get(admin, BASE + "?cursor=bm90LWEtY3Vyc29y")
        .statusCode(400)
        .body("errors[0].pointer", equalTo("/cursor"));
    get(admin, BASE + "?programmeType=SATURDAY")
        .statusCode(200)
        .body("items.programmeType", contains("SATURDAY"));
  }

  @Test
  void idempotencyKeyReplaysASignatureInsteadOfSigningTwice() {
    String id = consulted();
    String key = UUID.randomUUID().toString();
    for (int i = 0; i < 2; i++) {
      given(PRICING)
          .header("Idempotency-Key", key)
          .header("If-Match", "\"2\"")
          .post(path(id, "signatures"))
          .then()
          .statusCode(200)
          .header("ETag", "\"3\"")
          .header("Idempotent-Replayed", i == 0 ? nullValue() : equalTo((Object) "true"))
          .body("status", equalTo("CONSULTED"));
    }
    assertEquals(3, stored(id));
    // The same key on another body-less command of the same caller is another scope.
    given(PRICING)
        .header("Idempotency-Key", key)
        .header("If-Match", "\"3\"")
        .contentType("application/json")
        .body("{\"reasons\":[\"itemise utilities\"]}")
        .post(path(id, "return"))
        .then()
        .statusCode(200)
        .body("status", equalTo("RETURNED"));
  }

  @Test
  void ifMatchIsRequiredAndMustBeCurrent() {
    String id = drafted();
    post(representative, path(id, "consultation"), null, COMMITTEE_MEETING)
        .statusCode(428)
        .contentType("application/problem+json");
    post(representative, path(id, "consultation"), "7", COMMITTEE_MEETING).statusCode(412);
    assertEquals(1, stored(id));
  }

  @Test
  void idempotencyKeyReplaysTheDraft() {
    String body = proposal(15_000);
    String key = UUID.randomUUID().toString();
    String first =
        given(admin)
            .header("Idempotency-Key", key)
            .contentType("application/json")
            .body(body)
            .post(BASE)
            .then()
            .statusCode(201)
            .extract()
            .path("proposalId");
    given(admin)
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(body)
        .post(BASE)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("proposalId", equalTo(first));
    assertEquals(
        1, TestInfra.count("select count(*) from fee_proposal where school_id = ?", school));
  }
}
