package cn.anshan.oversight.escrow.domain.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An immutable double-entry journal entry: Σ debits = Σ credits. Corrections are new entries. A
 * POST_PENDING or VOID_PENDING entry names the pending entry it resolves and repeats its lines.
 */
public record JournalEntry(
    UUID id,
    EntryKind kind,
    EntryCode code,
    UUID pendingId,
    String institutionId,
    UUID orderId,
    Integer lessonNo,
    String reference,
    Instant at,
    List<EntryLine> lines) {

  public JournalEntry {
    lines = List.copyOf(lines);
    if (lines.size() < 2) {
      throw new IllegalArgumentException("an entry has at least one debit and one credit");
    }
    if (debits(lines) != credits(lines)) {
      throw new IllegalArgumentException(
          "debits " + debits(lines) + " != credits " + credits(lines) + " in " + code);
    }
    boolean resolves = kind == EntryKind.POST_PENDING || kind == EntryKind.VOID_PENDING;
    if (resolves != (pendingId != null)) {
      throw new IllegalArgumentException(kind + " and pendingId " + pendingId + " do not agree");
    }
  }

  public long amountFen() {
    return debits(lines);
  }

  public static long debits(List<EntryLine> lines) {
    return lines.stream().filter(l -> l.side() == Side.DEBIT).mapToLong(EntryLine::amountFen).sum();
  }

  public static long credits(List<EntryLine> lines) {
    return lines.stream()
        .filter(l -> l.side() == Side.CREDIT)
        .mapToLong(EntryLine::amountFen)
        .sum();
  }
}
