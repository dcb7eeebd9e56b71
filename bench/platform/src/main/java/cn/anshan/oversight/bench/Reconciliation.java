package cn.anshan.oversight.bench;

import cn.anshan.oversight.bench.ChaosLoad.Command;
import cn.anshan.oversight.bench.ChaosLoad.Kind;
import cn.anshan.oversight.bench.ChaosLoad.Outcome;
import cn.anshan.oversight.bench.Platform.Service;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the chaos run checks afterwards, from the databases and the audit store (PostgreSQL's
 * superuser, read only): every acknowledged command has its effect exactly once and its event in
 * audit exactly once; no effect of the run without a command; every producer's {@code sequence} in
 * audit is 1..n without a gap or a repeat, every aggregate's {@code aggregateversion} too; nothing
 * parked or quarantined; the escrow ledger balances.
 */
final class Reconciliation {

  /** The outcome; {@link #line()} is what the run prints last. */
  record Verdict(
      long acked, long lost, long duplicated, List<String> problems, List<String> notes) {
    boolean ok() {
      return lost == 0 && duplicated == 0 && problems.isEmpty();
    }

    String line() {
      return "acked %d, lost %d, duplicated %d, %s"
          .formatted(
              acked,
              lost,
              duplicated,
              problems.isEmpty()
                  ? "invariants ok"
                  : "invariants BROKEN (" + problems.size() + " problems)");
    }
  }

  private static final Duration QUIET_LIMIT = Duration.ofMinutes(3);
  private static final List<Service> PRODUCERS =
      List.of(Service.REGISTRY, Service.ESCROW, Service.ENROLMENT, Service.FEE, Service.AUDIT);

  private final Platform platform;
  private final List<String> problems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private long lost;
  private long duplicated;

  Reconciliation(Platform platform) {
    this.platform = platform;
  }

