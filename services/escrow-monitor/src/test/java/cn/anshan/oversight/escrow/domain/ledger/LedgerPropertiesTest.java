package cn.anshan.oversight.escrow.domain.ledger;

import static cn.anshan.oversight.escrow.domain.order.OrderFixtures.lumpSum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.escrow.domain.entitlement.Category;
import cn.anshan.oversight.escrow.domain.entitlement.HeldSession;
import cn.anshan.oversight.escrow.domain.order.Acceptance;
import cn.anshan.oversight.escrow.domain.order.Confirmation;
import cn.anshan.oversight.escrow.domain.order.Consumption;
import cn.anshan.oversight.escrow.domain.order.ConsumptionStatus;
import cn.anshan.oversight.escrow.domain.order.Order;
import cn.anshan.oversight.escrow.domain.order.OrderStatus;
import cn.anshan.oversight.escrow.domain.order.Refund;
import cn.anshan.oversight.escrow.domain.supervision.SupervisionMode;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.time.AnswerPeriod;
import cn.anshan.oversight.kit.time.CalendarProducer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Ledger invariants over random interleavings of deposit / reserve / confirm / auto-confirm /
 * dispute / refund / revoke across several orders of two institutions, each operation run as the
 * service runs it: a unit of work over the stored accounts and the order's unresolved reservations,
 * whose appended entries are then stored. After every step: Σ debits = Σ credits per entry, no
 * account negative, each reservation resolved at most once, stored balances = replay of entries,
 * and released ≤ confirmed lessons × unit price (REL-01, REL-02, REL-05, REL-09, REL-13).
 */
class LedgerPropertiesTest {
  /** A held session of the order's course for its lesson {@code n}. */
  private static HeldSession session(Order order, int n) {
    LocalDateTime start = LocalDate.parse("2026-04-27").atTime(8, 0).plusDays(n);
    return new HeldSession(
        UUID.randomUUID(),
        order.courseId(),
        order.institutionId(),
        start.minusHours(8).toInstant(ZoneOffset.UTC),
        start.minusHours(7).toInstant(ZoneOffset.UTC),
        start,
        start.plusHours(1));
  }

  private static final AnswerPeriod FIFTEEN_DAYS =
      new AnswerPeriod(CalendarProducer.load(List.of(2026), new ObjectMapper()), 15);

  enum Kind {
    DEPOSIT_AND_RESERVE,
    REQUEST,
    CONFIRM,
    AUTO_CONFIRM,
    DISPUTE,
    REFUND,
    REVOKE,
    DOUBLE_RELEASE
  }

  record Op(Kind kind, int order, int pick) {}

