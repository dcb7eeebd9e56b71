package cn.anshan.oversight.escrow.domain.ledger;

import static cn.anshan.oversight.escrow.domain.ledger.AccountType.CUSTODY_CASH;
import static cn.anshan.oversight.escrow.domain.ledger.AccountType.FAMILY_ESCROW;
import static cn.anshan.oversight.escrow.domain.ledger.AccountType.INSTITUTION_PAYABLE;
import static cn.anshan.oversight.escrow.domain.ledger.AccountType.RESERVE_CASH;
import static cn.anshan.oversight.escrow.domain.ledger.AccountType.RESERVE_HELD;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The money movements of prepayment supervision, each a set of balanced journal entries. */
public final class Movements {
  private Movements() {}

  /** The price of lesson {@code n} (1-based): equal shares, the last takes the remainder. */
  public static long lessonPrice(long amountFen, int lessons, int n) {
    long unit = amountFen / lessons;
    return n == lessons ? amountFen - unit * (lessons - 1) : unit;
  }

  /**
   * PRE-05 / REL-01: a prepayment (a lump sum, or one CON-05 instalment paying lessons {@code
   * firstLesson} onwards) arrives in custody and each of its lessons' price is reserved for the
   * institution. Returns the pending entries, in lesson order.
   */
  public static List<JournalEntry> receivePrepayment(
      Ledger ledger,
      String institutionId,
      UUID orderId,
      long amountFen,
      int firstLesson,
      int lessons,
      String bankRef,
      Instant at) {
    ledger.posted(
        EntryCode.PREPAYMENT_RECEIVED,
        institutionId,
        orderId,
        bankRef,
        at,
        List.of(
            EntryLine.debit(CUSTODY_CASH, institutionId, amountFen),
            EntryLine.credit(FAMILY_ESCROW, orderId, amountFen)));
    List<JournalEntry> reservations = new ArrayList<>();
    for (int n = 1; n <= lessons; n++) {
      long price = lessonPrice(amountFen, lessons, n);
      reservations.add(
          ledger.reserve(
              EntryCode.LESSON_RESERVED,
              institutionId,
              orderId,
              firstLesson + n - 1,
              bankRef,
              at,
              List.of(
                  EntryLine.debit(FAMILY_ESCROW, orderId, price),
                  EntryLine.credit(INSTITUTION_PAYABLE, institutionId, price))));
    }
    return reservations;
  }

  /**
   * REL-02: a confirmed lesson's reservation is posted to the institution and paid out of custody
   * to its basic account. Returns the amount released.
   */
  public static long releaseLesson(Ledger ledger, UUID pendingId, String reference, Instant at) {
    JournalEntry posted = ledger.post(pendingId, EntryCode.LESSON_RELEASED, reference, at);
    long amount = posted.amountFen();
    ledger.posted(
        EntryCode.INSTITUTION_PAYOUT,
        posted.institutionId(),
        posted.orderId(),
        reference,
        at,
        List.of(
            EntryLine.debit(INSTITUTION_PAYABLE, posted.institutionId(), amount),
            EntryLine.credit(CUSTODY_CASH, posted.institutionId(), amount)));
    return amount;
  }

  /**
   * REL-05 / REL-09: the given reservations return to the family, then everything the family has
   * left in custody for the order is paid back by the original route. Returns the amount paid
   * (possibly 0 when nothing is left).
   */
  public static long refund(
      Ledger ledger,
      String institutionId,
      UUID orderId,
      Collection<UUID> reservationsToVoid,
      String reference,
      Instant at) {
    for (UUID pendingId : reservationsToVoid) {
      ledger.voidPending(pendingId, EntryCode.LESSON_RETURNED, reference, at);
    }
    Account family = ledger.account(FAMILY_ESCROW.idFor(orderId));
    long amount = family == null ? 0 : family.available();
    if (amount > 0) {
      ledger.posted(
          EntryCode.REFUND_PAYOUT,
          institutionId,
          orderId,
          reference,
          at,
          List.of(
              EntryLine.debit(FAMILY_ESCROW, orderId, amount),
              EntryLine.credit(CUSTODY_CASH, institutionId, amount)));
    }
    return amount;
  }

  /** PRE-12: money paid into the institution's risk reserve. */
  public static JournalEntry depositReserve(
      Ledger ledger, String institutionId, long amountFen, String bankRef, Instant at) {
    return ledger.posted(
        EntryCode.RESERVE_DEPOSITED,
        institutionId,
        null,
        bankRef,
        at,
        List.of(
            EntryLine.debit(RESERVE_CASH, institutionId, amountFen),
            EntryLine.credit(RESERVE_HELD, institutionId, amountFen)));
  }
}
