package cn.anshan.oversight.escrow.service;

import cn.anshan.oversight.escrow.config.EscrowSettings;
import cn.anshan.oversight.escrow.domain.ledger.Account;
import cn.anshan.oversight.escrow.domain.ledger.AccountType;
import cn.anshan.oversight.escrow.domain.ledger.EntryKind;
import cn.anshan.oversight.escrow.domain.ledger.JournalEntry;
import cn.anshan.oversight.escrow.domain.ledger.Ledger;
import cn.anshan.oversight.escrow.repository.LedgerRepository;
import cn.anshan.oversight.escrow.repository.OrderRepository;
import cn.anshan.oversight.escrow.service.Views.OrderPage;
import cn.anshan.oversight.escrow.service.Views.OrderView;
import cn.anshan.oversight.kit.http.Keyset;
import cn.anshan.oversight.kit.http.Page;
import cn.anshan.oversight.kit.security.Actor;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Reading orders and their journal, each for whoever may see the order ({@link Access}). */
@ApplicationScoped
public class OrderQueries {
  private final OrderRepository orders;
  private final LedgerRepository ledgerEntries;
  private final EscrowSettings settings;

  public OrderQueries(
      OrderRepository orders, LedgerRepository ledgerEntries, EscrowSettings settings) {
    this.orders = orders;
    this.ledgerEntries = ledgerEntries;
    this.settings = settings;
  }

  @WithSession
  public Uni<OrderView> get(Actor actor, UUID orderId) {
    return orders.findById(orderId).map(o -> OrderView.of(Access.visible(actor, o, orderId)));
  }

  /** The caller's orders, oldest first (keyset pagination). */
  @WithSession
  public Uni<OrderPage> list(Actor actor, String cursor, Integer limit) {
    int size = Keyset.pageSize(limit, 20, settings.maxPageSize());
    Keyset.Position after = Keyset.after(cursor);
    return orders
        .page(Access.scope(actor), after.instant(), Page.afterId(after), size + 1)
        .map(
            found -> {
              List<OrderView> items = found.stream().limit(size).map(OrderView::of).toList();
              String next =
                  found.size() > size
                      ? Keyset.cursor(
                          items.get(size - 1).placedAt(), items.get(size - 1).orderId().toString())
                      : null;
              return new OrderPage(items, next);
            });
  }

  /**
   * The order's journal entries (immutable, in writing order) with what they add up to, for whoever
   * may see the order: parents their own, operators their institution, regulators their district,
   * auditors all.
   */
  @WithSession
  public Uni<Views.OrderLedgerView> ledger(Actor actor, UUID orderId) {
    return orders
        .findById(orderId)
        .chain(
            o -> {
              Access.visible(actor, o, orderId);
              return ledgerEntries.entriesOf(orderId);
            })
        .map(
            entries -> {
              Account family = Ledger.replay(entries).get(AccountType.FAMILY_ESCROW.idFor(orderId));
              long reserved = sum(entries, EntryKind.PENDING);
              long released = sum(entries, EntryKind.POST_PENDING);
              long returned = sum(entries, EntryKind.VOID_PENDING);
              int open =
                  (int)
                      (entries.stream().filter(e -> e.kind() == EntryKind.PENDING).count()
                          - entries.stream().filter(e -> e.pendingId() != null).count());
              return new Views.OrderLedgerView(
                  orderId,
                  entries.stream().map(OrderQueries::entryView).toList(),
                  family == null ? 0 : family.balance(),
                  reserved,
                  released,
                  returned,
                  open);
            });
  }

  private static long sum(List<JournalEntry> entries, EntryKind kind) {
    return entries.stream().filter(e -> e.kind() == kind).mapToLong(JournalEntry::amountFen).sum();
  }

  private static Views.LedgerEntryView entryView(JournalEntry e) {
    return new Views.LedgerEntryView(
        e.id(),
        e.kind().name(),
        e.code().name(),
        e.pendingId(),
        e.lessonNo(),
        e.reference(),
        e.at(),
        e.amountFen(),
        e.lines().stream()
            .map(l -> new Views.LedgerLineView(l.accountId(), l.side().name(), l.amountFen()))
            .toList());
  }
}
