package cn.anshan.oversight.system;

import static cn.anshan.oversight.system.story.StoryContext.BANK;
import static cn.anshan.oversight.system.story.StoryContext.CITY_GOV;
import static cn.anshan.oversight.system.story.StoryContext.INSTITUTION_A;
import static cn.anshan.oversight.system.story.StoryContext.INSTITUTION_B;
import static cn.anshan.oversight.system.story.StoryContext.OPERATOR_A;
import static cn.anshan.oversight.system.story.StoryContext.OPERATOR_B;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_1;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_1_SUB;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_2;
import static cn.anshan.oversight.system.story.StoryContext.PARENT_2_SUB;
import static cn.anshan.oversight.system.story.StoryContext.PRICING_OFFICER;
import static cn.anshan.oversight.system.story.StoryContext.REGULATOR_LISHAN;
import static cn.anshan.oversight.system.story.StoryContext.REGULATOR_TIEDONG;
import static cn.anshan.oversight.system.story.StoryContext.SCHOOL_1;
import static cn.anshan.oversight.system.story.StoryContext.SCHOOL_ADMIN;
import static cn.anshan.oversight.system.story.StoryContext.SCITECH_TIEDONG;

import cn.anshan.oversight.system.story.HeldSessions;
import cn.anshan.oversight.system.story.PlatformClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests on objects the story does not reach, made after it as the objects' owners so that the
 * {@link ObjectMatrix} has own rows for their operations and replays them as the other scope:
 * advertisement reports dismissed and confirmed, a complaint answered and closed, premises filed
 * and changed, an inspection planned, completed and its rectification verified (institution B,
 * lishan; institution A by the tiedong science-technology bureau, REG-02); a staff blacklist entry;
 * institution A's risk grade, its sanction lifted, a dispute resolved and refunds accepted, refused
 * and decided on new orders, its provider admission evaluated, its licence scope changed and
 * revoked, its course classified and a material filed for it, its teacher verified and leaving; a
 * parent representative removed, an exemption rejected, a programme revised, an enrolment
 * withdrawn; a fee revision amended, returned by both signatories and rejected by the city
 * government. They go through {@link Api}, so the {@link RequestJournal} holds them like the
 * story's requests. Answers are narrated, not asserted: an operation none of them reaches shows up
 * as uncovered.
 */
final class ObjectsBeyondTheStory {

  private final Api api;
  private final Endpoints urls;

  ObjectsBeyondTheStory(Api api) {
    this.api = api;
    this.urls = api.endpoints();
  }

