package cn.anshan.oversight.bench;

import cn.anshan.oversight.bench.KeycloakUsers.BenchUser;
import cn.anshan.oversight.bench.Platform.Service;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the load needs before it starts, made through the platform's own APIs as its users would:
 * white-listed institutions with a filed course and a custody account (reused across runs), a
 * school with its after-school programme, schools with a draft fee proposal, and fresh parents and
 * filing operators for this run (the prepayment caps are per family and institution over 90 days).
 */
final class World {
  static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
  static final long PRICE_FEN = 8000;
  static final String DISTRICT = "tiedong";
  static final String REGULATOR = "regulator-tiedong";
  static final String AUDITOR = "auditor";

  record Institution(String operator, String id, String courseId) {}

  record FeeDraft(String schoolAdmin, String proposalId) {}

  final String runId;
  final LocalDate today;
  final List<Institution> institutions = new ArrayList<>();
  final List<String> parents = new ArrayList<>();

  /** PLT-08: each parent's child, linked in enrolment, that the parent's orders are for. */
  final Map<String, String> orderChildren = new java.util.HashMap<>();

  /**
   * REL-04: per course, sessions held yesterday evening that every bench child attended; a parent
   * takes them in turn, since one attendance is one lesson.
   */
  static final int SESSIONS_PER_COURSE = 40;

  final Map<String, List<String>> heldSessions = new java.util.HashMap<>();
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> lessonsTaken =
      new java.util.concurrent.ConcurrentHashMap<>();

  final List<String> filers = new ArrayList<>();
  final Map<String, String> filerInstitutions = new java.util.HashMap<>();
  final List<FeeDraft> feeDrafts = new ArrayList<>();
  String schoolAdmin;
  String schoolId;
  String programmeId;
  String termId;

  private final Platform platform;
  private final KeycloakUsers users;

  private World(Platform platform, KeycloakUsers users, String runId) {
    this.platform = platform;
    this.users = users;
    this.runId = runId;
    this.today = LocalDate.now(BUSINESS_ZONE);
  }

  static World build(
      Platform platform,
      KeycloakUsers users,
      String runId,
      int institutions,
      int parents,
      int filers,
      int feeSchools)
      throws Exception {
    World w = new World(platform, users, runId);
    List<BenchUser> create = new ArrayList<>();
    for (int i = 1; i <= institutions; i++) {
      String name = String.format("bench-op-%02d", i);
      create.add(
          new BenchUser(
              name,
              "institution-operator",
              Map.of("district", DISTRICT, "institution_id", stableId(name))));
    }
    w.schoolAdmin = "bench-school-admin";
    w.schoolId = stableId(w.schoolAdmin);
    create.add(
        new BenchUser(
            w.schoolAdmin, "school-admin", Map.of("district", DISTRICT, "school_id", w.schoolId)));
    for (int i = 1; i <= feeSchools; i++) {
      String name = String.format("bench-fee-%02d", i);
      create.add(
          new BenchUser(
              name, "school-admin", Map.of("district", DISTRICT, "school_id", stableId(name))));
    }
    for (int i = 1; i <= parents; i++) {
      String name = String.format("b%s-p-%03d", runId, i);
      w.parents.add(name);
      create.add(new BenchUser(name, "parent", Map.of()));
    }
    for (int i = 1; i <= filers; i++) {
      String name = String.format("b%s-f-%03d", runId, i);
      String institution = UUID.randomUUID().toString();
      w.filers.add(name);
      w.filerInstitutions.put(name, institution);
      create.add(
          new BenchUser(
              name,
              "institution-operator",
              Map.of("district", DISTRICT, "institution_id", institution)));
    }
    Report.progress("creating %d bench users in Keycloak (existing ones are kept)", create.size());
    users.ensure(create);
    List<String> everyone = new ArrayList<>(create.stream().map(BenchUser::username).toList());
    everyone.addAll(List.of(REGULATOR, AUDITOR, "pricing-officer", "city-gov"));
    Report.progress("fetching %d access tokens (password grant)", everyone.size());
    users.prefetch(everyone);
    users.bankBearer();
    w.linkChildren();
    for (int i = 1; i <= institutions; i++) {
      w.institutions.add(w.whiteListedInstitution(String.format("bench-op-%02d", i), i));
    }
    w.awaitChildrenInEscrow(w.institutions.get(0).courseId());
    for (Institution i : w.institutions) {
      w.holdSessions(i);
    }
    w.afterSchoolProgramme();
    w.agreeProgrammeContent();
    for (int i = 1; i <= feeSchools; i++) {
      w.feeDrafts.add(w.draftFee(String.format("bench-fee-%02d", i)));
    }
    return w;
  }