  Verdict check(List<Command> journal, World world, Instant loadStart) throws Exception {
    Map<Service, Long> quiet = awaitQuiet();
    try (Connection audit = platform.connectAsOwner(Service.AUDIT.database)) {
      for (Service s : PRODUCERS) {
        try (Connection db = platform.connectAsOwner(s.database)) {
          eventStream(s, quiet.get(s), audit);
          leftovers(s, db);
        }
      }
      try (Connection escrow = platform.connectAsOwner(Service.ESCROW.database);
          Connection enrolment = platform.connectAsOwner(Service.ENROLMENT.database);
          Connection registry = platform.connectAsOwner(Service.REGISTRY.database)) {
        Map<Kind, Connection> owners = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
          owners.put(
              k,
              switch (k) {
                case REGISTER_CHILD -> enrolment;
                case FILE_COMPLAINT -> registry;
                default -> escrow;
              });
        }
        for (Command c : journal) {
          if (c.outcome() == Outcome.ACKED) {
            exactlyOnce(c, owners.get(c.kind()), audit);
          }
        }
        List<String> families = world.parents.stream().map(world::subject).toList();
        // the world's own orders and lessons (a probe per course) are made just before
        Timestamp since = Timestamp.from(loadStart);
        withoutCommand(
            journal,
            Kind.PLACE_ORDER,
            escrow,
            "select id::text from prepay_order where family_id = any(?) and placed_at >= ?",
            families,
            since);
        withoutCommand(
            journal,
            Kind.REQUEST_LESSON,
            escrow,
            "select id::text from consumption where family_id = any(?) and requested_at >= ?",
            families,
            since);
        withoutCommand(
            journal,
            Kind.REGISTER_CHILD,
            enrolment,
            "select id::text from child where guardian_sub = any(?) and registered_at >= ?",
            families,
            since);
        withoutCommand(
            journal,
            Kind.FILE_COMPLAINT,
            registry,
            "select id::text from complaint where filed_by = any(?) and filed_at >= ?",
            families,
            since);
        ledger(escrow);
      }
    }
    long acked = journal.stream().filter(c -> c.outcome() == Outcome.ACKED).count();
    return new Verdict(acked, lost, duplicated, List.copyOf(problems), List.copyOf(notes));
  }

  /**
   * Waits until no service has an unpublished outbox row and audit holds every sequence 1..last of
   * every producer: what is missing after that is lost, not late. Returns each producer's last
   * sequence at that moment; the checks stop there, because the platform goes on numbering (relay
   * heartbeats, audit's checkpoints) and an event numbered a moment after the wait is late, not
   * lost (a CI run once counted such a heartbeat as lost).
   */
  private Map<Service, Long> awaitQuiet() throws Exception {
    long deadline = System.nanoTime() + QUIET_LIMIT.toNanos();
    while (true) {
      Map<Service, Long> lasts = new EnumMap<>(Service.class);
      List<String> waiting = new ArrayList<>();
      try (Connection audit = platform.connectAsOwner(Service.AUDIT.database)) {
        for (Service s : PRODUCERS) {
          try (Connection db = platform.connectAsOwner(s.database)) {
            long backlog =
                single(
                    db,
                    "select count(*) from outbox_unpublished where quarantined_at is null",
                    List.of());
            long last = single(db, "select value from outbox_sequence", List.of());
            lasts.put(s, last);
            // distinct sequences up to last, not the highest: audit consumes partitions
            // independently, so after a rebalance it can hold the last sequence while a lagging
            // partition still owes earlier ones (a chaos run once reported those as lost while
            // they were late); bounded by last, since a later one may already be stored
            long stored =
                single(
                    audit,
                    "select count(distinct sequence) from audit_event where source = ?"
                        + " and sequence between 1 and ?",
                    List.of(source(s), last));
            if (backlog > 0 || stored < last) {
              waiting.add(
                  "%s (unpublished %d, audit holds %d of %d)"
                      .formatted(s.name, backlog, stored, last));
            }
          }
        }
      }
      if (waiting.isEmpty()) {
        return lasts;
      }
      if (System.nanoTime() > deadline) {
        notes.add("not quiet after " + QUIET_LIMIT + ": " + String.join(", ", waiting));
        return lasts;
      }
      Thread.sleep(1_000);
    }
  }

  /**
   * 1..last per producer in audit, each once ({@code last} as the quiet wait saw it); every
   * aggregate's versions without a gap or repeat.
   */
  private void eventStream(Service s, long last, Connection audit) throws SQLException {
    TreeSet<Long> seen = new TreeSet<>();
    long repeats = 0;
    try (PreparedStatement ps =
        audit.prepareStatement(
            "select sequence from audit_event where source = ? and sequence is not null")) {
      ps.setString(1, source(s));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!seen.add(rs.getLong(1))) {
            repeats++;
          }
        }
      }
    }
    long missing = 0;
    for (long n = 1; n <= last; n++) {
      if (!seen.contains(n)) {
        missing++;
      }
    }
    if (missing > 0 || repeats > 0) {
      problems.add(
          "%s: %d of sequence 1..%d missing in audit, %d stored twice"
              .formatted(s.name, missing, last, repeats));
      lost += missing;
      duplicated += repeats;
    }
    long broken =
        single(
            audit,
            """
            select count(*) from (
              select 1 from audit_event where source = ?
               group by aggregate_type, aggregate_id
              having count(*) <> count(distinct aggregate_version)
                  or max(aggregate_version) - min(aggregate_version) + 1 <> count(*)) b""",
            List.of(source(s)));
    if (broken > 0) {
      problems.add(
          "%s: %d aggregates with a gap or repeat in aggregateversion".formatted(s.name, broken));
    }
    notes.add(
        "%s: %d events, sequence 1..%d complete in audit".formatted(s.name, seen.size(), last));
  }

  /** Nothing parked by a consumer, nothing quarantined by the relay. */
  private void leftovers(Service s, Connection db) throws SQLException {
    long parked =
        single(db, "select count(*) from parked_event where replayed_at is null", List.of());
    long quarantined =
        single(
            db,
            "select count(*) from outbox_event where quarantined_at is not null and sent_at is null",
            List.of());
    if (parked > 0) {
      problems.add("%s: %d parked records".formatted(s.name, parked));
    }
    if (quarantined > 0) {
      problems.add("%s: %d quarantined outbox rows".formatted(s.name, quarantined));
    }
  }

  private void exactlyOnce(Command c, Connection owner, Connection audit) throws SQLException {
    String effect;
    String event;
    List<Object> args;
    switch (c.kind()) {
      case PLACE_ORDER -> {
        effect = "select count(*) from prepay_order where id = ?::uuid";
        args = List.of(c.id());
        event = "OrderPlaced.v1";
      }
      case REPORT_PAYMENT -> {
        effect = "select count(*) from prepay_order where id = ?::uuid and bank_ref = ?";
        args = List.of(c.order(), c.reference());
        event = "PaymentReceivedIntoEscrow.v1";
      }
      case REQUEST_LESSON -> {
        effect = "select count(*) from consumption where id = ?::uuid";
        args = List.of(c.id());
        event = "ConsumptionRequested.v1";
      }
      case CONFIRM_LESSON -> {
        effect =
            "select count(*) from consumption where id = ?::uuid and resolved_at is not null"
                + " and released_fen > 0";
        args = List.of(c.id());
        event = "ConsumptionConfirmed.v1";
      }
      case REGISTER_CHILD -> {
        effect = "select count(*) from child where id = ?::uuid";
        args = List.of(c.id());
        event = "ChildRegistered.v1";
      }
      case FILE_COMPLAINT -> {
        effect = "select count(*) from complaint where id = ?::uuid";
        args = List.of(c.id());
        event = "ComplaintFiled.v1";
      }
      default -> throw new IllegalStateException(c.kind().name());
    }
    long effects = c.id() == null ? 0 : single(owner, effect, args);
    long events = c.id() == null ? 0 : eventsInAudit(audit, c, event);
    if (effects != 1 || events != 1) {
      problems.add(
          "%s %s acknowledged (%d): %d effects, %d %s events in audit"
              .formatted(c.kind(), c.id(), c.status(), effects, events, event));
      if (effects == 0 || events == 0) {
        lost++;
      }
      if (effects > 1 || events > 1) {
        duplicated++;
      }
    }
  }

  /**
   * Escrow's events belong to the order; a lesson's events name the consumption in their data.
   * Enrolment's and the registry's belong to the child or complaint itself.
   */
  private static long eventsInAudit(Connection audit, Command c, String event) throws SQLException {
    String aggregate = c.order() != null ? c.order() : c.id();
    String sql = "select count(*) from audit_event where aggregate_id = ? and type like ?";
    if (aggregate.equals(c.id())) {
      return single(audit, sql, List.of(aggregate, "%." + event));
    }
    return single(
        audit, sql + " and position(? in payload) > 0", List.of(aggregate, "%." + event, c.id()));
  }

  /**
   * Effects of the run's families that no acknowledged command explains. A command whose answer
   * never came may have taken effect; only more than those is a problem.
   */
  private void withoutCommand(
      List<Command> journal,
      Kind kind,
      Connection db,
      String sql,
      List<String> families,
      Timestamp since)
      throws SQLException {
    Set<String> acked = new HashSet<>();
    long unresolved = 0;
    for (Command c : journal) {
      if (c.kind() == kind && c.outcome() == Outcome.ACKED && c.id() != null) {
        acked.add(c.id());
      } else if (c.kind() == kind && c.outcome() == Outcome.UNRESOLVED) {
        unresolved++;
      }
    }
    long extra = 0;
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      ps.setArray(1, db.createArrayOf("text", families.toArray()));
      ps.setTimestamp(2, since);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!acked.contains(rs.getString(1))) {
            extra++;
          }
        }
      }
    }
    if (extra > unresolved) {
      problems.add(
          "%s: %d effects without an acknowledged command (%d commands unresolved)"
              .formatted(kind, extra, unresolved));
      duplicated += extra - unresolved;
    } else if (extra > 0) {
      notes.add(
          "%s: %d effects of the %d commands whose answer never came"
              .formatted(kind, extra, unresolved));
    }
  }

  /** REL-01/REL-13: every entry balances, no account below zero, released ≤ paid per order. */
  private void ledger(Connection escrow) throws SQLException {
    expectNone(
        escrow,
        "journal entries whose debits and credits differ",
        """
        select count(*) from (select entry_id from journal_line group by entry_id
          having sum(case side when 'DEBIT' then amount_fen else -amount_fen end) <> 0) e""");
    expectNone(
        escrow,
        "the postings of the whole ledger do not sum to zero",
        """
        select count(*) from (select sum(case side when 'DEBIT' then amount_fen else -amount_fen end) s
          from journal_line) t where s <> 0""");
    expectNone(
        escrow,
        "accounts below zero on their normal side",
        """
        select count(*) from ledger_account where case normal_side
          when 'DEBIT' then credits_posted + credits_pending > debits_posted
          else debits_posted + debits_pending > credits_posted end""");
    expectNone(
        escrow,
        "orders that released or refunded more than was paid",
        """
        select count(*) from prepay_order
         where released_fen + refunded_fen > case when paid_at is null then 0 else amount_fen end""");
    expectNone(
        escrow,
        "orders whose released amount differs from their released lessons",
        """
        select count(*) from prepay_order o
         where o.released_fen <> coalesce((select sum(c.released_fen) from consumption c
                                           where c.order_id = o.id), 0)""");
    notes.add(
        "escrow ledger: %d entries, %d lines checked"
            .formatted(
                single(escrow, "select count(*) from journal_entry", List.of()),
                single(escrow, "select count(*) from journal_line", List.of())));
  }

  private void expectNone(Connection db, String what, String sql) throws SQLException {
    long n = single(db, sql, List.of());
    if (n > 0) {
      problems.add("escrow ledger: " + n + " " + what);
    }
  }

  private static String source(Service s) {
    return "/oversight/" + s.name;
  }

  private static long single(Connection db, String sql, List<?> args) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
