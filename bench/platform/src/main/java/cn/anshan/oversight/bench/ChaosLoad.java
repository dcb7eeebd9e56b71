package cn.anshan.oversight.bench;

import cn.anshan.oversight.bench.Platform.Service;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The steady load of the chaos run: closed-loop workers paced to a fixed rate of flows, each
 * command sent the way a careful client sends it — when the answer is lost (connection refused or
 * reset, a 5xx, a 409 {@code idempotency-key-in-use}) it is sent again with the same {@code
 * Idempotency-Key}, with backoff, for a bounded time. Every command ends in the {@link #journal}:
 * acknowledged (2xx, with the id it created), refused (a 4xx naming a rule: not a fault) or
 * unresolved (no answer within the retry time: its effect may or may not exist).
 */
final class ChaosLoad {

  enum Kind {
    PLACE_ORDER,
    REPORT_PAYMENT,
    REQUEST_LESSON,
    CONFIRM_LESSON,
    REGISTER_CHILD,
    FILE_COMPLAINT
  }

  enum Outcome {
    ACKED,
    REFUSED,
    UNRESOLVED
  }

  /**
   * One command as the client saw it: {@code id} is what it created or acted on (order,
   * consumption, child, complaint), {@code order} the order it belongs to, {@code reference} the
   * bank's reference of a payment.
   */
  record Command(
      Kind kind,
      String actor,
      Outcome outcome,
      int status,
      String id,
      String order,
      String reference,
      int attempts,
      String detail) {}

  private record Answer(Outcome outcome, int status, JsonNode body, int attempts, String detail) {}

  private final World world;
  private final Duration retryFor;
  private final int workers;
  private final double flowsPerSecond;
  private final Queue<Command> journal = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  ChaosLoad(World world, int workers, double flowsPerSecond, Duration retryFor) {
    this.world = world;
    this.workers = workers;
    this.flowsPerSecond = flowsPerSecond;
    this.retryFor = retryFor;
  }

  void start() {
    running = true;
    long pauseNanos = (long) (workers * 1e9 / flowsPerSecond);
    for (int i = 0; i < workers; i++) {
      Thread t = new Thread(() -> loop(pauseNanos), "chaos-load-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
  }

  /** Stops starting flows and waits for the commands in flight (their retries are bounded). */
  void stop() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(retryFor.plusSeconds(30).toMillis());
    }
  }

  List<Command> journal() {
    return List.copyOf(journal);
  }

  String progress() {
    long acked = journal.stream().filter(c -> c.outcome() == Outcome.ACKED).count();
    long refused = journal.stream().filter(c -> c.outcome() == Outcome.REFUSED).count();
    long unresolved = journal.size() - acked - refused;
    return "acked %d, refused %d, unresolved %d, in flight %d"
        .formatted(acked, refused, unresolved, inFlight.get());
  }

  private void loop(long pauseNanos) {
    long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(pauseNanos);
    while (running) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        sleep(Duration.ofNanos(wait));
        continue;
      }
      // no catch-up burst after a stall: the pace restarts from now
      next = Math.max(next, System.nanoTime() - pauseNanos) + pauseNanos;
      try {
        int pick = ThreadLocalRandom.current().nextInt(10);
        if (pick < 5) {
          escrowFlow();
        } else if (pick < 8) {
          registerChild();
        } else {
          fileComplaint();
        }
      } catch (RuntimeException e) {
        Report.progress("chaos load: flow failed in the client: %s", e);
      }
    }
  }

  /** Place an order, the bank pays it, a lesson is requested for a held session and confirmed. */
  private void escrowFlow() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    World.Institution i = world.institutions.get(r.nextInt(world.institutions.size()));
    String parent = world.parents.get(r.nextInt(world.parents.size()));
    String escrow = world.url(Service.ESCROW) + "/api/v1/escrow";
    Answer placed =
        send(escrow + "/orders", () -> world.bearer(parent), world.order(i.courseId(), parent, 1));
    String order = placed.body() == null ? null : placed.body().path("orderId").asText(null);
    record(Kind.PLACE_ORDER, parent, placed, order, order, null);
    if (placed.outcome() != Outcome.ACKED) {
      return;
    }
    String reference = "CHAOS-" + UUID.randomUUID();
    Answer paid =
        send(
            escrow + "/bank/payments",
            world::bank,
            """
            {"bankRef":"%s","orderId":"%s","amountFen":%s,"route":"WECHAT_PAY"}"""
                .formatted(reference, order, placed.body().path("amountFen").asText()));
    record(Kind.REPORT_PAYMENT, "custody-bank", paid, order, order, reference);
    if (paid.outcome() != Outcome.ACKED) {
      return;
    }
    Answer requested =
        send(
            escrow + "/orders/" + order + "/consumptions",
            () -> world.bearer(i.operator()),
            "{\"sessionId\":\"" + world.nextSession(i.courseId(), parent) + "\"}");
    String consumption =
        requested.body() == null ? null : requested.body().path("consumptionId").asText(null);
    record(Kind.REQUEST_LESSON, i.operator(), requested, consumption, order, null);
    if (requested.outcome() != Outcome.ACKED) {
      return;
    }
    Answer confirmed =
        send(
            escrow + "/consumptions/" + consumption + "/confirmation",
            () -> world.bearer(parent),
            null);
    record(Kind.CONFIRM_LESSON, parent, confirmed, consumption, order, null);
  }

  private void registerChild() {
    String parent = world.parents.get(ThreadLocalRandom.current().nextInt(world.parents.size()));
    Answer a =
        send(
            world.url(Service.ENROLMENT) + "/api/v1/children",
            () -> world.bearer(parent),
            "{\"schoolId\":\"" + world.schoolId + "\",\"grade\":3}");
    record(
        Kind.REGISTER_CHILD,
        parent,
        a,
        a.body() == null ? null : a.body().path("childId").asText(null),
        null,
        null);
  }

  private void fileComplaint() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String parent = world.parents.get(r.nextInt(world.parents.size()));
    World.Institution i = world.institutions.get(r.nextInt(world.institutions.size()));
    Answer a =
        send(
            world.url(Service.REGISTRY) + "/api/v1/complaints",
            () -> world.bearer(parent),
            """
            {"institutionId":"%s","category":"FEE",
             "description":"Chaos run: the lesson price on the invoice differs from the filed one."}"""
                .formatted(i.id()));
    record(
        Kind.FILE_COMPLAINT,
        parent,
        a,
        a.body() == null ? null : a.body().path("complaintId").asText(null),
        null,
        null);
  }

  private void record(Kind kind, String actor, Answer a, String id, String order, String ref) {
    journal.add(
        new Command(
            kind, actor, a.outcome(), a.status(), id, order, ref, a.attempts(), a.detail()));
  }

  /** POSTs with one Idempotency-Key, again while the answer is lost, until {@link #retryFor}. */
  private Answer send(String url, Supplier<String> bearer, String body) {
    String key = UUID.randomUUID().toString();
    Instant deadline = Instant.now().plus(retryFor);
    String detail = "";
    int status = 0;
    inFlight.incrementAndGet();
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          HttpRequest.Builder b =
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(15))
                  .header("Authorization", bearer.get())
                  .header("Idempotency-Key", key)
                  .POST(
                      body == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(body));
          if (body != null) {
            b.header("Content-Type", "application/json");
          }
          HttpResponse<String> r =
              Platform.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
          status = r.statusCode();
          JsonNode json = parse(r.body());
          if (status < 300) {
            return new Answer(Outcome.ACKED, status, json, attempt, "");
          }
          detail = status + " " + (json == null ? "" : json.path("type").asText(r.body()));
          if (!answerLost(status, r.body())) {
            return new Answer(Outcome.REFUSED, status, json, attempt, detail);
          }
        } catch (IOException e) {
          status = 0;
          detail = e.getClass().getSimpleName();
        }
        if (Instant.now().isAfter(deadline)) {
          return new Answer(Outcome.UNRESOLVED, status, null, attempt, detail);
        }
        sleep(Duration.ofMillis(Math.min(2_000, 100L << Math.min(attempt, 5))));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(Outcome.UNRESOLVED, status, null, 0, "interrupted");
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** The command may not have run, or its answer did not come back: the same key is sent again. */
  private static boolean answerLost(int status, String body) {
    return status >= 500
        || status == 429
        || status == 409 && body.contains("idempotency-key-in-use");
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : Http.JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(Math.max(1, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
