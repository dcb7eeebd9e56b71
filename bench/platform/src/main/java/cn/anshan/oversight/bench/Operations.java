package cn.anshan.oversight.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import cn.anshan.oversight.bench.Platform.Service;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The requests of the load, as Gatling chains over the {@link World}: each command carries a real
 * token of its user and a fresh Idempotency-Key, updates carry the ETag they were given.
 */
final class Operations {
  private final World w;

  Operations(World world) {
    this.w = world;
  }

  // ---- who acts: feeders put the acting user and their objects into the virtual user's session

  /** A parent of this run and one of the institutions, at random. */
  Iterator<Map<String, Object>> families() {
    return Stream.generate(
            () -> {
              ThreadLocalRandom r = ThreadLocalRandom.current();
              World.Institution i = w.institutions.get(r.nextInt(w.institutions.size()));
              return Map.<String, Object>of(
                  "parent", w.parents.get(r.nextInt(w.parents.size())),
                  "institution", i.id(),
                  "operator", i.operator(),
                  "course", i.courseId());
            })
        .iterator();
  }

  /** Each filing operator of this run once (their institution id is in their token). */
  Iterator<Map<String, Object>> filers() {
    return w.filers.stream()
        .map(f -> Map.<String, Object>of("filer", f, "institution", w.filerInstitutions.get(f)))
        .iterator();
  }

  /** The fee schools in turn, so concurrent virtual users amend different proposals. */
  Iterator<Map<String, Object>> feeSchools() {
    AtomicInteger next = new AtomicInteger();
    return Stream.generate(
            () -> {
              World.FeeDraft d = w.feeDrafts.get(next.getAndIncrement() % w.feeDrafts.size());
              return Map.<String, Object>of("admin", d.schoolAdmin(), "proposal", d.proposalId());
            })
        .iterator();
  }

  // ---- commands

  HttpRequestActionBuilder fileComplaint() {
    return post("registry: file complaint", Service.REGISTRY, "/api/v1/complaints", "parent")
        .body(
            StringBody(
                s ->
                    """
                    {"institutionId":"%s","category":"FEE",
                     "description":"The lesson price on the invoice differs from the filed one."}"""
                        .formatted(s.getString("institution"))))
        .check(status().is(201));
  }

  HttpRequestActionBuilder placeOrder() {
    return post("escrow: place order", Service.ESCROW, "/api/v1/escrow/orders", "parent")
        .body(StringBody(s -> w.order(s.getString("course"), s.getString("parent"), 1)))
        .check(status().is(201))
        .check(jsonPath("$.orderId").saveAs("order"))
        .check(jsonPath("$.amountFen").saveAs("amount"));
  }

  HttpRequestActionBuilder reportPayment() {
    return http("escrow: bank reports payment")
        .post(w.url(Service.ESCROW) + "/api/v1/escrow/bank/payments")
        .header("Authorization", s -> w.bank())
        .header("Idempotency-Key", s -> UUID.randomUUID().toString())
        .header("Content-Type", "application/json")
        .body(
            StringBody(
                s ->
                    """
                    {"bankRef":"BENCH-%s","orderId":"%s","amountFen":%s,"route":"WECHAT_PAY"}"""
                        .formatted(UUID.randomUUID(), s.getString("order"), s.getString("amount"))))
        .check(status().is(201));
  }

  HttpRequestActionBuilder requestConsumption() {
    return post(
            "escrow: request consumption",
            Service.ESCROW,
            s -> "/api/v1/escrow/orders/" + s.getString("order") + "/consumptions",
            "operator")
        .body(
            StringBody(
                s ->
                    "{\"sessionId\":\""
                        + w.nextSession(s.getString("course"), s.getString("parent"))
                        + "\"}"))
        .check(status().is(201))
        .check(jsonPath("$.consumptionId").saveAs("consumption"));
  }

  HttpRequestActionBuilder confirmConsumption() {
    return post(
            "escrow: confirm consumption",
            Service.ESCROW,
            s -> "/api/v1/escrow/consumptions/" + s.getString("consumption") + "/confirmation",
            "parent")
        .check(status().is(200));
  }

  HttpRequestActionBuilder registerChild() {
    return post("enrolment: register child", Service.ENROLMENT, "/api/v1/children", "parent")
        .body(StringBody("{\"schoolId\":\"" + w.schoolId + "\",\"grade\":3}"))
        .check(status().is(201))
        .check(jsonPath("$.childId").saveAs("child"));
  }

  HttpRequestActionBuilder enrol() {
    return post("enrolment: enrol child", Service.ENROLMENT, "/api/v1/enrolments", "parent")
        .body(
            StringBody(
                s ->
                    "{\"childId\":\""
                        + s.getString("child")
                        + "\",\"programmeId\":\""
                        + w.programmeId
                        + "\"}"))
        .check(status().is(201));
  }

  /** Reads the proposal once for its ETag; the loop then amends with the ETag it was given. */
  HttpRequestActionBuilder readProposal() {
    return get(
            "fee-approval: read proposal",
            Service.FEE,
            s -> "/api/v1/fee-proposals/" + s.getString("proposal"),
            "admin")
        .check(header("ETag").saveAs("etag"));
  }

  HttpRequestActionBuilder amendProposal() {
    return post(
            "fee-approval: amend draft",
            Service.FEE,
            s -> "/api/v1/fee-proposals/" + s.getString("proposal") + "/amendment",
            "admin")
        .header("If-Match", s -> s.getString("etag"))
        .body(
            StringBody(
                s ->
                    """
                    {"basis":"SERVICE_CHARGE","schoolLevel":"PRIMARY",
                     "costs":{"staffAllowancesFen":4200000,"materialsFen":600000,
                              "outsideProvidersFen":1500000,"utilitiesFen":300000},
                     "expectedParticipants":%d,"proposedFeeFenPerMonth":15000}"""
                        .formatted(400 + ThreadLocalRandom.current().nextInt(41))))
        .check(status().is(200))
        .check(header("ETag").saveAs("etag"));
  }

