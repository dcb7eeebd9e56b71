package cn.anshan.oversight.kit.outbox;

import cn.anshan.oversight.kit.events.CloudEventEnvelope;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.EventSettings;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.tracing.TraceParent;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The relay leader's own events, on aggregate {@code Producer/<service>} (one version per event):
 *
 * <ul>
 *   <li>{@code ProducerHeartbeat.v1}, periodically (PLT-11, issue 16 item 6). Audit can only see a
 *       missing event when a later one arrives; without this, events lost at the very end of a
 *       quiet stream would never be noticed. It takes the next {@code sequence} like any event, so
 *       a loss before it shows as a gap once it arrives.
 *   <li>{@code OutboxEventQuarantined.v1}, when a row is quarantined (issue 15 item 4): the alert
 *       that the stream now has a hole an operator must look at, written in the transaction that
 *       quarantines the row. It names the row, never its payload (which may name a child).
 * </ul>
 */
@ApplicationScoped
public class ProducerEvents {
  static final String AGGREGATE_TYPE = "Producer";
  static final String HEARTBEAT = "ProducerHeartbeat.v1";
  static final String QUARANTINED = "OutboxEventQuarantined.v1";

  private static final String NEXT_VERSION =
      "update outbox_sequence set heartbeats = heartbeats + 1 where singleton returning heartbeats";
  private static final String INSERT =
      "insert into outbox_event (id, aggregatetype, aggregateid, type, aggregate_version, topic,"
          + " payload) values (?, ?, ?, ?, ?, ?, cast(? as json))";
  private static final int ERROR_LIMIT = 500;

  /** The heartbeat's data: who beats and how often, so a reader knows when the next one is due. */
  record Beat(String producer, long intervalSeconds) {}

  /** The alert's data: which row, after how many attempts, and the broker's last refusal. */
  record Quarantine(
      String producer,
      UUID eventId,
      String eventType,
      String aggregate,
      long sequence,
      int attempts,
      String lastError) {}

  private final ObjectMapper mapper;
  private final EventSettings events;
  private final RelaySettings settings;
  private final OversightClock clock;

  public ProducerEvents(
      ObjectMapper mapper, EventSettings events, RelaySettings settings, OversightClock clock) {
    this.mapper = mapper;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  /** Writes one heartbeat into the outbox in a transaction of its own; returns its version. */
  public long beat(Connection c) throws SQLException {
    return OutboxNumbering.inTransaction(
        c,
        () ->
            write(
                c,
                HEARTBEAT,
                new Beat(events.service(), settings.heartbeat().interval().toSeconds()),
                "heartbeat"));
  }

  /**
   * Quarantines the rows refused {@code after} times, each with its {@code OutboxEventQuarantined}
   * alert, in one transaction: no hole in the stream without its alert.
   */
  List<OutboxNumbering.Quarantined> quarantineAnnounced(
      Connection c, Collection<UUID> refused, int after) throws SQLException {
    return OutboxNumbering.inTransaction(
        c,
        () -> {
          List<OutboxNumbering.Quarantined> set = OutboxNumbering.quarantine(c, refused, after);
          for (OutboxNumbering.Quarantined q : set) {
            quarantined(c, q, after);
          }
          return set;
        });
  }

  /** The alert for one quarantined row, in the caller's transaction. */
  private void quarantined(Connection c, OutboxNumbering.Quarantined q, int attempts)
      throws SQLException {
    String error = String.valueOf(q.error());
    write(
        c,
        QUARANTINED,
        new Quarantine(
            events.service(),
            q.id(),
            q.type(),
            q.aggregate(),
            q.sequence(),
            attempts,
            error.length() > ERROR_LIMIT ? error.substring(0, ERROR_LIMIT) : error),
        "quarantine");
  }

  private long write(Connection c, String event, Object data, String correlation)
      throws SQLException {
    long version;
    try (PreparedStatement ps = c.prepareStatement(NEXT_VERSION);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("outbox_sequence has no counter row");
      }
      version = rs.getLong(1);
    }
    UUID id = UUID.randomUUID();
    DomainEvent domainEvent =
        new DomainEvent(AGGREGATE_TYPE, events.service(), version, event, null, data);
    CommandContext context =
        new CommandContext(
            Actor.system(events.service()),
            correlation + "-" + events.service(),
            correlation + "-" + events.service() + "-" + version);
    String payload =
        CloudEventEnvelope.build(
            mapper, events, id, clock.now(), context, TraceParent.NONE, domainEvent);
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setObject(1, id);
      ps.setString(2, AGGREGATE_TYPE);
      ps.setString(3, events.service());
      ps.setString(4, events.typeOf(event));
      ps.setLong(5, version);
      ps.setString(6, events.topic());
      ps.setString(7, payload);
      ps.executeUpdate();
    }
    return version;
  }
}
