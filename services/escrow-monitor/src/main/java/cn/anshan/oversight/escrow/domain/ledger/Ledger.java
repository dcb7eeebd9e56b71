package cn.anshan.oversight.escrow.domain.ledger;

import cn.anshan.oversight.kit.problem.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The double-entry ledger of prepayment custody, in the style of TigerBeetle's two-phase transfers:
 * a prepayment is received into custody, each lesson's price is reserved (pending) for the
 * institution, posted when the lesson is confirmed, voided back to the family on refund.
 *
 * <p>Invariants, checked on every entry and proven by the property tests: Σ debits = Σ credits per
 * entry; no account goes negative on its normal side, pending outflows included; each pending entry
 * is resolved (posted or voided) at most once; balances replayed from the entries equal the stored
 * balances. A unit of work loads the accounts and unresolved pending entries it touches, appends
 * entries, and the caller persists {@link #appended()} (INSERT only) and {@link #touched()}.
 */
public final class Ledger {
  /** REL-13: the ledger controls balances; nothing leaves an account that is not there. */
  public static final String NO_NEGATIVE_RULE = "REL-13";

  /** REL-01 / row 11: a reservation is released or returned once, never beyond itself. */
  public static final String RESOLVE_ONCE_RULE = "REL-01";

  private final Map<String, Account> accounts = new LinkedHashMap<>();
  private final Map<UUID, JournalEntry> pending = new LinkedHashMap<>();
  private final Set<UUID> resolved = new HashSet<>();
  private final Set<String> touched = new HashSet<>();
  private final List<JournalEntry> appended = new ArrayList<>();

  public Ledger(Collection<Account> accounts, Collection<JournalEntry> unresolvedPending) {
    accounts.forEach(a -> this.accounts.put(a.id(), a.copy()));
    unresolvedPending.forEach(
        e -> {
          if (e.kind() != EntryKind.PENDING) {
            throw new IllegalArgumentException("not a pending entry: " + e.id());
          }
          pending.put(e.id(), e);
        });
  }

  public static Ledger empty() {
    return new Ledger(List.of(), List.of());
  }

  /** A posted entry: moves balances at once. */
  public JournalEntry posted(
      EntryCode code,
      String institutionId,
      UUID orderId,
      String reference,
      Instant at,
      List<EntryLine> lines) {
    return append(
        new JournalEntry(
            UUID.randomUUID(),
            EntryKind.POSTED,
            code,
            null,
            institutionId,
            orderId,
            null,
            reference,
            at,
            lines));
  }

  /** A pending entry (reservation) for one lesson. */
  public JournalEntry reserve(
      EntryCode code,
      String institutionId,
      UUID orderId,
      Integer lessonNo,
      String reference,
      Instant at,
      List<EntryLine> lines) {
    return append(
        new JournalEntry(
            UUID.randomUUID(),
            EntryKind.PENDING,
            code,
            null,
            institutionId,
            orderId,
            lessonNo,
            reference,
            at,
            lines));
  }

  /** Posts a pending entry in full. */
  public JournalEntry post(UUID pendingId, EntryCode code, String reference, Instant at) {
    return resolve(pendingId, EntryKind.POST_PENDING, code, reference, at);
  }

  /** Voids a pending entry: the reserved amount returns to the debited account. */
  public JournalEntry voidPending(UUID pendingId, EntryCode code, String reference, Instant at) {
    return resolve(pendingId, EntryKind.VOID_PENDING, code, reference, at);
  }

  private JournalEntry resolve(
      UUID pendingId, EntryKind kind, EntryCode code, String reference, Instant at) {
    JournalEntry original = pending.get(pendingId);
    if (original == null || resolved.contains(pendingId)) {
      throw ProblemException.rule(
          RESOLVE_ONCE_RULE, "reservation " + pendingId + " is unknown or already resolved");
    }
    return append(
        new JournalEntry(
            UUID.randomUUID(),
            kind,
            code,
            pendingId,
            original.institutionId(),
            original.orderId(),
            original.lessonNo(),
            reference,
            at,
            original.lines()));
  }

  /** Applies an entry after checking every invariant; nothing changes when one would break. */
  public JournalEntry append(JournalEntry entry) {
    Map<String, Account> after = appliedToCopies(entry);
    requireResolvable(entry);
    for (Account account : after.values()) {
      if (!account.consistent()) {
        throw ProblemException.rule(
            NO_NEGATIVE_RULE,
            "account " + account.id() + " would go negative (" + entry.code() + ")");
      }
    }
    after.values().forEach(a -> accounts.put(a.id(), a));
    touched.addAll(after.keySet());
    switch (entry.kind()) {
      case PENDING -> pending.put(entry.id(), entry);
      case POST_PENDING, VOID_PENDING -> resolved.add(entry.pendingId());
      case POSTED -> {}
    }
    appended.add(entry);
    return entry;
  }

  /** The accounts {@code entry} touches as they would be after it; the ledger is not changed. */
  private Map<String, Account> appliedToCopies(JournalEntry entry) {
    Map<String, Account> after = new LinkedHashMap<>();
    for (EntryLine line : entry.lines()) {
      Account account =
          after.computeIfAbsent(
              line.accountId(),
              id -> {
                Account current = accounts.get(id);
                return current == null ? Account.empty(id, line.accountType()) : current.copy();
              });
      if (account.type() != line.accountType()) {
        throw new IllegalArgumentException("account " + account.id() + " is " + account.type());
      }
      applyLine(account, line, entry.kind());
    }
    return after;
  }

  /** A resolution resolves a known reservation once, moving exactly what it reserved. */
  private void requireResolvable(JournalEntry entry) {
    if (entry.kind() != EntryKind.POST_PENDING && entry.kind() != EntryKind.VOID_PENDING) {
      return;
    }
    JournalEntry original = pending.get(entry.pendingId());
    if (original == null || resolved.contains(entry.pendingId())) {
      throw ProblemException.rule(
          RESOLVE_ONCE_RULE,
          "reservation " + entry.pendingId() + " is unknown or already resolved");
    }
    if (!original.lines().equals(entry.lines())) {
      throw ProblemException.rule(
          RESOLVE_ONCE_RULE, "a resolution must move exactly what was reserved");
    }
  }

  static void applyLine(Account account, EntryLine line, EntryKind kind) {
    switch (kind) {
      case POSTED -> account.apply(line.side(), line.amountFen(), false, 1);
      case PENDING -> account.apply(line.side(), line.amountFen(), true, 1);
      case POST_PENDING -> {
        account.apply(line.side(), line.amountFen(), true, -1);
        account.apply(line.side(), line.amountFen(), false, 1);
      }
      case VOID_PENDING -> account.apply(line.side(), line.amountFen(), true, -1);
    }
  }

  /** Balances recomputed from scratch from entries in order (the audit of stored balances). */
  public static Map<String, Account> replay(List<JournalEntry> entries) {
    Map<String, Account> result = new LinkedHashMap<>();
    for (JournalEntry entry : entries) {
      for (EntryLine line : entry.lines()) {
        Account account =
            result.computeIfAbsent(line.accountId(), id -> Account.empty(id, line.accountType()));
        applyLine(account, line, entry.kind());
      }
    }
    return result;
  }

  /** Pending entries of this unit of work that are still unresolved. */
  public List<JournalEntry> unresolved() {
    return pending.values().stream().filter(e -> !resolved.contains(e.id())).toList();
  }

  /** REL-01: the open reservation of lesson {@code lessonNo}; refused when there is none. */
  public UUID openReservationOf(int lessonNo) {
    return unresolved().stream()
        .filter(e -> e.lessonNo() != null && e.lessonNo() == lessonNo)
        .map(JournalEntry::id)
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.rule(
                    "REL-01", "lesson " + lessonNo + " has no open reservation to release"));
  }

  public boolean isUnresolved(UUID pendingId) {
    return pending.containsKey(pendingId) && !resolved.contains(pendingId);
  }

  public Account account(String id) {
    return accounts.get(id);
  }

  public Collection<Account> accounts() {
    return accounts.values();
  }

  /** Accounts changed by this unit of work, with their new balances. */
  public List<Account> touched() {
    return touched.stream().map(accounts::get).toList();
  }

  public List<JournalEntry> appended() {
    return List.copyOf(appended);
  }
}
