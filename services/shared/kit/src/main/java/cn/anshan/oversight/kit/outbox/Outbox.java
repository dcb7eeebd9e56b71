package cn.anshan.oversight.kit.outbox;

import cn.anshan.oversight.kit.db.OneAtATime;
import cn.anshan.oversight.kit.db.SessionSql;
import cn.anshan.oversight.kit.events.Aggregate;
import cn.anshan.oversight.kit.events.CloudEventEnvelope;
import cn.anshan.oversight.kit.events.CommandContext;
import cn.anshan.oversight.kit.events.Decision;
import cn.anshan.oversight.kit.events.DomainEvent;
import cn.anshan.oversight.kit.events.EventSettings;
import cn.anshan.oversight.kit.time.OversightClock;
import cn.anshan.oversight.kit.tracing.TraceParent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes events into the outbox inside the caller's reactive transaction, so the state change and
 * its event commit or roll back together (DESIGN §1). Must be called from within
 * {@code @WithTransaction}.
 */
@ApplicationScoped
public class Outbox {
  // No counter here: the relay numbers committed rows when it publishes them (OutboxPublisher), so
  // commands on different aggregates never wait for each other. The envelope keeps its placeholder
  // "sequence":0 until then; the column is json (not jsonb) so attributes keep the CloudEvents
  // order.
  private static final String INSERT =
      "insert into outbox_event (id, aggregatetype, aggregateid, type, aggregate_version, topic,"
          + " payload) values ($1, $2, $3, $4, $5, $6, cast($7::text as json))";

  private final ObjectMapper mapper;
  private final EventSettings settings;
  private final OversightClock clock;

  public Outbox(ObjectMapper mapper, EventSettings settings, OversightClock clock) {
    this.mapper = mapper;
    this.settings = settings;
    this.clock = clock;
  }

  public Uni<Void> append(CommandContext context, DomainEvent event) {
    return SessionSql.update(INSERT, row(context, event)).replaceWithVoid();
  }

  /**
   * A decision that created its aggregate: the events are numbered first, so {@code insert} writes
   * the row once with its version, then appended in order. Returns the inserted aggregate.
   */
  public <A extends Aggregate> Uni<A> appendNew(
      CommandContext context, Decision<A> decision, Function<A, Uni<A>> insert) {
    List<DomainEvent> events = decision.numbered();
    return insert
        .apply(decision.aggregate())
        .call(() -> OneAtATime.each(events, event -> append(context, event)));
  }

  /**
   * One event per item, appended one after the other on the session ({@link OneAtATime}); {@code
   * eventOf} may change the item before naming its event. Returns how many were appended.
   */
  public <T> Uni<Integer> appendEach(
      CommandContext context, Collection<T> items, Function<T, DomainEvent> eventOf) {
    return OneAtATime.sum(items, item -> append(context, eventOf.apply(item)).replaceWith(1));
  }

  /**
   * The same row written on a Vert.x SQL connection, inside its transaction, for a service whose
   * own writes do not go through Hibernate (audit).
   */
  public Uni<Void> append(SqlClient connection, CommandContext context, DomainEvent event) {
    return connection
        .preparedQuery(INSERT)
        .execute(Tuple.from(Arrays.asList(row(context, event))))
        .replaceWithVoid();
  }

  private Object[] row(CommandContext context, DomainEvent event) {
    UUID id = UUID.randomUUID();
    String payload =
        CloudEventEnvelope.build(
            mapper, settings, id, clock.now(), context, TraceParent.current(), event);
    return new Object[] {
      id,
      event.aggregateType(),
      event.aggregateId(),
      settings.typeOf(event.name()),
      event.aggregateVersion(),
      settings.topic(),
      payload
    };
  }
}
