package cn.anshan.oversight.fee.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import cn.anshan.oversight.testkit.ContractEvents;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.TestClock;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** What every fee flow test needs: requests, the test clock and the fee events, validated. */
public final class FeeFixtures {
  public static final String TOPIC = "oversight.fee.events";
  public static final String ENROLMENT_TOPIC = "oversight.enrolment.events";
  public static final String BASE = "/api/v1/fee-proposals";

  private FeeFixtures() {}

  /** A proposal body: 440 participants, monthly cost 6,600,000 fen = 15,000 fen per head. */
  public static String proposal(String termId, String programmeType, String basis, long feeFen) {
    return """
        {"termId":"%s","termStart":"2026-09-01","termEnd":"2027-01-15",
         "programmeType":"%s","basis":"%s","schoolLevel":"PRIMARY",
         "costs":{"staffAllowancesFen":4200000,"materialsFen":600000,
                  "outsideProvidersFen":1500000,"utilitiesFen":300000},
         "expectedParticipants":440,"proposedFeeFenPerMonth":%d}"""
        .formatted(termId, programmeType, basis, feeFen);
  }

  public static String proposal(long feeFen) {
    return proposal("2026-autumn", "AFTER_SCHOOL", "SERVICE_CHARGE", feeFen);
  }

  /** Amendment or revision terms with a cost allowing exactly {@code perHeadFen}. */
  public static String terms(String level, long perHeadFen, long feeFen) {
    return """
        {"basis":"SERVICE_CHARGE","schoolLevel":"%s",
         "costs":{"staffAllowancesFen":%d,"materialsFen":0,"outsideProvidersFen":0,
                  "utilitiesFen":0},
         "expectedParticipants":100,"proposedFeeFenPerMonth":%d}"""
        .formatted(level, perHeadFen * 100, feeFen);
  }

  /** A parent-committee meeting: its outcome is counted from the representatives' votes. */
  public static final String COMMITTEE_MEETING =
      """
      {"method":"PARENT_COMMITTEE","heldOn":"2026-06-09"}""";

  public static final String HEARING =
      """
      {"method":"HEARING","heldOn":"2026-06-09"}""";

  /** {@code representative}'s own vote (FOR, AGAINST, ABSTAIN) on the proposal (LN-ASV-06). */
  public static ValidatableResponse vote(Tokens representative, String proposalId, String vote) {
    return post(
        representative,
        BASE + "/" + proposalId + "/consultation/votes",
        null,
        "{\"vote\":\"" + vote + "\"}");
  }

  public static ValidatableResponse post(Tokens who, String path, String ifMatch, String body) {
    var request = given().header("Authorization", who.bearer());
    if (ifMatch != null) {
      request.header("If-Match", "\"" + ifMatch + "\"");
    }
    if (body != null) {
      request.contentType(ContentType.JSON).body(body);
    }
    return request.post(path).then();
  }

  public static ValidatableResponse get(Tokens who, String path) {
    return given().header("Authorization", who.bearer()).get(path).then();
  }

  /**
   * Makes {@code parent} a parent of {@code schoolId} as enrolment would: a ChildRegistered on
   * enrolment's topic with the parent as its actor, waited for until fee-approval has learnt it.
   */
  public static void parentAt(String schoolId, Tokens parent) {
    ObjectNode event = ContractEvents.golden("enrolment", "ChildRegistered.v1");
    String childId = UUID.randomUUID().toString();
    event.put("id", UUID.randomUUID().toString());
    event.put("aggregateid", childId);
    event.put("subject", "Child/" + childId);
    event.put("actor", parent.subject());
    ((ObjectNode) event.get("data")).put("childId", childId).put("schoolId", schoolId);
    KafkaRecords.send(ENROLMENT_TOPIC, childId, event.toString());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from registered_child where child_id = ?::uuid", childId)
                    == 1);
  }

  /** The parent committee of a school. */
  public static String committee(String schoolId) {
    return "/api/v1/schools/" + schoolId + "/parent-committee";
  }

  /**
   * Seats {@code parent}, made a parent of the school first, the way the committee chooses
   * (LN-ASV-06): the school convenes, the parent stands, and a founding parent or the sitting
   * representatives endorse until the candidacy is carried.
   */
  public static void represent(Tokens admin, String schoolId, Tokens parent) {
    parentAt(schoolId, parent);
    String committee = committee(schoolId);
    given().header("Authorization", admin.bearer()).put(committee).then().statusCode(200);
    post(parent, committee + "/candidacies", null, null).statusCode(201);
    List<String> sitting =
        get(admin, committee).statusCode(200).extract().path("representatives.subject");
    List<Tokens> endorsers =
        sitting.isEmpty()
            ? List.of(founder(schoolId))
            : sitting.stream().map(s -> Tokens.user(s).role("parent")).toList();
    for (Tokens endorser : endorsers) {
      boolean carried =
          post(
                  endorser,
                  committee + "/candidacies/" + parent.subject() + "/endorsements",
                  null,
                  null)
              .statusCode(200)
              .extract()
              .path("carried");
      if (carried) {
        return;
      }
    }
    throw new AssertionError(parent.subject() + " was not seated by " + sitting);
  }

  /** Another parent of the school, who endorses the first candidacy of an empty committee. */
  public static Tokens founder(String schoolId) {
    Tokens founder = Tokens.user("founder-" + UUID.randomUUID()).role("parent");
    parentAt(schoolId, founder);
    return founder;
  }

  /** Freezes the service's clock. */
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

  public static List<String> types(List<JsonNode> events) {
    return events.stream()
        .map(e -> e.get("type").asText().replace("cn.anshan.oversight.fee.", ""))
        .toList();
  }
}
