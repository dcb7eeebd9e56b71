package cn.anshan.oversight.system.story;

import static cn.anshan.oversight.system.story.StoryContext.CITY_GOV;
import static cn.anshan.oversight.system.story.StoryContext.INSTITUTION_A;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_1;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_1_SUB;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_2;
import static cn.anshan.oversight.system.story.StoryContext.PRICING_OFFICER;
import static cn.anshan.oversight.system.story.StoryContext.REGULATOR_TIEDONG;
import static cn.anshan.oversight.system.story.StoryContext.SCHOOL_1;
import static cn.anshan.oversight.system.story.StoryContext.SCHOOL_ADMIN;

import cn.anshan.oversight.clients.ApiResponse;
import cn.anshan.oversight.clients.enrolment.model.ChargeView;
import cn.anshan.oversight.clients.enrolment.model.Child;
import cn.anshan.oversight.clients.enrolment.model.Enrol;
import cn.anshan.oversight.clients.enrolment.model.ExemptionClaim;
import cn.anshan.oversight.clients.enrolment.model.ExemptionView;
import cn.anshan.oversight.clients.fee.api.FeeProposalsApi;
import cn.anshan.oversight.clients.fee.model.CastVote;
import cn.anshan.oversight.clients.fee.model.ConsultationMethod;
import cn.anshan.oversight.clients.fee.model.ConsultationOutcome;
import cn.anshan.oversight.clients.fee.model.FeeProposalView;
import cn.anshan.oversight.clients.fee.model.PublishedFeeView;
import cn.anshan.oversight.clients.fee.model.RecordConsultation;
import cn.anshan.oversight.clients.fee.model.Vote;
import cn.anshan.oversight.system.Answer;
import cn.anshan.oversight.system.Clients;
import cn.anshan.oversight.system.StoryFailure;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issue 8 step 6: school-admin-1 convenes the school's parent committee, parent-1 stands and
 * parent-2 founds the committee by endorsing (LN-ASV-06 家长自愿: the school seats no one);
 * school-admin-1 proposes the after-school fee; parent-1 (the seated representative) votes and
 * records the consultation, whose outcome is counted from the votes; the education bureau
 * (regulator-tiedong) and the pricing officer sign jointly; the city government approves; the
 * school publishes (LN-ASV-06, ASV-04). The school publishes its 5+2 programme, parent-1 agrees its
 * content for the committee (LN-ASV-01), the school admits operator-a's institution as a provider
 * (ASV-06); parent-1 enrols a child, parent-2's exempt child is charged zero; the school cannot
 * enrol a child itself (ASV-04, voluntary).
 */
public final class S6AfterSchoolFee implements Step {

  static final long FEE_FEN = 15000;

  @Override
  public String number() {
    return "6";
  }

  @Override
  public String title() {
    return "After-school fee: proposal → consultation → joint submission → approval → publication;"
        + " enrolment and an exempt child";
  }

