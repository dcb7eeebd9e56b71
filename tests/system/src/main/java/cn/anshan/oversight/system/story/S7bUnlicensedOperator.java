package cn.anshan.oversight.system.story;

import static cn.anshan.oversight.system.story.StoryContext.PARENT_1;
import static cn.anshan.oversight.system.story.StoryContext.REGULATOR_TIEDONG;

import cn.anshan.oversight.clients.registry.model.ComplaintCategory;
import cn.anshan.oversight.clients.registry.model.ComplaintView;
import cn.anshan.oversight.clients.registry.model.FileComplaint;
import cn.anshan.oversight.clients.registry.model.ListStatus;
import cn.anshan.oversight.clients.registry.model.OperatorKind;
import cn.anshan.oversight.clients.registry.model.PublicOperatorMatch;
import cn.anshan.oversight.clients.registry.model.UnlistedOperator;
import cn.anshan.oversight.system.Answer;
import cn.anshan.oversight.system.Clients;
import cn.anshan.oversight.system.StoryFailure;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 18 item 1: parent-1 complains about a maths studio the register does not list; the tiedong
 * regulator records it from that complaint, finds all three parts of the ENF-02 test with evidence,
 * orders it to stop and fines it within ENF-02's band, which black-lists it (LST-01); parent-1 then
 * finds it by name on the public register. The studio's name is new on every run.
 */
public final class S7bUnlicensedOperator implements Step {

  @Override
  public String number() {
    return "7b";
  }

  @Override
  public String title() {
    return "A parent's complaint about an unlicensed maths studio: the regulator tests it (ENF-02),"
        + " sanctions it and the public register lists it black";
  }

  @Override
  public void run(StoryContext s) {
    String studio = "Star Maths Studio " + UUID.randomUUID().toString().substring(0, 8);
    ComplaintView complaint =
        Clients.ok(
            () ->
                s.clients()
                    .as(PARENT_1)
                    .showing("complaintId", "institutionId", "operatorName", "answerDueBy")
                    .complaints()
                    .fileComplaint(
                        new FileComplaint()
                            .operator(
                                new UnlistedOperator()
                                    .name(studio)
                                    .district("tiedong")
                                    .address("3-2-401 Shengli Road"))
                            .category(ComplaintCategory.SUBJECT_DISGUISED)
                            .description(
                                "Grade 5 maths every Sunday in a flat, 3,000 yuan a term."),
                        Clients.idempotencyKey()));

    String operators = s.urls().registry() + "/api/v1/unlicensed-operators";
    Answer recorded =
        s.api()
            .as(REGULATOR_TIEDONG)
            .post(
                operators,
                Map.of(
                    "name",
                    studio,
                    "address",
                    "3-2-401 Shengli Road",
                    "discoveredThrough",
                    "COMPLAINT",
                    "sourceReference",
                    complaint.getComplaintId().toString()))
            .showing("operatorId", "district", "listStatus")
            .send()
            .expect(201);
    String operator = operators + "/" + recorded.text("operatorId");
    Answer assessed =
        s.api()
            .as(REGULATOR_TIEDONG)
            .post(
                operator + "/assessment",
                Map.of(
                    "venueOrOnline",
                    true,
                    "venueEvidence",
                    "inspection 2026-113: a flat fitted as a classroom, photos 1-4",
                    "staffCount",
                    3,
                    "staffEvidence",
                    "inspection 2026-113: three tutors interviewed",
                    "organised",
                    true,
                    "organisationEvidence",
                    "a duty roster and a fee table on the wall, photo 5",
                    "subjectTraining",
                    true,
                    "trainingEvidence",
                    "grade 5 maths worksheets, photo 6"))
            .ifMatch(recorded.etag())
            .showing("finding", "test/staffCount")
            .send()
            .expect(200);
    if (!"UNLICENSED_INSTITUTION".equals(assessed.text("finding"))) {
      throw new StoryFailure("three parts established but no ENF-02 finding: " + assessed.body());
    }
    s.api()
        .as(REGULATOR_TIEDONG)
        .post(
            operator + "/sanctions",
            Map.of(
                "type",
                "FINE",
                "fineFen",
                6_000_001,
                "illegalGainsFen",
                1_200_000,
                "detail",
                "more than five times the illegal gains"))
        .ifMatch(assessed.etag())
        .send()
        .expect(422)
        .expectRule("ENF-02");
    s.say().note("a fine above five times the illegal gains is refused (ENF-02)");
    Answer stopped =
        s.api()
            .as(REGULATOR_TIEDONG)
            .post(
                operator + "/sanctions",
                Map.of("type", "ORDER_TO_STOP", "detail", "decision 2026-88: stop all training"))
            .ifMatch(assessed.etag())
            .showing("listStatus", "/sanctions/0/type", "/sanctions/0/ruleId")
            .send()
            .expect(200);
    s.api()
        .as(REGULATOR_TIEDONG)
        .post(
            operator + "/sanctions",
            Map.of(
                "type",
                "FINE",
                "fineFen",
                2_400_000,
                "illegalGainsFen",
                1_200_000,
                "detail",
                "decision 2026-88: twice the fees collected"))
        .ifMatch(stopped.etag())
        .showing("listStatus", "/sanctions/1/fineFen")
        .send()
        .expect(200);

    List<PublicOperatorMatch> found =
        Clients.ok(
            () ->
                s.clients()
                    .as(PARENT_1)
                    .showing("/0/kind", "/0/listStatus", "/0/ruleId")
                    .publicRegister()
                    .findOperatorsByName(studio));
    // LST-01 / PLT-12: the sanctioned operator is on the black list, found by its name
    if (found.size() != 1
        || found.get(0).getKind() != OperatorKind.UNLICENSED_OPERATOR
        || found.get(0).getListStatus() != ListStatus.BLACK
        || !"ENF-02".equals(found.get(0).getRuleId())) {
      throw new StoryFailure("the public register does not list the studio black: " + found);
    }
  }
}
