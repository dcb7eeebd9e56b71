package cn.anshan.oversight.escrow.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.contracts.EventContracts;
import cn.anshan.oversight.testkit.ContractEvents;
import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.TestClock;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every escrow flow test needs: registry events published on the real broker (built from the
 * golden examples with new ids and data), the test clock, the API calls of the story and the escrow
 * events read back from the broker and checked against their contracts.
 */
public final class EscrowFixtures {
  public static final String REGISTRY_TOPIC = "oversight.registry.events";
  public static final String ESCROW_TOPIC = "oversight.escrow.events";
  public static final String ENROLMENT_TOPIC = "oversight.enrolment.events";

  /** Where {@link #orderBody} puts the child; {@link #order} fills in the parent's own child. */
  static final String CHILD = "{child}";

  public static final String DISTRICT = "tiedong";

  /** The custody bank every fixture's agreement names (PRE-10). */
  public static final String BANK_ID = "BOAS";

  public static final Tokens BANK =
      Tokens.user("service-account-custody-bank").role("custody-bank").claim("bank_id", BANK_ID);
  public static final Tokens REGULATOR =
      Tokens.user("reg-tiedong").role("regulator").district(DISTRICT);
  public static final Tokens AUDITOR = Tokens.user("auditor-1").role("auditor");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong VERSIONS = new AtomicLong(100);
  private static final Map<String, UUID> CHILDREN = new ConcurrentHashMap<>();

  private EscrowFixtures() {}

  public static Tokens operator(String institutionId) {
    return Tokens.user("op-" + institutionId)
        .role("institution-operator")
        .institution(institutionId)
        .district(DISTRICT);
  }

  public static Tokens parent() {
    return Tokens.user("parent-" + UUID.randomUUID()).role("parent");
  }

  // ---- registry events ----

  static ObjectNode golden(String name) {
    return ContractEvents.golden("registry", name + ".v1");
  }

  static String event(
      String name, String aggregateType, String aggregateId, Map<String, Object> data) {
    ObjectNode event = golden(name);
    event.put("id", UUID.randomUUID().toString());
    event.put("aggregateid", aggregateId);
    event.put("subject", aggregateType + "/" + aggregateId);
    event.put("aggregateversion", VERSIONS.incrementAndGet());
    event.put("district", DISTRICT);
    ObjectNode payload = (ObjectNode) event.get("data");
    data.forEach((k, v) -> payload.set(k, JSON.valueToTree(v)));
    String json = event.toString();
    EventContracts.assertValid(json);
    return json;
  }

  static String standing(
      String name, String institutionId, String listStatus, boolean operational, String previous) {
    return event(
        name,
        "Institution",
        institutionId,
        Map.of(
            "institutionId", institutionId,
            "district", DISTRICT,
            "category", "NON_SUBJECT",
            "listStatus", listStatus,
            "previousListStatus", previous,
            "operational", operational));
  }

  /**
   * The registry files the institution's legal registration and white-lists it (the golden event
   * carries its name and licence, CON-02); waits until escrow knows it may collect.
   */
  public static void whitelisted(String institutionId) {
    KafkaRecords.send(
        REGISTRY_TOPIC,
        institutionId,
        event(
            "RegistrationFiled",
            "Institution",
            institutionId,
            Map.of("institutionId", institutionId, "district", DISTRICT)));
    KafkaRecords.send(
        REGISTRY_TOPIC,
        institutionId,
        standing("InstitutionWhitelisted", institutionId, "WHITE", true, "NONE"));
    awaitOne(
        "select count(*) from institution_standing where institution_id = ?"
            + " and list_status = 'WHITE' and operational",
        institutionId);
  }

  /**
   * The registry suspends the institution (delisted, not operational); waits until escrow knows.
   */
  public static void suspended(String institutionId) {
    KafkaRecords.send(
        REGISTRY_TOPIC,
        institutionId,
        standing("InstitutionDelisted", institutionId, "NONE", false, "WHITE"));
    awaitOne(
        "select count(*) from institution_standing where institution_id = ?"
            + " and list_status = 'NONE' and not operational",
        institutionId);
  }