  @Override
  public void run(StoryContext s) {
    SchoolTerm term = SchoolTerm.around(s.today());
    String fee = s.urls().fee() + "/api/v1";
    // LN-ASV-01/06 家长自愿: the school convenes its parent committee but seats no one; parent-1
    // stands and parent-2, another parent of the school, founds the committee by endorsing. Both
    // are parents of school 1 once fee-approval has learnt their children of step 3 from
    // enrolment's ChildRegistered on Kafka; until then standing is 422
    String committee = fee + "/schools/" + SCHOOL_1 + "/parent-committee";
    s.api()
        .as(SCHOOL_ADMIN)
        .put(committee, null)
        .showing("schoolId", "district")
        .send()
        .expect(200);
    Answer[] stood = new Answer[1];
    s.await(
        "fee-approval knows parent-1's child at the school (ChildRegistered consumed)",
        () -> {
          stood[0] = s.api().as(PARENT_1).post(committee + "/candidacies", null).quietly().send();
          return stood[0].status() != 422;
        },
        () -> stood[0] == null ? "" : stood[0].status() + " " + stood[0].body());
    s.say()
        .call(
            PARENT_1,
            "POST",
            committee + "/candidacies",
            stood[0].status(),
            "motion=" + stood[0].text("motion") + " needed=" + stood[0].text("needed"));
    stood[0].expect(201);
    Answer[] founded = new Answer[1];
    s.await(
        "fee-approval knows parent-2's child at the school (ChildRegistered consumed)",
        () -> {
          founded[0] =
              s.api()
                  .as(PARENT_2)
                  .post(committee + "/candidacies/" + PARENT_1_SUB + "/endorsements", null)
                  .quietly()
                  .send();
          return founded[0].status() != 422;
        },
        () -> founded[0] == null ? "" : founded[0].status() + " " + founded[0].body());
    s.say()
        .call(
            PARENT_2,
            "POST",
            committee + "/candidacies/" + PARENT_1_SUB + "/endorsements",
            founded[0].status(),
            "carried=" + founded[0].text("carried") + " basis=" + founded[0].text("basis"));
    founded[0].expect(200);
    Answer seated =
        s.api()
            .as(PARENT_1)
            .get(committee)
            .showing("/representatives/0/subject", "/representatives/0/seatedBy")
            .send()
            .expect(200);
    if (!PARENT_1_SUB.equals(seated.text("/representatives/0/subject"))) {
      throw new StoryFailure(
          "the committee's founding endorsement did not seat parent-1: " + seated.body());
    }
    Answer p =
        s.api()
            .as(SCHOOL_ADMIN)
            .post(
                fee + "/fee-proposals",
                """
                {"termId":"%s","termStart":"%s","termEnd":"%s",
                 "programmeType":"AFTER_SCHOOL","basis":"SERVICE_CHARGE","schoolLevel":"PRIMARY",
                 "costs":{"staffAllowancesFen":4200000,"materialsFen":600000,
                          "outsideProvidersFen":1500000,"utilitiesFen":300000},
                 "expectedParticipants":440,"proposedFeeFenPerMonth":%d}\
                """
                    .formatted(term.id(), term.start(), term.end(), FEE_FEN))
            .showing("proposalId", "status", "totalCostFen", "proposedFeeFenPerMonth")
            .send()
            .expect(201);
    String proposalId = p.text("proposalId");
    String proposal = fee + "/fee-proposals/" + proposalId;
    s.remember("feeProposal", proposalId);
    // the seated representative reads what the school proposes, and its history, before voting
    s.api()
        .as(PARENT_1)
        .get(proposal)
        .showing("status", "proposedFeeFenPerMonth")
        .send()
        .expect(200);
    s.api().as(PARENT_1).get(proposal + "/history").send().expect(200);
    // the parent representative votes and records the consultation through the generated fee
    // client: the outcome is counted from the representatives' own votes (LN-ASV-06 家长自愿); a
    // vote leaves the proposal's version, so the consultation is conditional on the proposal's ETag
    FeeProposalsApi representative =
        s.clients()
            .as(PARENT_1)
            .showing("round", "vote", "votesCast", "representatives", "status")
            .feeProposals();
    Clients.ok(
        () ->
            representative.castConsultationVote(
                UUID.fromString(proposalId),
                new CastVote().vote(Vote.FOR),
                Clients.idempotencyKey()));
    String proposed = p.etag();
    ApiResponse<FeeProposalView> consultation =
        Clients.ok(
            () ->
                s.clients()
                    .as(PARENT_1)
                    .showing("status", "/consultation/outcome", "/consultation/votesFor")
                    .feeProposals()
                    .recordConsultationWithHttpInfo(
                        UUID.fromString(proposalId),
                        new RecordConsultation()
                            .method(ConsultationMethod.PARENT_COMMITTEE)
                            .heldOn(s.today()),
                        Clients.idempotencyKey(),
                        proposed));
    if (consultation.getData().getConsultation().getOutcome() != ConsultationOutcome.AGREED) {
      throw new StoryFailure(
          "the parents' vote was not counted as agreement: " + consultation.getData());
    }
    String consulted = Clients.etag(consultation);
    p = sign(s, REGULATOR_TIEDONG, proposal, consulted);
    p = sign(s, PRICING_OFFICER, proposal, p.etag());
    if (!"SUBMITTED".equals(p.text("status"))) {
      throw new StoryFailure("two signatures did not submit the proposal: " + p.body());
    }
    p =
        s.api()
            .as(CITY_GOV)
            .post(proposal + "/approval", Map.of("feeFenPerMonth", FEE_FEN))
            .ifMatch(p.etag())
            .showing("status", "/approval/feeFenPerMonth")
            .send()
            .expect(200);
    s.api()
        .as(SCHOOL_ADMIN)
        .post(proposal + "/publication", null)
        .ifMatch(p.etag())
        .showing("status")
        .send()
        .expect(200);
    List<PublishedFeeView> published =
        Clients.ok(
            () ->
                s.clients()
                    .as(PARENT_1)
                    .showing("/0/feeFenPerMonth", "/0/programmeType", "/0/payee")
                    .publishedFees()
                    .listPublishedFees(SCHOOL_1, term.id()));
    if (published.stream()
        .noneMatch(
            f ->
                proposalId.equals(String.valueOf(f.getProposalId()))
                    && f.getFeeFenPerMonth() == FEE_FEN)) {
      throw new StoryFailure("parents do not see the approved fee published: " + published);
    }

    // enrolment: the 5+2 plan, the provider, voluntary enrolment, charges
    String enr = s.urls().enrolment() + "/api/v1";
    Answer programme =
        s.api()
            .as(SCHOOL_ADMIN)
            .post(
                enr + "/programmes",
                """
                {"type":"AFTER_SCHOOL","termId":"%s","termStart":"%s",
                 "termEnd":"%s","days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
                 "dailyStart":"15:30","dailyEnd":"17:30","grades":[1,2,3,4,5,6],"billing":"MONTHLY",
                 "activities":[{"name":"作业辅导","kind":"HOMEWORK_SUPPORT"},
                               {"name":"机器人社团","kind":"SCIENCE_TECH"}]}\
                """
                    .formatted(term.id(), term.start(), term.end()))
            .showing("programmeId", "type", "termId", "days")
            .send()
            .expect(201);
    String programmeId = programme.text("programmeId");
    s.remember("programme", programmeId);
    // LN-ASV-01: the parent committee (parent-1, its one representative) agrees the programme's
    // content, as read (If-Match), before families enrol; enrolment learns the seat from
    // fee-approval's ParentRepresentativeRegistered, until then 403
    String agreement = enr + "/programmes/" + programmeId + "/content-agreement";
    Answer[] agreed = new Answer[1];
    s.await(
        "enrolment knows parent-1's seat on the committee (ParentRepresentativeRegistered consumed)",
        () -> {
          agreed[0] =
              s.api().as(PARENT_1).post(agreement, null).ifMatch(programme.etag()).quietly().send();
          return agreed[0].status() != 403;
        },
        () -> agreed[0] == null ? "" : agreed[0].status() + " " + agreed[0].body());
    s.say()
        .call(
            PARENT_1,
            "POST",
            agreement,
            agreed[0].status(),
            "endorsements="
                + agreed[0].text("endorsements")
                + "/"
                + agreed[0].text("needed")
                + " agreedAt="
                + agreed[0].text("agreedAt"));
    agreed[0].expect(200);
    Answer[] admitted = new Answer[1];
    // ASV-06: for its filed course of step 2, at no more than the filed price per lesson
    Map<String, Object> offer =
        Map.of(
            "institutionId",
            INSTITUTION_A,
            "courseId",
            s.id("course"),
            "feeFenPerLesson",
            S2CoursesAndSchedules.PRICE_FEN,
            "services",
            List.of("机器人社团"));
    s.await(
        "enrolment knows the institution is white-listed and its course (registry events consumed)",
        () -> {
          admitted[0] =
              s.api()
                  .as(SCHOOL_ADMIN)
                  .post(enr + "/programmes/" + programmeId + "/providers", offer)
                  .quietly()
                  .send();
          return admitted[0].status() == 201;
        },
        () -> admitted[0] == null ? "" : admitted[0].status() + " " + admitted[0].body());
    s.say()
        .call(
            SCHOOL_ADMIN,
            "POST",
            enr + "/programmes/" + programmeId + "/providers",
            admitted[0].status(),
            "admissionId="
                + admitted[0].text("admissionId")
                + " status="
                + admitted[0].text("status"));
    s.remember("admission", admitted[0].text("admissionId"));

    String child1 = child(s, PARENT_1, 3);
    String child2 = child(s, PARENT_2, 4);
    s.api()
        .as(SCHOOL_ADMIN)
        .post(enr + "/enrolments", Map.of("childId", child1, "programmeId", programmeId))
        .send()
        .expect(403)
        .expectRule("ASV-04");
    s.say()
        .note("the school cannot enrol a child itself: enrolment is voluntary (ASV-04, signalled)");
    ApiResponse<ExemptionView> claim =
        Clients.ok(
            () ->
                s.clients()
                    .as(PARENT_2)
                    .showing("exemptionId", "status", "category")
                    .children()
                    .claimExemptionWithHttpInfo(
                        UUID.fromString(child2),
                        new ExemptionClaim()
                            .category("DISABLED")
                            .evidenceRef("disability certificate 2103-0042"),
                        Clients.idempotencyKey()));
    s.api()
        .as(SCHOOL_ADMIN)
        .post(enr + "/exemptions/" + claim.getData().getExemptionId() + "/grant", null)
        .ifMatch(Clients.etag(claim))
        .showing("status")
        .send()
        .expect(200);
    String e1 = enrol(s, PARENT_1, child1, programmeId);
    String e2 = enrol(s, PARENT_2, child2, programmeId);
    String month = YearMonth.from(s.today()).toString();
    Answer[] run = new Answer[1];
    s.await(
        "enrolment knows the published fee (FeePublished consumed)",
        () -> {
          run[0] =
              s.api()
                  .as(SCHOOL_ADMIN)
                  .post(enr + "/programmes/" + programmeId + "/charge-runs", Map.of("month", month))
                  .quietly()
                  .send();
          return run[0].status() == 201;
        },
        () -> run[0] == null ? "" : run[0].status() + " " + run[0].body());
    s.say()
        .call(
            SCHOOL_ADMIN,
            "POST",
            enr + "/programmes/" + programmeId + "/charge-runs",
            run[0].status(),
            "month=" + month);
    // the parents read their charges through the generated enrolment client (issue 19 item 2)
    ChargeView c1 =
        Clients.ok(
                () ->
                    s.clients()
                        .as(PARENT_1)
                        .showing("/0/amountFen", "/0/feeFenPerMonth", "/0/periodStart")
                        .enrolments()
                        .listCharges(UUID.fromString(e1)))
            .get(0);
    ChargeView c2 =
        Clients.ok(
                () ->
                    s.clients()
                        .as(PARENT_2)
                        .showing("/0/amountFen", "/0/exemptCategory")
                        .enrolments()
                        .listCharges(UUID.fromString(e2)))
            .get(0);
    if (c1.getAmountFen() <= 0 || c1.getAmountFen() > FEE_FEN) {
      throw new StoryFailure("parent-1's charge is not within the published fee: " + c1);
    }
    if (c2.getAmountFen() != 0 || c2.getExemptCategory() == null) {
      throw new StoryFailure("the exempt child was charged: " + c2);
    }
    s.say().note("the exempt child is charged 0 (category " + c2.getExemptCategory() + ")");
    Clients.refused(
        404, () -> s.clients().as(PARENT_2).enrolments().getEnrolment(UUID.fromString(e1)));
  }

  /** The joint submission: each signatory signs the proposal's current version (If-Match). */
  private static Answer sign(StoryContext s, String signatory, String proposal, String etag) {
    return s.api()
        .as(signatory)
        .post(proposal + "/signatures", null)
        .ifMatch(etag)
        .showing("status")
        .send()
        .expect(200);
  }

  private static String child(StoryContext s, String parent, int grade) {
    return Clients.ok(
            () ->
                s.clients()
                    .as(parent)
                    .showing("childId", "grade")
                    .children()
                    .registerChild(
                        new Child().schoolId(SCHOOL_1).grade(grade), Clients.idempotencyKey()))
        .getChildId()
        .toString();
  }

  private static String enrol(StoryContext s, String parent, String child, String programme) {
    return Clients.ok(
            () ->
                s.clients()
                    .as(parent)
                    .showing("enrolmentId", "status", "startDate")
                    .enrolments()
                    .enrol(
                        new Enrol()
                            .childId(UUID.fromString(child))
                            .programmeId(UUID.fromString(programme)),
                        Clients.idempotencyKey()))
        .getEnrolmentId()
        .toString();
  }
}