  void create() {
    LocalDate today = new PlatformClock(urls).today();
    String reg = urls.registry() + "/api/v1";
    Answer dismissed = create(PARENT_1, reg + "/ad-reports", adReport("a flyer at the gate"));
    act(
        REGULATOR_LISHAN,
        reg + "/ad-reports/" + dismissed.text("adReportId") + "/dismissal",
        Map.of("note", "not a training advertisement"),
        dismissed);
    Answer confirmed = create(SCHOOL_ADMIN, reg + "/ad-reports", adReport("an ad on a bus"));
    act(
        REGULATOR_LISHAN,
        reg + "/ad-reports/" + confirmed.text("adReportId") + "/confirmation",
        Map.of("note", "confirmed"),
        confirmed);

    Answer complaint =
        create(
            PARENT_1,
            reg + "/complaints",
            Map.of("institutionId", INSTITUTION_B, "category", "FEE", "description", "fee raised"));
    String c = reg + "/complaints/" + complaint.text("complaintId");
    Answer answered =
        act(OPERATOR_B, c + "/answer", Map.of("answer", "the fee is as filed"), complaint);
    act(REGULATOR_LISHAN, c + "/closure", Map.of("outcome", "NOT_UPHELD"), answered);

    Map<String, Object> site =
        Map.of(
            "address",
            "12 Shengli Road, Lishan",
            "district",
            "lishan",
            "floorLevel",
            2,
            "buildingType",
            "COMMERCIAL",
            "areaSqm",
            260,
            "leaseEnd",
            today.plusYears(2).toString(),
            "classrooms",
            List.of(Map.of("name", "Room 1", "areaSqm", 60, "maxStudents", 20)));
    Answer premises =
        create(OPERATOR_B, reg + "/institutions/" + INSTITUTION_B + "/premises", site);
    api.as(OPERATOR_B)
        .put(
            reg + "/institutions/" + INSTITUTION_B + "/premises/" + premises.text("premisesId"),
            site)
        .ifMatch(premises.etag())
        .send();

    Answer plan =
        create(
            REGULATOR_LISHAN,
            reg + "/inspection-plans",
            Map.of("type", "FULL_COVERAGE", "scheduledFor", today.plusDays(7).toString()));
    String inspection = reg + "/inspections/" + plan.text("/inspections/0/inspectionId");
    Answer completed =
        act(
            REGULATOR_LISHAN,
            inspection + "/completion",
            Map.of(
                "findings",
                List.of(
                    Map.of(
                        "problemType", "CHAOTIC_MANAGEMENT",
                        "detail", "attendance records incomplete",
                        "rectificationWorkingDays", 10))),
            api.as(REGULATOR_LISHAN).get(inspection).send());
    act(
        REGULATOR_LISHAN,
        inspection
            + "/rectifications/"
            + completed.text("/rectifications/0/rectificationId")
            + "/verification",
        null,
        completed);

    // REG-02: the tiedong science-technology bureau inspects institution A, which it co-supervises
    Answer tiedongRound =
        create(
            REGULATOR_TIEDONG,
            reg + "/inspection-plans",
            Map.of("type", "FULL_COVERAGE", "scheduledFor", today.plusDays(7).toString()));
    for (JsonNode planned : tiedongRound.node("inspections")) {
      if (INSTITUTION_A.equals(planned.path("institutionId").asText())) {
        String joint = reg + "/inspections/" + planned.path("inspectionId").asText();
        Answer found =
            act(
                SCITECH_TIEDONG,
                joint + "/completion",
                Map.of(
                    "findings",
                    List.of(
                        Map.of(
                            "problemType", "SAFETY_HAZARD",
                            "detail", "soldering stations without extraction",
                            "rectificationWorkingDays", 5))),
                api.as(SCITECH_TIEDONG).get(joint).send());
        act(
            SCITECH_TIEDONG,
            joint
                + "/rectifications/"
                + found.text("/rectifications/0/rectificationId")
                + "/verification",
            null,
            found);
      }
    }

    String teacherId =
        fromJournal(
            "POST", "/institutions/" + INSTITUTION_A + "/staff$", "nationalIdNumber", true, null);
    create(
        REGULATOR_TIEDONG,
        reg + "/staff-blacklist",
        Map.of("nationalIdNumber", teacherId, "redLine", "OTHER_CONDUCT", "detail", "matrix"));
    // The black-listed teacher is checked and leaves before institution A is readmitted as a
    // provider: enrolment refuses a provider that employs a black-listed person (ASV-06, STF-06).
    String staff =
        fromJournal("POST", "/institutions/" + INSTITUTION_A + "/staff$", "staffId", false, null);
    String teacher = reg + "/institutions/" + INSTITUTION_A + "/staff/" + staff;
    String course =
        reg + "/courses/" + fromJournal("POST", "/courses$", "courseId", false, OPERATOR_A);
    create(
        OPERATOR_A,
        course + "/materials",
        Map.of(
            "title", "机器人入门",
            "kind", "HANDOUT",
            "reference", "matrix: docs://robotics/handout-1.pdf"));
    act(
        REGULATOR_TIEDONG,
        course + "/classification",
        Map.of(
            "assessed",
            Map.of(
                "purpose", "INTEREST_AND_ABILITY",
                "content", "NON_SUBJECT_CONTENT",
                "method", "EXPERIENCE_AND_PRACTICE",
                "evaluation", "PROCESS_AND_SHOWCASE"),
            "evidenceReference",
            "matrix: class visit"),
        api.as(REGULATOR_TIEDONG).get(course).send());
    act(
        REGULATOR_TIEDONG,
        teacher + "/verification",
        Map.of(
            "qualificationConfirmed", true,
            "inServiceTeacherFound", false,
            "evidenceReference", "matrix: certificate register query"),
        api.as(REGULATOR_TIEDONG).get(teacher).send());
    act(OPERATOR_A, teacher + "/departure", null, api.as(OPERATOR_A).get(teacher).send());
    Answer standing =
        api.as(REGULATOR_TIEDONG).get(reg + "/institutions/" + INSTITUTION_A + "/standing").send();

    act(
        REGULATOR_TIEDONG,
        reg + "/institutions/" + INSTITUTION_A + "/risk-grade",
        Map.of("riskGrade", "C"),
        standing);

    String sanction =
        fromJournal(
            "POST",
            "/institutions/" + INSTITUTION_A + "/sanctions$",
            "/sanctions/0/sanctionId",
            false,
            REGULATOR_TIEDONG);
    act(
        REGULATOR_TIEDONG,
        reg + "/institutions/" + INSTITUTION_A + "/sanctions/" + sanction + "/lifting",
        null,
        api.as(REGULATOR_TIEDONG).get(reg + "/institutions/" + INSTITUTION_A + "/standing").send());
    disputeAndRefund(today);
    evaluateReadmittedProvider();
    act(
        REGULATOR_TIEDONG,
        reg + "/institutions/" + INSTITUTION_A + "/licence/scope-change",
        Map.of("subCategory", "SCIENCE_TECH", "mode", "OFFLINE"),
        api.as(REGULATOR_TIEDONG).get(reg + "/institutions/" + INSTITUTION_A + "/standing").send());
    act(
        REGULATOR_TIEDONG,
        reg + "/institutions/" + INSTITUTION_A + "/licence/revocation",
        Map.of("ruleId", "PRE-05", "detail", "tuition collected outside custody"),
        api.as(REGULATOR_TIEDONG).get(reg + "/institutions/" + INSTITUTION_A + "/standing").send());

    feeProposalDecisions();

    // LN-ASV-06 家长自愿: parent-2 stands, the committee (parent-1) seats and then removes
    // parent-2, and parent-1 steps down. The committee ends empty, so replaying a candidacy as the
    // other parent of school 1 stands (shared) and replaying an endorsement is one about oneself
    String committee = urls.fee() + "/api/v1/schools/" + SCHOOL_1 + "/parent-committee";
    create(PARENT_2, committee + "/candidacies", null).expect(201);
    create(PARENT_1, committee + "/candidacies/" + PARENT_2_SUB + "/endorsements", null)
        .expect(200);
    create(PARENT_1, committee + "/representatives/" + PARENT_2_SUB + "/removal-endorsements", null)
        .expect(200);
    api.as(PARENT_1)
        .call("DELETE", committee + "/representatives/" + PARENT_1_SUB, null)
        .send()
        .expect(204);

    String enr = urls.enrolment() + "/api/v1";
    String child = fromJournal("POST", "/api/v1/children$", "childId", false, PARENT_1);
    Answer claim =
        create(
            PARENT_1,
            enr + "/children/" + child + "/exemptions",
            Map.of("category", "EXTREME_POVERTY", "evidenceRef", "no evidence"));
    act(SCHOOL_ADMIN, enr + "/exemptions/" + claim.text("exemptionId") + "/rejection", null, claim);
    String programme =
        fromJournal("POST", "/api/v1/programmes$", "programmeId", false, SCHOOL_ADMIN);
    act(
        SCHOOL_ADMIN,
        enr + "/programmes/" + programme + "/revision",
        requestOf("POST", "/api/v1/programmes$", SCHOOL_ADMIN),
        api.as(SCHOOL_ADMIN).get(enr + "/programmes/" + programme).send());
    String enrolment = fromJournal("POST", "/api/v1/enrolments$", "enrolmentId", false, PARENT_1);
    act(
        PARENT_1,
        enr + "/enrolments/" + enrolment + "/withdrawal",
        Map.of(),
        api.as(PARENT_1).get(enr + "/enrolments/" + enrolment).send());
  }

