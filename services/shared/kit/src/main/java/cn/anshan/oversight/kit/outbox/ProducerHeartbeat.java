package cn.anshan.oversight.kit.outbox;

import cn.anshan.oversight.kit.events.CloudEventEnvelope;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.EventSettings;
import cn.anshan.oversight.kit.security.Actor;
import cn.anshan.oversight.kit.time.OversightClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The leader's periodic {@code ProducerHeartbeat.v1} (PLT-11, issue 16 item 6). Audit can only see
 * a missing event when a later one arrives; without this, events lost at the very end of a quiet
 * stream would never be noticed. The heartbeat goes through the outbox and takes the next {@code
 * sequence} like any event, so a loss before it shows as a gap once it arrives.
 */
@ApplicationScoped
public class ProducerHeartbeat {
  static final String AGGREGATE_TYPE = "Producer";
  static final String EVENT = "ProducerHeartbeat.v1";

  private static final String NEXT_BEAT =
      "update outbox_sequence set heartbeats = heartbeats + 1 where singleton returning heartbeats";
  private static final String INSERT =
      "insert into outbox_event (id, aggregatetype, aggregateid, type, aggregate_version, topic,"
          + " payload) values (?, ?, ?, ?, ?, ?, cast(? as json))";

  /** The event's data: who beats and how often, so a reader knows when the next one is due. */
  record Beat(String producer, long intervalSeconds) {}

  private final ObjectMapper mapper;
  private final EventSettings events;
  private final RelaySettings settings;
  private final OversightClock clock;

  public ProducerHeartbeat(
      ObjectMapper mapper, EventSettings events, RelaySettings settings, OversightClock clock) {
    this.mapper = mapper;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
  }

  /** Writes one heartbeat into the outbox in a transaction of its own; returns its version. */
  public long beat(Connection c) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      long version;
      try (PreparedStatement ps = c.prepareStatement(NEXT_BEAT);
          ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("outbox_sequence has no counter row");
        }
        version = rs.getLong(1);
      }
      UUID id = UUID.randomUUID();
      DomainEvent event =
          new DomainEvent(
              AGGREGATE_TYPE,
              events.service(),
              version,
              EVENT,
              null,
              new Beat(events.service(), settings.heartbeat().interval().toSeconds()));
      CommandContext context =
          new CommandContext(
              Actor.system(events.service()),
              "heartbeat-" + events.service(),
              "heartbeat-" + events.service() + "-" + version);
      String payload =
          CloudEventEnvelope.build(mapper, events, id, clock.now(), context, event).toString();
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        ps.setObject(1, id);
        ps.setString(2, AGGREGATE_TYPE);
        ps.setString(3, events.service());
        ps.setString(4, events.typeOf(EVENT));
        ps.setLong(5, version);
        ps.setString(6, events.topic());
        ps.setString(7, payload);
        ps.executeUpdate();
      }
      c.commit();
      return version;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }
}