  static String stableId(String name) {
    return UUID.nameUUIDFromBytes(("oversight-bench:" + name).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  String bearer(String user) {
    return users.bearer(user);
  }

  String subject(String user) {
    return users.subject(user);
  }

  String bank() {
    return users.bankBearer();
  }

  String url(Service service) {
    return platform.url(service);
  }

  /** An institution through approval, licence and registration, with a course and custody. */
  private Institution whiteListedInstitution(String operator, int n) {
    String id = stableId(operator);
    String reg = url(Service.REGISTRY) + "/api/v1";
    String op = bearer(operator);
    String regulator = bearer(REGULATOR);
    Http.Answer app = Http.get(reg + "/institution-applications/" + id, op);
    if (app.status() == 404) {
      Http.post(reg + "/institution-applications", op, application("Bench institution " + n), null)
          .expect(201);
      app = Http.get(reg + "/institution-applications/" + id, op).expect(200);
    }
    if (!"APPROVED".equals(app.text("/status"))) {
      Http.post(reg + "/institution-applications/" + id + "/approval", regulator, null, app.etag())
          .expect(200);
    }
    Http.Answer standing =
        Http.get(reg + "/institutions/" + id + "/standing", regulator).expect(200);
    if (!"WHITE".equals(standing.text("/listStatus"))) {
      if (standing.text("/licence/licenceNo").isEmpty()) {
        standing =
            Http.post(
                    reg + "/institutions/" + id + "/licence",
                    regulator,
                    json(
                        Map.of(
                            "licenceNo", String.format("教民-210302-9%03d", n),
                            "validFrom", today.toString(),
                            "validTo", today.plusYears(3).toString())),
                    standing.etag())
                .expect(200);
      }
      Http.post(
              reg + "/institutions/" + id + "/registration",
              op,
              json(
                  Map.of(
                      "type",
                      "BUSINESS_LICENCE",
                      "creditCode",
                      String.format("91210300MA0BE%04dX", n))),
              standing.etag())
          .expect(200);
    }
    Http.Answer staff = Http.get(reg + "/institutions/" + id + "/staff", op).expect(200);
    if (staff.body().path("items").isEmpty()) {
      fileTeacher(reg, op, id);
    }
    String courseId =
        Http.post(
                reg + "/courses",
                op,
                """
                {"name":"Bench robotics","category":"NON_SUBJECT","mode":"OFFLINE",
                 "lessonMinutes":60,"maxStudents":20,"pricePerLessonFen":%d,
                 "classification":{"purpose":"INTEREST_AND_ABILITY","content":"NON_SUBJECT_CONTENT",
                  "method":"EXPERIENCE_AND_PRACTICE","evaluation":"PROCESS_AND_SHOWCASE"}}"""
                    .formatted(PRICE_FEN),
                null)
            .expect(201)
            .text("/courseId");
    custody(operator, id, n);
    awaitCourseInEscrow(courseId);
    Report.progress("institution %s white-listed, course %s known to escrow", operator, courseId);
    return new Institution(operator, id, courseId);
  }

  /** STF-05: a class needs full-time teaching staff before its course may be filed. */
  private static void fileTeacher(String reg, String op, String institution) {
    Http.post(
            reg + "/institutions/" + institution + "/staff",
            op,
            """
            {"name":"王老师","nationalIdNumber":"%s","role":"TEACHING","fullTime":true,
             "qualification":{"type":"PRO_CERT","number":"C-2101-0042"},
             "inServiceTeacher":false,"writtenLabourContract":true}"""
                .formatted(nationalId()),
            null)
        .expect(201);
  }

  /** A valid GB 11643 resident ID number (random sequence, correct check digit). */
  private static String nationalId() {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    StringBuilder n = new StringBuilder("210302198805");
    n.append(String.format("%02d", 1 + ThreadLocalRandom.current().nextInt(28)));
    n.append(String.format("%03d", ThreadLocalRandom.current().nextInt(1000)));
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (n.charAt(i) - '0') * weights[i];
    }
    return n.append("10X98765432".charAt(sum % 11)).toString();
  }

  private static String application(String name) {
    return """
    {"name":"%s","category":"NON_SUBJECT","subCategory":"SCIENCE_TECH","mode":"OFFLINE",
     "district":"tiedong","legalForm":"BUSINESS","studentStages":["PRIMARY","JUNIOR_SECONDARY"],
     "premisesAreaSqm":320.5,"maxStudentsPerSlot":60,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}"""
        .formatted(name);
  }

  /** Escrow learns the white-listing from the registry's event; then the account can be filed. */
  private void custody(String operator, String id, int n) {
    String supervision = url(Service.ESCROW) + "/api/v1/escrow/institutions/" + id + "/supervision";
    String body =
        json(
            Map.of(
                "mode", "CUSTODY",
                "bankId", "BOAS",
                "bankName", "Bank of Anshan, Tiedong branch",
                "accountNo", String.format("6217000099%08d", n),
                "agreementNo", String.format("AS-CUST-BENCH-%04d", n),
                "agreementFiledWith", "Tiedong education bureau"));
    Http.await(
        "escrow-monitor knows " + operator,
        () -> {
          Http.Answer a = Http.post(supervision, bearer(operator), body, null);
          return a.status() == 404 ? null : a;
        });
  }

  private void awaitCourseInEscrow(String courseId) {
    awaitInEscrow("escrow-monitor knows course " + courseId, courseId, parents.get(0));
  }

  /** The next held session of the course this parent's child has not had a lesson for. */
  String nextSession(String courseId, String parent) {
    List<String> pool = heldSessions.get(courseId);
    int n =
        lessonsTaken
            .computeIfAbsent(
                parent + " " + courseId, k -> new java.util.concurrent.atomic.AtomicInteger())
            .getAndIncrement();
    return pool.get(n % pool.size());
  }

  /**
   * REL-04: the institution schedules {@link #SESSIONS_PER_COURSE} sessions yesterday evening and
   * reports each held with every bench child attending, plus one probe session that proves escrow
   * has consumed them all (SessionHeld events of a course arrive in order).
   */
  private void holdSessions(Institution i) {
    Report.progress("institution %s: %d held sessions", i.operator(), SESSIONS_PER_COURSE);
    List<String> pool = new ArrayList<>();
    for (int n = 0; n <= SESSIONS_PER_COURSE; n++) {
      pool.add(heldSession(i));
    }
    String probe = pool.remove(pool.size() - 1);
    heldSessions.put(i.courseId(), pool);
    String parent = parents.get(0);
    String esc = url(Service.ESCROW) + "/api/v1/escrow";
    Http.Answer placed =
        Http.post(esc + "/orders", bearer(parent), order(i.courseId(), parent, 1), null)
            .expect(201);
    String orderId = placed.text("/orderId");
    Http.post(
            esc + "/bank/payments",
            bank(),
            """
            {"bankRef":"BENCH-PROBE-%s","orderId":"%s","amountFen":%s,"route":"WECHAT_PAY"}"""
                .formatted(UUID.randomUUID(), orderId, placed.text("/amountFen")),
            null)
        .expect(201);
    Http.await(
        "escrow-monitor knows the held sessions of " + i.courseId(),
        () -> {
          Http.Answer a =
              Http.post(
                  esc + "/orders/" + orderId + "/consumptions",
                  bearer(i.operator()),
                  "{\"sessionId\":\"" + probe + "\"}",
                  null);
          return a.status() == 201 ? a : null;
        });
  }

  private String heldSession(Institution i) {
    String course = url(Service.REGISTRY) + "/api/v1/courses/" + i.courseId();
    String op = bearer(i.operator());
    LocalDate day = today.minusDays(1);
    String session =
        Http.post(
                course + "/sessions",
                op,
                "{\"startsAt\":\"%sT18:00\",\"endsAt\":\"%sT19:00\"}".formatted(day, day),
                Http.get(course, op).expect(200).etag())
            .expect(201)
            .text("/sessionId");
    Http.post(
            course + "/sessions/" + session + "/held",
            op,
            json(Map.of("attendingChildIds", new ArrayList<>(orderChildren.values()))),
            null)
        .expect(200);
    return session;
  }

  /** One child per parent of this run, linked in enrolment (PLT-08). */
  private void linkChildren() {
    Report.progress("linking a child for each of %d parents in enrolment", parents.size());
    for (String parent : parents) {
      orderChildren.put(
          parent,
          Http.post(
                  url(Service.ENROLMENT) + "/api/v1/children",
                  bearer(parent),
                  "{\"schoolId\":\"" + schoolId + "\",\"grade\":4}",
                  null)
              .expect(201)
              .text("/childId"));
    }
  }

  private void awaitChildrenInEscrow(String courseId) {
    for (String parent : parents) {
      awaitInEscrow("escrow-monitor knows the child of " + parent, courseId, parent);
    }
  }

  /**
   * 61 class hours break LN-PRE-04 once escrow knows the course and the parent's child (before, the
   * answer names the missing piece); nothing is stored either way.
   */
  private void awaitInEscrow(String what, String courseId, String parent) {
    Http.await(
        what,
        () -> {
          Http.Answer a =
              Http.post(
                  url(Service.ESCROW) + "/api/v1/escrow/orders",
                  bearer(parent),
                  order(courseId, parent, 61),
                  null);
          return a.raw() != null && a.raw().contains("LN-PRE-04") ? a : null;
        });
  }

  /** The parent's order of {@code hours} class hours starting yesterday, inside one term. */
  String order(String courseId, String parent, int hours) {
    return """
    {"courseId":"%s","childId":"%s","classHours":%d,"periodStart":"%s","periodEnd":"%s",
     "contract":{"template":"GF-2021-2604","coolingOffDaysBefore":0,"coolingOffHoursAfter":24,
                 "supervisionMode":"CUSTODY",
                 "payment":{"plan":"LUMP_SUM","instalments":1,"method":"WECHAT_PAY"}}}"""
        .formatted(
            courseId, orderChildren.get(parent), hours, today.minusDays(1), today.plusDays(20));
  }

  /** The bench school's programme for the current term (ASV-01/02), made once per term. */
  private void afterSchoolProgramme() {
    String enr = url(Service.ENROLMENT) + "/api/v1/programmes";
    String admin = bearer(schoolAdmin);
    LocalDate[] term = term();
    Http.Answer existing = Http.get(enr + "?limit=100", admin).expect(200);
    for (JsonNode p : existing.body().path("items")) {
      if (termId.equals(p.path("termId").asText())
          && "AFTER_SCHOOL".equals(p.path("type").asText())) {
        programmeId = p.path("programmeId").asText();
        return;
      }
    }
    programmeId =
        Http.post(
                enr,
                admin,
                """
                {"type":"AFTER_SCHOOL","termId":"%s","termStart":"%s","termEnd":"%s",
                 "days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
                 "dailyStart":"15:30","dailyEnd":"17:30","grades":[1,2,3,4,5,6],
                 "billing":"MONTHLY","activities":[{"name":"作业辅导","kind":"HOMEWORK_SUPPORT"}]}"""
                    .formatted(termId, term[0], term[1]),
                null)
            .expect(201)
            .text("/programmeId");
  }

  /**
   * LN-ASV-01: families enrol only once the school's parent committee agreed the programme's
   * content. The bench's first two parents (parents of the school: {@link #linkChildren}) found the
   * committee in fee-approval, one standing and the other endorsing, and the seated one agrees once
   * enrolment has learnt the seat.
   */
  private void agreeProgrammeContent() {
    String programme = url(Service.ENROLMENT) + "/api/v1/programmes/" + programmeId;
    Http.Answer current = Http.get(programme, bearer(schoolAdmin)).expect(200);
    if (current.body().path("contentAgreedAt").isTextual()) {
      return;
    }
    String committee = url(Service.FEE) + "/api/v1/schools/" + schoolId + "/parent-committee";
    Http.Answer convened = Http.put(committee, bearer(schoolAdmin)).expect(200);
    if (!convened.body().path("representatives").isEmpty()) {
      throw new IllegalStateException(
          "the bench school's parent committee has representatives of an earlier run, who cannot"
              + " agree this term's programme: start from a fresh platform");
    }
    String candidate = parents.get(0);
    String founder = parents.get(1);
    Report.progress("LN-ASV-01: %s stands, %s founds the committee", candidate, founder);
    Http.await(
        "fee-approval knows the bench parents' children",
        () -> {
          Http.Answer a = Http.post(committee + "/candidacies", bearer(candidate), null, null);
          return a.status() == 201 || a.status() == 200 ? a : null;
        });
    Http.await(
        "fee-approval knows the founder's child",
        () -> {
          Http.Answer a =
              Http.post(
                  committee + "/candidacies/" + subject(candidate) + "/endorsements",
                  bearer(founder),
                  null,
                  null);
          return a.status() == 200 ? a : null;
        });
    Http.await(
        "enrolment knows the representative's seat",
        () -> {
          Http.Answer a =
              Http.post(programme + "/content-agreement", bearer(candidate), null, current.etag());
          return a.status() == 200 ? a : null;
        });
  }

  /** The school term around today: autumn from 1 September to January, else spring. */
  private LocalDate[] term() {
    int year = today.getMonthValue() >= Month.SEPTEMBER.getValue() ? today.getYear() : 0;
    if (year > 0 || today.getMonth() == Month.JANUARY) {
      int y = year > 0 ? year : today.getYear() - 1;
      termId = y + "-autumn";
      return new LocalDate[] {LocalDate.of(y, 9, 1), LocalDate.of(y + 1, 1, 31)};
    }
    termId = today.getYear() + "-spring";
    return new LocalDate[] {
      LocalDate.of(today.getYear(), 2, 1), LocalDate.of(today.getYear(), 8, 31)
    };
  }

  /** A school's draft fee proposal, which the load amends (one school per connection). */
  private FeeDraft draftFee(String admin) {
    String fee = url(Service.FEE) + "/api/v1/fee-proposals";
    String bearer = bearer(admin);
    Http.Answer mine = Http.get(fee + "?limit=100", bearer).expect(200);
    for (JsonNode p : mine.body().path("items")) {
      if ("DRAFT".equals(p.path("status").asText())) {
        return new FeeDraft(admin, p.path("proposalId").asText());
      }
    }
    LocalDate[] term = term();
    String id =
        Http.post(fee, bearer, feeProposal(termId, term[0], term[1]), null)
            .expect(201)
            .text("/proposalId");
    return new FeeDraft(admin, id);
  }

  private static String feeProposal(String termId, LocalDate start, LocalDate end) {
    return """
    {"termId":"%s","termStart":"%s","termEnd":"%s","programmeType":"AFTER_SCHOOL",
     "basis":"SERVICE_CHARGE","schoolLevel":"PRIMARY",
     "costs":{"staffAllowancesFen":4200000,"materialsFen":600000,"outsideProvidersFen":1500000,
              "utilitiesFen":300000},
     "expectedParticipants":440,"proposedFeeFenPerMonth":15000}"""
        .formatted(termId, start, end);
  }

  static String json(Object value) {
    try {
      return Http.JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