  /**
   * The story's disputed lesson is cancelled by the withdrawal and its refund paid at once. With
   * the sanction lifted, institution A takes orders again (once escrow-monitor consumed the
   * white-listing): two orders give a dispute for the regulator, and refunds outside the
   * cooling-off period for the institution to accept or refuse and the regulator to decide.
   */
  private void disputeAndRefund(LocalDate today) {
    String esc = urls.escrow() + "/api/v1/escrow";
    String course = fromJournal("POST", "/api/v1/courses$", "courseId", false, OPERATOR_A);
    String child = fromJournal("POST", "/api/v1/children$", "childId", false, PARENT_1);
    Map<String, Object> order =
        Map.of(
            "courseId",
            course,
            "childId",
            child,
            "classHours",
            10,
            "periodStart",
            today.minusDays(3).toString(),
            "periodEnd",
            today.plusDays(45).toString(),
            "contract",
            Map.of(
                "template",
                "GF-2021-2604",
                "coolingOffDaysBefore",
                0,
                "coolingOffHoursAfter",
                0,
                "supervisionMode",
                "CUSTODY",
                "payment",
                Map.of("plan", "LUMP_SUM", "method", "CARD")));
    for (int i = 0; i < 2; i++) {
      Answer placed = placeOnceWhiteListed(esc + "/orders", order);
      String orderId = placed.text("orderId");
      create(
          BANK,
          esc + "/bank/payments",
          Map.of(
              "bankRef",
              "BOAS-" + UUID.randomUUID(),
              "orderId",
              orderId,
              "amountFen",
              placed.node("amountFen").asLong(),
              "route",
              "WECHAT_PAY"));
      // REL-04: a session held the day before yesterday or the day before (evening, after the
      // story's own sessions), parent-1's child attending
      String session =
          HeldSessions.report(
              api,
              urls.registry(),
              OPERATOR_A,
              course,
              child,
              today.minusDays(2 + i),
              "19:20",
              "20:20");
      Answer lesson = HeldSessions.requestLesson(api, urls.escrow(), OPERATOR_A, orderId, session);
      String consumption = esc + "/consumptions/" + lesson.text("consumptionId");
      create(PARENT_1, consumption + "/dispute", Map.of("reason", "the teacher did not come"));
      create(REGULATOR_TIEDONG, consumption + "/resolution", Map.of("outcome", "RETURN"));
      Answer refund =
          create(
              PARENT_1,
              esc + "/orders/" + orderId + "/refund-requests",
              Map.of("reason", "moving"));
      String r = esc + "/refunds/" + refund.text("refundId");
      if (i == 0) {
        create(OPERATOR_A, r + "/acceptance", null);
      } else {
        create(OPERATOR_A, r + "/refusal", null);
        create(REGULATOR_TIEDONG, r + "/decision", Map.of("outcome", "REFUND"));
      }
    }
  }

