package cn.anshan.oversight.escrow.repository;

import cn.anshan.oversight.escrow.domain.ledger.Account;
import cn.anshan.oversight.escrow.domain.ledger.AccountType;
import cn.anshan.oversight.escrow.domain.ledger.EntryKind;
import cn.anshan.oversight.escrow.domain.ledger.EntryLine;
import cn.anshan.oversight.escrow.domain.ledger.JournalEntry;
import cn.anshan.oversight.escrow.domain.ledger.Ledger;
import cn.anshan.oversight.kit.db.OneAtATime;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Loads ledger units of work and stores their result: entries and lines INSERT only; account
 * balances by atomic increments, so concurrent units of work on a shared account (custody cash,
 * institution payable) never lose an update, and the table's CHECK constraints are the last guard
 * against a negative balance.
 */
@ApplicationScoped
public class LedgerRepository {
  private static final String ENSURE =
      "insert into ledger_account (id, type, normal_side) values (?1, ?2, ?3)"
          + " on conflict (id) do nothing";
  private static final String INCREMENT =
      "update ledger_account set debits_pending = debits_pending + ?2,"
          + " debits_posted = debits_posted + ?3, credits_pending = credits_pending + ?4,"
          + " credits_posted = credits_posted + ?5 where id = ?1";

  /** A ledger over the given accounts and the order's unresolved reservations. */
  public Uni<Ledger> open(Collection<String> accountIds, UUID orderId) {
    return accounts(accountIds)
        .chain(
            accounts ->
                (orderId == null
                        ? Uni.createFrom().item(List.<JournalEntry>of())
                        : unresolvedReservations(orderId))
                    .map(pending -> new Ledger(accounts, pending)));
  }

  public Uni<List<Account>> accounts(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<String> sorted = ids.stream().distinct().sorted().toList();
    StringBuilder in = new StringBuilder();
    for (int i = 1; i <= sorted.size(); i++) {
      in.append(i == 1 ? "?" : ", ?").append(i);
    }
    // Sorted ids and FOR UPDATE: units of work on shared accounts queue instead of deadlocking.
    String sql =
        "select id, type, debits_pending, debits_posted, credits_pending, credits_posted"
            + " from ledger_account where id in ("
            + in
            + ") order by id for update";
    return Panache.getSession()
        .chain(
            s -> {
              var query = s.createNativeQuery(sql, Object[].class);
              for (int i = 0; i < sorted.size(); i++) {
                query.setParameter(i + 1, sorted.get(i));
              }
              return query.getResultList();
            })
        .map(
            rows ->
                rows.stream()
                    .map(
                        r ->
                            new Account(
                                (String) r[0],
                                AccountType.valueOf((String) r[1]),
                                ((Number) r[2]).longValue(),
                                ((Number) r[3]).longValue(),
                                ((Number) r[4]).longValue(),
                                ((Number) r[5]).longValue()))
                    .toList());
  }

  /**
   * The posted debit-side balance of {@code accountId} just before {@code before}, replayed from
   * its journal lines: what a debit-normal account (custody cash) held at that moment.
   */
  public Uni<Long> postedDebitBalanceBefore(String accountId, Instant before) {
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select cast(coalesce(sum(case when l.side = 'DEBIT' then l.amount_fen"
                            + " else -l.amount_fen end), 0) as bigint) from journal_line l"
                            + " join journal_entry e on e.id = l.entry_id where l.account_id = ?1"
                            + " and e.kind in ('POSTED', 'POST_PENDING') and e.at < ?2",
                        Long.class)
                    .setParameter(1, accountId)
                    .setParameter(2, before)
                    .getSingleResult());
  }

  /** The order's lesson reservations not yet posted or voided, lesson 1 first. */
  public Uni<List<JournalEntry>> unresolvedReservations(UUID orderId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createSelectionQuery(
                        "from JournalEntryRow e where e.orderId = :order and e.kind = :pending"
                            + " and not exists (select 1 from JournalEntryRow r"
                            + " where r.pendingId = e.id) order by e.lessonNo",
                        JournalEntryRow.class)
                    .setParameter("order", orderId)
                    .setParameter("pending", EntryKind.PENDING)
                    .getResultList()
                    .chain(entries -> withLines(s, entries)));
  }

  /** Every entry of an order with its lines, in the order they were written (for auditors). */
  public Uni<List<JournalEntry>> entriesOf(UUID orderId) {
    return Panache.getSession()
        .chain(
            s ->
                s.createSelectionQuery(
                        "from JournalEntryRow e where e.orderId = :order order by e.seq",
                        JournalEntryRow.class)
                    .setParameter("order", orderId)
                    .getResultList()
                    .chain(entries -> withLines(s, entries)));
  }

  private static Uni<List<JournalEntry>> withLines(
      Mutiny.Session s, List<JournalEntryRow> entries) {
    if (entries.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<UUID> ids = entries.stream().map(JournalEntryRow::id).toList();
    return s.createSelectionQuery(
            "from JournalLineRow l where l.entryId in :ids", JournalLineRow.class)
        .setParameter("ids", ids)
        .getResultList()
        .map(lines -> assemble(entries, lines));
  }

  private static List<JournalEntry> assemble(
      List<JournalEntryRow> entries, List<JournalLineRow> lines) {
    Map<UUID, List<JournalLineRow>> byEntry =
        lines.stream().collect(Collectors.groupingBy(JournalLineRow::entryId));
    return entries.stream()
        .map(
            e ->
                e.toEntry(
                    byEntry.get(e.id()).stream()
                        .sorted(Comparator.comparingInt(JournalLineRow::lineNo))
                        .map(JournalLineRow::toLine)
                        .toList()))
        .toList();
  }

  /** Persists what the unit of work appended: account deltas first, then entries and lines. */
  public Uni<Void> save(Ledger ledger) {
    List<JournalEntry> entries = ledger.appended();
    if (entries.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Collection<Account> deltas = Ledger.replay(entries).values();
    List<Object> rows = new ArrayList<>();
    for (JournalEntry entry : entries) {
      rows.add(JournalEntryRow.of(entry));
    }
    for (JournalEntry entry : entries) {
      int n = 0;
      for (EntryLine line : entry.lines()) {
        rows.add(JournalLineRow.of(entry.id(), ++n, line));
      }
    }
    return Panache.getSession()
        .chain(
            s ->
                OneAtATime.each(deltas, d -> addDelta(s, d))
                    .chain(() -> s.persistAll(rows.toArray()))
                    .chain(s::flush));
  }

  private static Uni<Void> addDelta(Mutiny.Session s, Account d) {
    return s.createNativeQuery(ENSURE)
        .setParameter(1, d.id())
        .setParameter(2, d.type().name())
        .setParameter(3, d.type().normal().name())
        .executeUpdate()
        .chain(
            () ->
                s.createNativeQuery(INCREMENT)
                    .setParameter(1, d.id())
                    .setParameter(2, d.debitsPending())
                    .setParameter(3, d.debitsPosted())
                    .setParameter(4, d.creditsPending())
                    .setParameter(5, d.creditsPosted())
                    .executeUpdate())
        .replaceWithVoid();
  }
}