  @Provide
  Arbitrary<List<Op>> interleavings() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 50))
            .as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(80);
  }

  /** The "database": stored accounts and every entry ever appended. */
  static final class Store {
    final Map<String, Account> accounts = new LinkedHashMap<>();
    final List<JournalEntry> entries = new ArrayList<>();

    Ledger open(UUID orderId) {
      List<JournalEntry> unresolved =
          entries.stream()
              .filter(e -> e.kind() == EntryKind.PENDING && orderId.equals(e.orderId()))
              .filter(e -> entries.stream().noneMatch(r -> e.id().equals(r.pendingId())))
              .toList();
      return new Ledger(accounts.values(), unresolved);
    }

    void save(Ledger ledger) {
      ledger.touched().forEach(a -> accounts.put(a.id(), a.copy()));
      entries.addAll(ledger.appended());
    }
  }

  static final class Family {
    final Order order;
    final List<Consumption> consumptions = new ArrayList<>();

    Family(Order order) {
      this.order = order;
    }
  }

  @Property(tries = 300)
  @Label("REL-01/REL-13: ledger invariants hold for every interleaving")
  void invariantsHold(@ForAll("interleavings") List<Op> ops) {
    Store store = new Store();
    Instant now = Instant.parse("2026-04-20T02:00:00Z");
    List<Family> families = new ArrayList<>();
    Map<Integer, Integer> sizes = Map.of(0, 1, 1, 3, 2, 7, 3, 40, 4, 60, 5, 13);
    for (int i = 0; i < 6; i++) {
      String institution = i % 2 == 0 ? "inst-a" : "inst-b";
      families.add(
          new Family(
              new Order(
                  institution,
                  "tiedong",
                  UUID.randomUUID(),
                  Category.NON_SUBJECT,
                  "family-" + i,
                  UUID.randomUUID(),
                  sizes.get(i),
                  3333 + i,
                  LocalDate.parse("2026-04-27"),
                  LocalDate.parse("2026-07-10"),
                  SupervisionMode.CUSTODY,
                  lumpSum(0, 24),
                  now)));
    }
    Map<UUID, Integer> confirmed = new HashMap<>();
    for (Op op : ops) {
      Family family = families.get(op.order());
      Order order = family.order;
      int before = store.entries.size();
      Map<String, Account> snapshot = copy(store.accounts);
      boolean mustChange = false;
      try {
        switch (op.kind()) {
          case DEPOSIT_AND_RESERVE -> {
            if (order.status() != OrderStatus.PLACED) {
              continue;
            }
            Ledger ledger = store.open(order.id());
            Movements.receivePrepayment(
                ledger,
                order.institutionId(),
                order.id(),
                order.amountFen(),
                1,
                order.lessons(),
                "bank-" + order.id(),
                now);
            store.save(ledger);
            order.instalmentPaid("bank-" + order.id(), "WECHAT_PAY", true, now);
            mustChange = true;
          }
          case REQUEST -> {
            if (!order.canRequestConsumption()) {
              continue;
            }
            int n = order.tally().lessonsRequested() + 1;
            family.consumptions.add(
                Consumption.requested(
                        order,
                        session(order, n),
                        now,
                        now.atZone(ZoneOffset.UTC).toLocalDate(),
                        FIFTEEN_DAYS)
                    .subject());
          }
          case CONFIRM, AUTO_CONFIRM -> {
            Consumption c = pickRequested(family, op.pick());
            if (c == null || order.status() == OrderStatus.REFUNDED) {
              continue;
            }
            Ledger ledger = store.open(order.id());
            UUID pending = reservation(ledger, c.lessonNo());
            long amount = Movements.releaseLesson(ledger, pending, "c:" + c.id(), now);
            store.save(ledger);
            c.released(
                order,
                op.kind() == Kind.AUTO_CONFIRM ? Confirmation.AUTO : Confirmation.PARENT,
                amount,
                pending,
                15,
                now);
            confirmed.merge(order.id(), 1, Integer::sum);
            mustChange = true;
          }
          case DISPUTE -> {
            Consumption c = pickRequested(family, op.pick());
            if (c == null) {
              continue;
            }
            c.dispute(order, "no teacher", now);
          }
          case REFUND, REVOKE -> {
            List<Family> targets =
                op.kind() == Kind.REFUND
                    ? List.of(family)
                    : families.stream()
                        .filter(f -> f.order.institutionId().equals(order.institutionId()))
                        .toList();
            for (Family f : targets) {
              if (!f.order.refundable()) {
                continue;
              }
              Ledger ledger = store.open(f.order.id());
              List<UUID> open = ledger.unresolved().stream().map(JournalEntry::id).toList();
              long amount =
                  Movements.refund(
                      ledger,
                      f.order.institutionId(),
                      f.order.id(),
                      open,
                      "r:" + f.order.id(),
                      now);
              store.save(ledger);
              f.consumptions.forEach(c -> c.cancelled(now));
              Refund.openedForExit(f.order, now, ZoneOffset.UTC)
                  .subject()
                  .paid(f.order, Acceptance.INSTITUTION, amount, open.size(), "CON-07", now);
              assertEquals(
                  f.order.amountFen() - f.order.tally().releasedFen(),
                  amount,
                  "refund = paid - released (CON-07)");
            }
          }
          case DOUBLE_RELEASE -> {
            // A confirmed lesson released again must be refused and change nothing.
            Consumption c =
                family.consumptions.stream()
                    .filter(
                        x ->
                            x.status() == ConsumptionStatus.CONFIRMED
                                || x.status() == ConsumptionStatus.AUTO_CONFIRMED)
                    .findFirst()
                    .orElse(null);
            if (c == null) {
              continue;
            }
            UUID released =
                store.entries.stream()
                    .filter(
                        e ->
                            e.kind() == EntryKind.PENDING
                                && order.id().equals(e.orderId())
                                && e.lessonNo() == c.lessonNo())
                    .map(JournalEntry::id)
                    .findFirst()
                    .orElseThrow();
            Ledger ledger = store.open(order.id());
            try {
              Movements.releaseLesson(ledger, released, "again", now);
              throw new AssertionError("a reservation was resolved twice");
            } catch (ProblemException refused) {
              assertEquals(Ledger.RESOLVE_ONCE_RULE, refused.problem().violations().get(0).rule());
            }
            store.save(ledger);
          }
        }
      } catch (ProblemException e) {
        // A refused movement leaves the stored state untouched.
        assertEquals(before, store.entries.size());
        store.accounts.forEach((id, a) -> assertTrue(a.sameBalancesAs(snapshot.get(id))));
        throw new AssertionError("an allowed operation was refused: " + op, e);
      }
      if (mustChange) {
        assertTrue(store.entries.size() > before);
      }
      assertInvariants(store, families, confirmed);
    }
  }

  private static void assertInvariants(
      Store store, List<Family> families, Map<UUID, Integer> confirmed) {
    Map<UUID, Integer> resolutions = new HashMap<>();
    for (JournalEntry e : store.entries) {
      assertEquals(JournalEntry.debits(e.lines()), JournalEntry.credits(e.lines()));
      if (e.pendingId() != null) {
        resolutions.merge(e.pendingId(), 1, Integer::sum);
      }
    }
    assertTrue(resolutions.values().stream().allMatch(n -> n == 1), "resolved once");
    for (Account a : store.accounts.values()) {
      assertTrue(a.available() >= 0, a.toString());
      assertTrue(a.debitsPending() >= 0 && a.creditsPending() >= 0, a.toString());
    }
    Map<String, Account> replay = Ledger.replay(store.entries);
    assertEquals(store.accounts.keySet(), replay.keySet());
    replay.forEach((id, a) -> assertTrue(a.sameBalancesAs(store.accounts.get(id)), id));
    long custody = 0;
    long owed = 0;
    for (Account a : store.accounts.values()) {
      switch (a.type()) {
        case CUSTODY_CASH -> custody += a.balance();
        case FAMILY_ESCROW, INSTITUTION_PAYABLE -> owed += a.balance();
        default -> {}
      }
    }
    assertEquals(owed, custody, "custody holds exactly what is owed");
    for (Family f : families) {
      Order o = f.order;
      int lessonsConfirmed = confirmed.getOrDefault(o.id(), 0);
      assertTrue(
          o.tally().releasedFen() <= (long) lessonsConfirmed * o.unitPriceFen(),
          "REL-02: released <= confirmed lessons x unit price paid");
      Account escrow = store.accounts.get(AccountType.FAMILY_ESCROW.idFor(o.id()));
      long inEscrow = escrow == null ? 0 : escrow.balance();
      assertEquals(o.unconsumedFen(), inEscrow);
    }
  }

  private static Consumption pickRequested(Family family, int pick) {
    List<Consumption> open =
        family.consumptions.stream()
            .filter(c -> c.status() == ConsumptionStatus.REQUESTED)
            .toList();
    return open.isEmpty() ? null : open.get(pick % open.size());
  }

  private static UUID reservation(Ledger ledger, int lessonNo) {
    return ledger.unresolved().stream()
        .filter(e -> e.lessonNo() == lessonNo)
        .map(JournalEntry::id)
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Account> copy(Map<String, Account> accounts) {
    Map<String, Account> copy = new LinkedHashMap<>();
    accounts.forEach((k, v) -> copy.put(k, v.copy()));
    return copy;
  }
}