  /**
   * The story's provider left the programme with the black-listing; with the sanction lifted the
   * school admits the institution again (polling up to 30 s until enrolment consumed the
   * white-listing) and evaluates it.
   */
  private void evaluateReadmittedProvider() {
    String enr = urls.enrolment() + "/api/v1";
    String programme =
        fromJournal("POST", "/api/v1/programmes$", "programmeId", false, SCHOOL_ADMIN);
    String providers = enr + "/programmes/" + programme + "/providers";
    // the story's admission again: the institution, its filed course, the fee, the service
    Object provider = requestOf("POST", "/providers$", SCHOOL_ADMIN);
    Instant end = Instant.now().plusSeconds(30);
    Answer admitted = api.as(SCHOOL_ADMIN).post(providers, provider).quietly().send();
    while (!admitted.is2xx() && Instant.now().isBefore(end)) {
      pause();
      admitted = api.as(SCHOOL_ADMIN).post(providers, provider).quietly().send();
    }
    api.narrator()
        .call(
            SCHOOL_ADMIN,
            "POST",
            providers,
            admitted.status(),
            "admissionId=" + admitted.text("admissionId"));
    act(
        SCHOOL_ADMIN,
        enr + "/provider-admissions/" + admitted.text("admissionId") + "/evaluations",
        Map.of("period", "2026-11", "score", 60),
        admitted);
  }

