package cn.anshan.oversight.system.story;

import static cn.anshan.oversight.system.story.StoryContext.INSTITUTION_A;
import static cn.anshan.oversight.system.story.StoryContext.OPERATOR_A;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_1;
import static cn.anshan.oversight.system.story.StoryContext.REGULATOR_LISHAN;
import static cn.anshan.oversight.system.story.StoryContext.REGULATOR_TIEDONG;
import static cn.anshan.oversight.system.story.StoryContext.SCITECH_LISHAN;
import static cn.anshan.oversight.system.story.StoryContext.SCITECH_TIEDONG;

import cn.anshan.oversight.system.Answer;
import cn.anshan.oversight.system.StoryFailure;
import java.util.Map;

/**
 * Issue 8 step 1: operator-a applies for a non-subject science-tech institution in tiedong; the
 * tiedong science-technology bureau concurs (REG-02, issue 18 item 4), the lishan one cannot see
 * it; the lishan regulator is refused (REG-08), the tiedong regulator approves (REG-09: becomes
 * supervisor); licence and legal registration put it on the white list (LST-01).
 */
public final class S1InstitutionApproval implements Step {

  @Override
  public String number() {
    return "1";
  }

  @Override
  public String title() {
    return "An institution applies; only its district's regulator may approve; licence +"
        + " registration → white list";
  }

  @Override
  public void run(StoryContext s) {
    String reg = s.urls().registry();
    String app = reg + "/api/v1/institution-applications";
    Answer applied =
        s.api()
            .as(OPERATOR_A)
            .post(
                app,
                """
                {"name":"Anshan Robotics Club","category":"NON_SUBJECT","subCategory":"SCIENCE_TECH",
                 "mode":"OFFLINE","district":"tiedong","legalForm":"BUSINESS",
                 "studentStages":["PRIMARY","JUNIOR_SECONDARY"],"premisesAreaSqm":320.5,
                 "maxStudentsPerSlot":60,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}\
                """)
            .showing("institutionId", "status", "district")
            .send()
            .expect(201);
    Answer read =
        s.api().as(OPERATOR_A).get(app + "/" + INSTITUTION_A).showing("status").send().expect(200);
    s.remember("institution", INSTITUTION_A);
    // REG-02: the district's science-technology bureau co-approves its sector's institutions
    s.api()
        .as(SCITECH_LISHAN)
        .post(app + "/" + INSTITUTION_A + "/sector-opinion", Map.of("opinion", "CONCURRED"))
        .ifMatch(read.etag())
        .send()
        .expect(404);
    read =
        s.api()
            .as(SCITECH_TIEDONG)
            .post(
                app + "/" + INSTITUTION_A + "/sector-opinion",
                Map.of("opinion", "CONCURRED", "reason", "实验室安全评估合格"))
            .ifMatch(read.etag())
            .showing("sectorOpinion")
            .send()
            .expect(200);
    if (!"CONCURRED".equals(read.text("/sectorOpinion/opinion"))) {
      throw new StoryFailure("the sector opinion was not recorded: " + read.body());
    }
    s.say()
        .note(
            "the tiedong science-technology bureau concurs (REG-02); lishan's bureau cannot see"
                + " the application");
    s.api()
        .as(REGULATOR_LISHAN)
        .post(app + "/" + INSTITUTION_A + "/approval", null)
        .ifMatch(read.etag())
        .send()
        .expect(403)
        .expectRule("REG-08");
    s.say().note("regulator-lishan is refused: the premises are in tiedong (REG-08)");
    s.api()
        .as(REGULATOR_TIEDONG)
        .post(app + "/" + INSTITUTION_A + "/approval", null)
        .ifMatch(read.etag())
        .showing("status", "supervisorId")
        .send()
        .expect(200);

    String inst = reg + "/api/v1/institutions/" + INSTITUTION_A;
    Answer standing =
        s.api()
            .as(REGULATOR_TIEDONG)
            .get(inst + "/standing")
            .showing("listStatus", "operational")
            .send()
            .expect(200);
    if (!"WHITE".equals(standing.text("listStatus"))) {
      if (standing.text("/licence/licenceNo").isEmpty() && standing.text("licenceNo").isEmpty()) {
        standing =
            s.api()
                .as(REGULATOR_TIEDONG)
                .post(
                    inst + "/licence",
                    Map.of(
                        "licenceNo", "教民-210302-0001",
                        "validFrom", s.today().toString(),
                        "validTo", s.today().plusYears(3).toString()))
                .ifMatch(standing.etag())
                .showing("listStatus", "reasons")
                .send()
                .expect(200);
      }
      standing =
          s.api()
              .as(OPERATOR_A)
              .post(
                  inst + "/registration",
                  Map.of("type", "BUSINESS_LICENCE", "creditCode", "91210300MA0ROBO01X"))
              .ifMatch(standing.etag())
              .showing("listStatus", "operational")
              .send()
              .expect(200);
    }
    if (!"WHITE".equals(standing.text("listStatus"))
        || !"true".equals(standing.text("operational"))) {
      throw new StoryFailure("institution not white-listed and operational: " + standing.body());
    }
    Answer pub =
        s.api()
            .as(PARENT_1)
            .get(reg + "/api/v1/public/institutions/" + INSTITUTION_A)
            .showing("name", "listStatus", "operational", "licenceValidTo")
            .send()
            .expect(200);
    if (pub.body().contains("91210300MA0ROBO01X")) {
      throw new StoryFailure("the public view shows the credit code: " + pub.body());
    }
    s.say()
        .note(
            "parents see the institution on the white list (public view, no staff or account"
                + " data)");
  }
}