  /** An institution through the whole filing: application, approval, licence, registration. */
  ChainBuilder filing() {
    String reg = "/api/v1/institutions";
    String applications = "/api/v1/institution-applications";
    return exec(post("registry: apply", Service.REGISTRY, applications, "filer")
            .body(
                StringBody(
                    """
                    {"name":"Bench filing","category":"NON_SUBJECT","subCategory":"SCIENCE_TECH",
                     "mode":"OFFLINE","district":"tiedong","legalForm":"BUSINESS",
                     "studentStages":["PRIMARY"],"premisesAreaSqm":200,"maxStudentsPerSlot":40,"startUpCapital":{"yuan":500000,"evidenceReference":"验资报告 2026-0001"}}"""))
            .check(status().is(201))
            .check(header("ETag").saveAs("etag")))
        .exitHereIfFailed()
        .exec(
            post(
                    "registry: approve",
                    Service.REGISTRY,
                    s -> applications + "/" + s.getString("institution") + "/approval",
                    s -> World.REGULATOR)
                .header("If-Match", s -> s.getString("etag"))
                .check(status().is(200))
                .check(header("ETag").saveAs("etag")))
        .exitHereIfFailed()
        .exec(
            post(
                    "registry: issue licence",
                    Service.REGISTRY,
                    s -> reg + "/" + s.getString("institution") + "/licence",
                    s -> World.REGULATOR)
                .header("If-Match", s -> s.getString("etag"))
                .body(
                    StringBody(
                        s ->
                            """
                        {"licenceNo":"教民-BENCH-%s","validFrom":"%s","validTo":"%s"}"""
                                .formatted(
                                    s.getString("institution").substring(0, 8),
                                    w.today,
                                    w.today.plusYears(3))))
                .check(status().is(200))
                .check(header("ETag").saveAs("etag")))
        .exitHereIfFailed()
        .exec(
            post(
                    "registry: file registration",
                    Service.REGISTRY,
                    s -> reg + "/" + s.getString("institution") + "/registration",
                    "filer")
                .header("If-Match", s -> s.getString("etag"))
                .body(
                    StringBody(
                        s ->
                            """
                        {"type":"BUSINESS_LICENCE","creditCode":"9121%s"}"""
                                .formatted(
                                    s.getString("institution")
                                        .replace("-", "")
                                        .substring(0, 14)
                                        .toUpperCase(java.util.Locale.ROOT))))
                .check(status().is(200)));
  }

  /** Requests one after the other; a failed one ends the flow (later ones would lack its ids). */
  static ChainBuilder steps(HttpRequestActionBuilder... requests) {
    ChainBuilder chain = exec(requests[0]);
    for (int i = 1; i < requests.length; i++) {
      chain = chain.exitHereIfFailed().exec(requests[i]);
    }
    return chain;
  }

  // ---- reads

  HttpRequestActionBuilder publicInstitution() {
    return get(
            "registry: public institution (GET)",
            Service.REGISTRY,
            s -> "/api/v1/public/institutions/" + s.getString("institution"),
            "parent")
        .check(status().is(200));
  }

  HttpRequestActionBuilder ownChildren() {
    return get(
            "enrolment: own children (GET)", Service.ENROLMENT, s -> "/api/v1/children", "parent")
        .check(status().is(200));
  }

  HttpRequestActionBuilder ownOrders() {
    return get("escrow: own orders (GET)", Service.ESCROW, s -> "/api/v1/escrow/orders", "parent")
        .check(status().is(200));
  }

  HttpRequestActionBuilder publishedFees() {
    return get(
            "fee-approval: published fees (GET)",
            Service.FEE,
            s -> "/api/v1/published-fees?schoolId=" + w.schoolId,
            "parent")
        .check(status().is(200));
  }

  HttpRequestActionBuilder auditorTimeline() {
    return get(
            "audit: institution timeline (GET)",
            Service.AUDIT,
            s -> "/api/v1/audit/timelines/" + s.getString("institution") + "?limit=20",
            s -> World.AUDITOR)
        .check(status().is(200));
  }

  // ---- plumbing

  private HttpRequestActionBuilder post(String name, Service service, String path, String actor) {
    return post(name, service, s -> path, s -> s.getString(actor));
  }

  private HttpRequestActionBuilder post(
      String name, Service service, Function<Session, String> path, String actor) {
    return post(name, service, path, s -> s.getString(actor));
  }

  private HttpRequestActionBuilder post(
      String name,
      Service service,
      Function<Session, String> path,
      Function<Session, String> actor) {
    String base = w.url(service);
    return http(name)
        .post(s -> base + path.apply(s))
        .header("Authorization", s -> w.bearer(actor.apply(s)))
        .header("Idempotency-Key", s -> UUID.randomUUID().toString())
        .header("Content-Type", "application/json");
  }

  private HttpRequestActionBuilder get(
      String name, Service service, Function<Session, String> path, String actor) {
    return get(name, service, path, s -> s.getString(actor));
  }

  private HttpRequestActionBuilder get(
      String name,
      Service service,
      Function<Session, String> path,
      Function<Session, String> actor) {
    String base = w.url(service);
    return http(name)
        .get(s -> base + path.apply(s))
        .header("Authorization", s -> w.bearer(actor.apply(s)));
  }
}