  /** Polls (up to 60 s) while escrow-monitor still refuses the institution as not white-listed. */
  private Answer placeOnceWhiteListed(String orders, Object order) {
    Instant end = Instant.now().plusSeconds(60);
    while (true) {
      Answer a = api.as(PARENT_1).post(orders, order).quietly().send();
      if (!a.body().contains("LST-01") || Instant.now().isAfter(end)) {
        api.narrator().call(PARENT_1, "POST", orders, a.status(), "orderId=" + a.text("orderId"));
        return a;
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * The fee proposal's other paths: a revision of the published fee, amended, returned by the
   * education bureau, amended, returned by the pricing officer, amended, and rejected by the city
   * government after consultation and both signatures.
   */
  private void feeProposalDecisions() {
    String fees = urls.fee() + "/api/v1/fee-proposals";
    String published =
        fromJournal("POST", "/api/v1/fee-proposals$", "proposalId", false, SCHOOL_ADMIN);
    JsonNode proposal =
        Api.JSON.valueToTree(requestOf("POST", "/api/v1/fee-proposals$", SCHOOL_ADMIN));
    Map<String, Object> terms = new LinkedHashMap<>();
    for (String field :
        List.of(
            "basis", "schoolLevel", "costs", "expectedParticipants", "proposedFeeFenPerMonth")) {
      terms.put(field, proposal.path(field));
    }
    Answer p =
        act(
            SCHOOL_ADMIN,
            fees + "/" + published + "/revisions",
            terms,
            api.as(SCHOOL_ADMIN).get(fees + "/" + published).send());
    String revision = fees + "/" + p.text("proposalId");
    p = act(SCHOOL_ADMIN, revision + "/amendment", terms, p);
    Object consultation = requestOf("POST", "/consultation$", PARENT_1);
    Map<String, Object> reasons = Map.of("reasons", List.of("the cost basis is not itemised"));
    Map<String, Object> vote = Map.of("vote", "FOR");
    for (String returning : List.of(REGULATOR_TIEDONG, PRICING_OFFICER)) {
      p = act(PARENT_1, revision + "/consultation/votes", vote, p);
      p = act(PARENT_1, revision + "/consultation", consultation, p);
      p = act(returning, revision + "/return", reasons, p);
      p = act(SCHOOL_ADMIN, revision + "/amendment", terms, p);
    }
    p = act(PARENT_1, revision + "/consultation/votes", vote, p);
    p = act(PARENT_1, revision + "/consultation", consultation, p);
    p = act(REGULATOR_TIEDONG, revision + "/signatures", null, p);
    p = act(PRICING_OFFICER, revision + "/signatures", null, p);
    act(CITY_GOV, revision + "/rejection", reasons, p);
  }

  /**
   * The services' business date: the story may have moved their test clock ({@code GET
   * /test/clock}, 404 on a platform without one).
   */
  private static Map<String, Object> adReport(String description) {
    return Map.of(
        "institutionId", INSTITUTION_B, "channel", "PUBLIC_TRANSPORT", "description", description);
  }

  private Answer create(String user, String url, Object body) {
    return api.as(user).post(url, body).send();
  }

  /** A command on an object, with the ETag of the answer that last showed it. */
  private Answer act(String user, String url, Object body, Answer last) {
    return api.as(user).post(url, body).ifMatch(last.etag()).send();
  }

  /**
   * A value from the first successful request of the story whose URL ends as given (by {@code
   * user}, or anyone when null): a JSON pointer or field of the request body when {@code
   * fromRequest}, else of the answer; the last path segment before the ending when {@code field} is
   * null.
   */
  private static String fromJournal(
      String method, String urlEnding, String field, boolean fromRequest, String user) {
    Pattern p = Pattern.compile(urlEnding);
    for (RequestJournal.Exchange e : RequestJournal.exchanges()) {
      Matcher m = p.matcher(e.url());
      if (e.method().equals(method)
          && e.is2xx()
          && m.find()
          && (user == null || user.equals(e.user()))) {
        if (field == null) {
          String head = e.url().substring(0, m.start());
          return head.substring(head.lastIndexOf('/') + 1);
        }
        try {
          JsonNode n = Api.JSON.readTree(fromRequest ? e.requestBody() : e.responseBody());
          return (field.startsWith("/") ? n.at(field) : n.path(field)).asText();
        } catch (IOException notJson) {
          return "";
        }
      }
    }
    return "";
  }

  /** The JSON body of the user's first successful request whose URL ends as given. */
  private static Object requestOf(String method, String urlEnding, String user) {
    Pattern p = Pattern.compile(urlEnding);
    for (RequestJournal.Exchange e : RequestJournal.exchanges()) {
      if (e.method().equals(method)
          && e.is2xx()
          && user.equals(e.user())
          && p.matcher(e.url()).find()) {
        try {
          return Api.JSON.readTree(e.requestBody());
        } catch (IOException notJson) {
          return Map.of();
        }
      }
    }
    return Map.of();
  }
}
