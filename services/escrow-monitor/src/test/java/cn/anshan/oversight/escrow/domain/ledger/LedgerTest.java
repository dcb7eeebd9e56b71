package cn.anshan.oversight.escrow.domain.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Given/when/then examples of the ledger's refusals (REL-01, REL-13). */
class LedgerTest {
  static final Instant NOW = Instant.parse("2026-04-20T02:00:00Z");

  @Test
  void anUnbalancedEntryCannotExist() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new JournalEntry(
                UUID.randomUUID(),
                EntryKind.POSTED,
                EntryCode.PREPAYMENT_RECEIVED,
                null,
                "i",
                null,
                null,
                "r",
                NOW,
                List.of(
                    EntryLine.debit(AccountType.CUSTODY_CASH, "i", 100),
                    EntryLine.credit(AccountType.FAMILY_ESCROW, "o", 99))));
  }

  @Test
  void rel13NothingLeavesAnAccountThatIsNotThere() {
    Ledger ledger = Ledger.empty();
    UUID order = UUID.randomUUID();
    // nothing to refund is not an error: amount 0 and no entry
    assertEquals(0, Movements.refund(ledger, "i", order, List.of(), "r", NOW));
    assertEquals(0, ledger.appended().size());
    ProblemException negative =
        assertThrows(
            ProblemException.class,
            () ->
                ledger.posted(
                    EntryCode.INSTITUTION_PAYOUT,
                    "i",
                    order,
                    "r",
                    NOW,
                    List.of(
                        EntryLine.debit(AccountType.INSTITUTION_PAYABLE, "i", 1),
                        EntryLine.credit(AccountType.CUSTODY_CASH, "i", 1))));
    assertEquals(Ledger.NO_NEGATIVE_RULE, negative.problem().violations().get(0).rule());
    assertEquals(0, ledger.appended().size());
  }

  @Test
  void rel13AnAmountTheLedgerCannotHoldIsRefusedNotWrapped() {
    Ledger ledger = Ledger.empty();
    Movements.depositReserve(ledger, "i", Long.MAX_VALUE, "r1", NOW);
    ProblemException overflow =
        assertThrows(
            ProblemException.class, () -> Movements.depositReserve(ledger, "i", 1, "r2", NOW));
    assertEquals(Account.OVERFLOW_RULE, overflow.problem().violations().get(0).rule());
    assertEquals(1, ledger.appended().size(), "the refused deposit left no entry");
    assertEquals(
        Long.MAX_VALUE,
        ledger.account(AccountType.RESERVE_CASH.idFor("i")).balance(),
        "the balance is what it was, not wrapped negative");
  }

  @Test
  void rel01AReservationIsResolvedOnceAndPendingOutflowsCount() {
    Ledger ledger = Ledger.empty();
    UUID order = UUID.randomUUID();
    List<JournalEntry> reservations =
        Movements.receivePrepayment(ledger, "i", order, 1000, 1, 3, "bank-1", NOW);
    assertEquals(
        List.of(333L, 333L, 334L), reservations.stream().map(JournalEntry::amountFen).toList());
    assertEquals(0, ledger.account(AccountType.FAMILY_ESCROW.idFor(order)).available());
    Movements.releaseLesson(ledger, reservations.get(0).id(), "c1", NOW);
    ProblemException twice =
        assertThrows(
            ProblemException.class,
            () ->
                ledger.voidPending(reservations.get(0).id(), EntryCode.LESSON_RETURNED, "r", NOW));
    assertEquals(Ledger.RESOLVE_ONCE_RULE, twice.problem().violations().get(0).rule());
    long refunded =
        Movements.refund(
            ledger,
            "i",
            order,
            List.of(reservations.get(1).id(), reservations.get(2).id()),
            "r",
            NOW);
    assertEquals(667, refunded);
    assertEquals(0, ledger.account(AccountType.CUSTODY_CASH.idFor("i")).balance());
  }
}