  /** The registry black-lists the institution; returns the event's id. */
  public static String blacklisted(String institutionId) {
    String event = standing("InstitutionBlacklisted", institutionId, "BLACK", false, "WHITE");
    KafkaRecords.send(REGISTRY_TOPIC, institutionId, event);
    try {
      return JSON.readTree(event).path("id").asText();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The registry reports a filed NON_SUBJECT course at {@code priceFen} per lesson. */
  public static UUID courseFiled(String institutionId, long priceFen) {
    UUID courseId = UUID.randomUUID();
    Map<String, Object> data = new java.util.HashMap<>();
    data.put("courseId", courseId.toString());
    data.put("institutionId", institutionId);
    data.put("district", DISTRICT);
    data.put("name", "少儿围棋进阶");
    data.put("category", "NON_SUBJECT");
    data.put("subject", null);
    data.put("guidedCeilingFen", null);
    data.put("compulsoryEducation", false);
    data.put("lessonMinutes", 45);
    data.put("pricePerLessonFen", priceFen);
    courseEvent("CourseFiled", courseId, data);
    awaitOne("select count(*) from filed_course where course_id = ?", courseId);
    return courseId;
  }

  /** Waits (up to 30 s) until {@code countSql} counts exactly one row: escrow consumed it. */
  static void awaitOne(String countSql, Object... params) {
    await().atMost(Duration.ofSeconds(30)).until(() -> TestInfra.count(countSql, params) == 1);
  }

  /** A registry event of the Course aggregate, keyed by the course like the registry's. */
  static void courseEvent(String name, UUID courseId, Map<String, Object> data) {
    KafkaRecords.send(
        REGISTRY_TOPIC, courseId.toString(), event(name, "Course", courseId.toString(), data));
  }

  // ---- enrolment events ----

  /**
   * The parent's child (PLT-08): registered once per parent through enrolment's ChildRegistered on
   * the real broker, whose envelope names the parent as actor; waits until escrow knows it.
   */
  public static UUID childOf(Tokens parent) {
    return CHILDREN.computeIfAbsent(parent.subject(), subject -> registerChild(subject, "parent"));
  }

  /**
   * A ChildRegistered caused by {@code subject} acting as {@code role}; waits until escrow consumed
   * it and returns the child id.
   */
  static UUID registerChild(String subject, String role) {
    UUID childId = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    ObjectNode event = ContractEvents.golden("enrolment", "ChildRegistered.v1");
    event.put("id", eventId.toString());
    event.put("aggregateid", childId.toString());
    event.put("subject", "Child/" + childId);
    event.put("actor", subject);
    event.put("actorrole", role);
    ((ObjectNode) event.get("data")).put("childId", childId.toString());
    EventContracts.assertValid(event.toString());
    KafkaRecords.send(ENROLMENT_TOPIC, childId.toString(), event.toString());
    awaitOne(
        "select count(*) from inbox_event where consumer = 'escrow-monitor-enrolment'"
            + " and event_id = ?",
        eventId);
    return childId;
  }

  // ---- clock ----

  public static void freeze(String instant) {
    TestClock.freeze(instant);
  }

  public static void unfreeze() {
    TestClock.unfreeze();
  }

  // ---- API ----

  public static ValidatableResponse setUpCustody(
      Tokens operator, String institutionId, String accountNo) {
    return given()
        .header("Authorization", operator.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"mode\":\"CUSTODY\",\"bankId\":\"BOAS\",\"bankName\":\"鞍山银行铁东支行\",\"accountNo\":\""
                + accountNo
                + "\",\"agreementNo\":\"AS-TG-"
                + accountNo
                + "\",\"agreementFiledWith\":\"鞍山市铁东区教育局\"}")
        .post("/api/v1/escrow/institutions/{id}/supervision", institutionId)
        .then();
  }

  /** A white-listed institution with a custody account and one filed course; returns the course. */
  public static UUID institutionWithCustody(String institutionId, long priceFen) {
    whitelisted(institutionId);
    setUpCustody(operator(institutionId), institutionId, "ACC-" + institutionId).statusCode(201);
    return courseFiled(institutionId, priceFen);
  }

  public static String orderBody(UUID courseId, int hours, String start, String end) {
    return orderBody(courseId, hours, start, end, 0, 24);
  }

  /**
   * An order whose contract agreed the CON-06 windows (days before and hours after the start), a
   * lump sum by WeChat Pay, for the child {@link #order} fills in.
   */
  public static String orderBody(
      UUID courseId, int hours, String start, String end, int daysBefore, int hoursAfter) {
    return orderBody(
        courseId, hours, start, end, daysBefore, hoursAfter, "LUMP_SUM", 1, "WECHAT_PAY");
  }

  /** An order with the CON-05 payment clause given. */
  public static String orderBody(
      UUID courseId,
      int hours,
      String start,
      String end,
      int daysBefore,
      int hoursAfter,
      String plan,
      int instalments,
      String method) {
    return "{\"courseId\":\""
        + courseId
        + "\",\"childId\":\""
        + CHILD
        + "\",\"classHours\":"
        + hours
        + ",\"periodStart\":\""
        + start
        + "\",\"periodEnd\":\""
        + end
        + "\",\"contract\":{\"template\":\"GF-2021-2604\",\"coolingOffDaysBefore\":"
        + daysBefore
        + ",\"coolingOffHoursAfter\":"
        + hoursAfter
        + ",\"supervisionMode\":\"CUSTODY\",\"payment\":{\"plan\":\""
        + plan
        + "\",\"instalments\":"
        + instalments
        + ",\"method\":\""
        + method
        + "\"}}}";
  }

  /** A risk-reserve supervision (PRE-12) whose agreement names {@link #BANK_ID}. */
  public static ValidatableResponse setUpReserve(String institutionId, String agreementNo) {
    return given()
        .header("Authorization", operator(institutionId).bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"mode\":\"RISK_RESERVE\",\"bankId\":\""
                + BANK_ID
                + "\",\"bankName\":\"鞍山银行\",\"accountNo\":\"RR-"
                + institutionId
                + "\",\"agreementNo\":\""
                + agreementNo
                + "\",\"agreementFiledWith\":\"鞍山市铁东区教育局\"}")
        .post("/api/v1/escrow/institutions/{id}/supervision", institutionId)
        .then();
  }

  /** An order placed (201) and not yet paid; returns its id. */
  public static String placedOrder(
      Tokens parent, UUID courseId, int hours, String start, String end) {
    return order(parent, orderBody(courseId, hours, start, end))
        .statusCode(201)
        .extract()
        .path("orderId");
  }

  /** {@code body} with the {@link #CHILD} placeholder replaced by the parent's own child. */
  public static String forChildOf(Tokens parent, String body) {
    return body.contains(CHILD) ? body.replace(CHILD, childOf(parent).toString()) : body;
  }

  public static ValidatableResponse order(Tokens parent, String body) {
    return given()
        .header("Authorization", parent.bearer())
        .contentType(ContentType.JSON)
        .body(forChildOf(parent, body))
        .post("/api/v1/escrow/orders")
        .then();
  }

  public static ValidatableResponse pay(Tokens who, String bankRef, String orderId, long amount) {
    return given()
        .header("Authorization", who.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"bankRef\":\""
                + bankRef
                + "\",\"orderId\":\""
                + orderId
                + "\",\"amountFen\":"
                + amount
                + ",\"route\":\"WECHAT_PAY\"}")
        .post("/api/v1/escrow/bank/payments")
        .then();
  }

  /** A placed and paid order of {@code hours} lessons; returns its id. */
  public static String paidOrder(
      Tokens parent, UUID courseId, int hours, long priceFen, String start, String end) {
    return paidOrder(parent, courseId, hours, priceFen, start, end, 0, 24);
  }

  public static String paidOrder(
      Tokens parent,
      UUID courseId,
      int hours,
      long priceFen,
      String start,
      String end,
      int coolingOffDaysBefore,
      int coolingOffHoursAfter) {
    String orderId =
        order(
                parent,
                orderBody(courseId, hours, start, end, coolingOffDaysBefore, coolingOffHoursAfter))
            .statusCode(201)
            .extract()
            .path("orderId");
    pay(BANK, "ICBC-" + UUID.randomUUID(), orderId, priceFen * hours).statusCode(201);
    return orderId;
  }

  /** The bank states the custody balance at the end of {@code asOf} (null: now). */
  public static ValidatableResponse statement(
      Tokens bank, String institutionId, String asOf, long balanceFen) {
    return given()
        .header("Authorization", bank.bearer())
        .contentType(ContentType.JSON)
        .body(
            "{\"bankRef\":\"STMT-"
                + UUID.randomUUID()
                + "\",\"institutionId\":\""
                + institutionId
                + (asOf == null ? "" : "\",\"asOf\":\"" + asOf)
                + "\",\"balanceFen\":"
                + balanceFen
                + "}")
        .post("/api/v1/escrow/bank/balance-statements")
        .then();
  }

  /**
   * REL-04: the registry reports a session of the order's course held on {@code heldOn} (08:00 to
   * 09:00 in Anshan) with the order's child attending, then the operator asks for its lesson.
   */
  public static ValidatableResponse requestConsumption(
      Tokens operator, String orderId, String heldOn) {
    JsonNode order = readOrder(operator, orderId).statusCode(200).extract().as(JsonNode.class);
    UUID child = UUID.fromString(order.path("childId").asText());
    UUID session =
        heldSession(
            order.path("institutionId").asText(),
            UUID.fromString(order.path("courseId").asText()),
            heldOn,
            List.of(child));
    return requestConsumption(operator, orderId, session);
  }

  public static ValidatableResponse requestConsumption(
      Tokens operator, String orderId, UUID sessionId) {
    return given()
        .header("Authorization", operator.bearer())
        .contentType(ContentType.JSON)
        .body("{\"sessionId\":\"" + sessionId + "\"}")
        .post("/api/v1/escrow/orders/{id}/consumptions", orderId)
        .then();
  }

  /** The registry schedules a session of the course on {@code day}, 08:00–09:00 Anshan time. */
  public static UUID scheduledSession(String institutionId, UUID courseId, String day) {
    UUID session = UUID.randomUUID();
    courseEvent("SessionScheduled", courseId, sessionData(institutionId, courseId, session, day));
    awaitOne("select count(*) from course_session where session_id = ?", session);
    return session;
  }

  /**
   * The registry reports a session of the course on {@code day} held, {@code attending} present
   * (scheduled first); waits until escrow knows. Returns the session id.
   */
  public static UUID heldSession(
      String institutionId, UUID courseId, String day, List<UUID> attending) {
    UUID session = scheduledSession(institutionId, courseId, day);
    reportHeld(institutionId, courseId, session, day, attending);
    return session;
  }

  public static void reportHeld(
      String institutionId, UUID courseId, UUID session, String day, List<UUID> attending) {
    Map<String, Object> data =
        new java.util.HashMap<>(sessionData(institutionId, courseId, session, day));
    data.put("attendingChildIds", attending.stream().map(UUID::toString).toList());
    data.put("heldAt", day + "T01:05:00Z");
    courseEvent("SessionHeld", courseId, data);
    awaitOne(
        "select count(*) from course_session where session_id = ?" + " and held_at is not null",
        session);
  }

  private static Map<String, Object> sessionData(
      String institutionId, UUID courseId, UUID session, String day) {
    return Map.of(
        "courseId",
        courseId.toString(),
        "sessionId",
        session.toString(),
        "institutionId",
        institutionId,
        "district",
        DISTRICT,
        "startsAt",
        day + "T00:00:00Z",
        "endsAt",
        day + "T01:00:00Z",
        "localStart",
        day + "T08:00:00",
        "localEnd",
        day + "T09:00:00");
  }

  public static ValidatableResponse answer(Tokens parent, String consumptionId, String what) {
    var request = given().header("Authorization", parent.bearer()).contentType(ContentType.JSON);
    if (what.equals("dispute")) {
      request.body("{\"reason\":\"the teacher did not come\"}");
    }
    return request.post("/api/v1/escrow/consumptions/{id}/" + what, consumptionId).then();
  }

  public static ValidatableResponse readOrder(Tokens who, String orderId) {
    return given()
        .header("Authorization", who.bearer())
        .get("/api/v1/escrow/orders/{id}", orderId)
        .then();
  }

  public static ValidatableResponse requestRefund(Tokens parent, String orderId) {
    return given()
        .header("Authorization", parent.bearer())
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"moving to another city\"}")
        .post("/api/v1/escrow/orders/{id}/refund-requests", orderId)
        .then();
  }

  // ---- events and ledger checks ----

  /** The escrow events of one aggregate in order, each checked against its contract. */
  public static List<JsonNode> events(String key, int expected) {
    List<JsonNode> found = ContractEvents.of(ESCROW_TOPIC, key, expected);
    assertEquals(expected, found.size(), "events of " + key);
    return found;
  }

  public static List<String> types(List<JsonNode> events) {
    return events.stream()
        .map(e -> e.path("type").asText().replace("cn.anshan.oversight.escrow.", ""))
        .toList();
  }

  /**
   * The ledger invariants over the stored rows: every entry balances, no reservation is resolved
   * twice, and every stored balance equals the replay of its lines.
   */
  public static void assertLedgerConsistent() {
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from (select entry_id from journal_line group by entry_id having"
                + " sum(case when side = 'DEBIT' then amount_fen else 0 end)"
                + " <> sum(case when side = 'CREDIT' then amount_fen else 0 end)) unbalanced"),
        "unbalanced entries");
    assertEquals(
        0,
        TestInfra.count(
            "select count(*) from (select pending_id from journal_entry where pending_id is not"
                + " null group by pending_id having count(*) > 1) twice"),
        "reservations resolved twice");
    assertEquals(
        0,
        TestInfra.count(
            "with replay as (select l.account_id,"
                + " sum(case when l.side = 'DEBIT' and e.kind = 'PENDING' then l.amount_fen"
                + " when l.side = 'DEBIT' and e.kind in ('POST_PENDING', 'VOID_PENDING')"
                + " then -l.amount_fen else 0 end) dp,"
                + " sum(case when l.side = 'DEBIT' and e.kind in ('POSTED', 'POST_PENDING')"
                + " then l.amount_fen else 0 end) d,"
                + " sum(case when l.side = 'CREDIT' and e.kind = 'PENDING' then l.amount_fen"
                + " when l.side = 'CREDIT' and e.kind in ('POST_PENDING', 'VOID_PENDING')"
                + " then -l.amount_fen else 0 end) cp,"
                + " sum(case when l.side = 'CREDIT' and e.kind in ('POSTED', 'POST_PENDING')"
                + " then l.amount_fen else 0 end) c"
                + " from journal_line l join journal_entry e on e.id = l.entry_id"
                + " group by l.account_id)"
                + " select count(*) from ledger_account a full join replay r on r.account_id = a.id"
                + " where coalesce(r.dp, 0) <> coalesce(a.debits_pending, 0)"
                + " or coalesce(r.d, 0) <> coalesce(a.debits_posted, 0)"
                + " or coalesce(r.cp, 0) <> coalesce(a.credits_pending, 0)"
                + " or coalesce(r.c, 0) <> coalesce(a.credits_posted, 0)"),
        "stored balances differ from the replay of the entries");
  }
}
