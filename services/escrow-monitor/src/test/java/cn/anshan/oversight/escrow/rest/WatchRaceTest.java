package cn.anshan.oversight.escrow.rest;

import static cn.anshan.oversight.escrow.rest.EscrowFixtures.freeze;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.institutionWithCustody;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.operator;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.paidOrder;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.readOrder;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.requestConsumption;
import static cn.anshan.oversight.escrow.rest.EscrowFixtures.requestRefund;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.anshan.oversight.escrow.service.ConsumptionService;
import cn.anshan.oversight.escrow.service.RefundService;
import cn.anshan.oversight.kit.watch.WatchLock;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the silence watches read what is due, then lock the order. A parent's dispute or an
 * operator's refusal committed in between must win: the watch re-reads the row under the order's
 * lock instead of paying out what it read before. Each test holds the order's lock itself, lets the
 * watch find the row due and queue behind the lock, commits the competing answer, then lets go.
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class WatchRaceTest {
  static final long PRICE = 5000;

  @Inject ConsumptionService consumptions;
  @Inject RefundService refunds;

  @AfterEach
  void resetClock() {
    EscrowFixtures.unfreeze();
  }

  @Test
  void rel07ADisputeCommittedWhileTheWatchWaitsIsNotPaidOut() throws Exception {
    RequestedLesson lesson = requestedLesson();
    Tokens parent = lesson.parent();
    String orderId = lesson.orderId();
    String consumptionId = lesson.consumptionId();

    raceTheWatch(
        orderId,
        "2026-06-30T02:00:00Z", // long past the 15 working days of silence
        () -> VertxContextSupport.subscribeAndAwait(() -> consumptions.autoConfirmDue(500)),
        "update consumption set status = 'DISPUTED', dispute_reason = 'no lesson',"
            + " resolved_at = now() where id = cast(? as uuid)",
        consumptionId);

    assertEquals("DISPUTED", statusOf(consumptionId));
    readOrder(parent, orderId).statusCode(200).body("releasedFen", equalTo(0));
    EscrowFixtures.assertLedgerConsistent();
  }

  @Test
  void rel05ARefusalCommittedWhileTheWatchWaitsIsNotAutoAccepted() throws Exception {
    freeze("2026-06-01T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    String orderId = paidOrder(parent, course, 4, PRICE, "2026-06-08", "2026-08-20");
    freeze("2026-06-15T02:00:00Z");
    String refundId = requestRefund(parent, orderId).statusCode(201).extract().path("refundId");

    raceTheWatch(
        orderId,
        "2026-06-24T01:00:00Z", // the institution's 5 working days are over
        () -> VertxContextSupport.subscribeAndAwait(() -> refunds.autoAcceptDue(500)),
        "update refund set status = 'ESCALATED' where id = cast(? as uuid)",
        refundId);

    assertEquals(
        "ESCALATED",
        TestInfra.query("select status from refund where id = cast(? as uuid)", refundId)
            .get(0)
            .get("status"));
    readOrder(parent, orderId)
        .statusCode(200)
        .body("status", equalTo("REFUND_REQUESTED"))
        .body("refundedFen", equalTo(0));
    EscrowFixtures.assertLedgerConsistent();
  }

  @Test
  void aWatchActsOnOneReplicaAtATime() throws Throwable {
    RequestedLesson lesson = requestedLesson();
    Tokens parent = lesson.parent();
    String orderId = lesson.orderId();
    String consumptionId = lesson.consumptionId();
    // another replica runs the auto-confirm watch: it holds the watch's lock in its transaction
    try (Connection other = TestInfra.connect()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
        lock.setLong(1, WatchLock.key("escrow.consumption-auto-confirm"));
        lock.executeQuery().close();
      }
      freeze("2026-06-30T02:00:00Z"); // long past the 15 working days: due
      assertEquals(
          0,
          VertxContextSupport.<Integer>subscribeAndAwait(() -> consumptions.autoConfirmDue(500)));
      Thread.sleep(2500); // this service's own scheduled watch (every second) skips as well
      assertEquals("REQUESTED", statusOf(consumptionId));
      other.rollback();
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "AUTO_CONFIRMED".equals(statusOf(consumptionId)));
    readOrder(parent, orderId).statusCode(200).body("releasedFen", equalTo((int) PRICE));
  }

  /** A paid 4-lesson order whose first lesson was asked for on 2026-04-28 (clock left there). */
  record RequestedLesson(Tokens parent, String orderId, String consumptionId) {}

  static RequestedLesson requestedLesson() {
    freeze("2026-04-20T02:00:00Z");
    String institution = UUID.randomUUID().toString();
    UUID course = institutionWithCustody(institution, PRICE);
    Tokens parent = EscrowFixtures.parent();
    String orderId = paidOrder(parent, course, 4, PRICE, "2026-04-27", "2026-07-10");
    freeze("2026-04-28T10:00:00Z");
    String consumptionId =
        requestConsumption(operator(institution), orderId, "2026-04-27")
            .statusCode(201)
            .extract()
            .path("consumptionId");
    return new RequestedLesson(parent, orderId, consumptionId);
  }

  static String statusOf(String consumptionId) {
    return (String)
        TestInfra.query("select status from consumption where id = cast(? as uuid)", consumptionId)
            .get(0)
            .get("status");
  }

  /**
   * Holds the order's row lock, moves the clock so the row is due, runs the watch until it waits
   * for the lock, commits {@code answer} in the lock's transaction, and waits for the watch.
   */
  static void raceTheWatch(
      String orderId, String dueAt, Callable watch, String answer, String answeredId)
      throws Exception {
    CompletableFuture<Object> running;
    try (Connection c = TestInfra.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement lock =
          c.prepareStatement("select id from prepay_order where id = cast(? as uuid) for update")) {
        lock.setString(1, orderId);
        lock.executeQuery().close();
      }
      freeze(dueAt);
      running = CompletableFuture.supplyAsync(watch.asSupplier());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  TestInfra.count(
                          "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                              + " and query like '%prepay_order%'")
                      > 0);
      try (PreparedStatement update = c.prepareStatement(answer)) {
        update.setString(1, answeredId);
        assertEquals(1, update.executeUpdate());
      }
      c.commit();
    }
    running.get(30, TimeUnit.SECONDS);
    // the service's own watch (every second in tests) may have queued behind the lock as well
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TestInfra.count(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and query like '%prepay_order%'")
                    == 0);
  }

  /** A watch run, as the test calls it. */
  @FunctionalInterface
  interface Callable {
    Object call() throws Throwable;

    default Supplier<Object> asSupplier() {
      return () -> {
        try {
          return call();
        } catch (Throwable e) {
          throw new IllegalStateException(e);
        }
      };
    }
  }
}
