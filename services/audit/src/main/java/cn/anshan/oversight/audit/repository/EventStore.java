package cn.anshan.oversight.audit.repository;

import cn.anshan.oversight.audit.config.AuditSettings;
import cn.anshan.oversight.audit.domain.ReceivedEvent;
import cn.anshan.oversight.kit.time.OversightClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The append-only store (issue 7 capability 1, PLT-11). One transaction per batch of records: it
 * switches to the ingest role (SELECT and INSERT only on the raw table), skips event ids already
 * stored (the raw table is the dedupe), extends the hash chain of each entity and of each partition
 * under a lock on just those chain heads, and derives the timeline rows. A re-delivered event
 * changes nothing.
 */
@ApplicationScoped
public class EventStore {
  /** A Kafka record as received. */
  public record Incoming(String topic, int partition, long offset, String value) {}

  public record Result(int stored, int duplicates, int rejected) {}

  record Parsed(Incoming record, ReceivedEvent event) {}

  private static final String EXISTING =
      "select event_id, event_hash from audit_event where event_id = any($1)";

  private static final String REJECT =
      "insert into rejected_record (topic, kafka_partition, kafka_offset, reason, value)"
          + " values ($1, $2, $3, $4, $5) on conflict do nothing";

  private final Pool pool;
  private final ObjectMapper mapper;
  private final OversightClock clock;
  private final String role;

  /**
   * Whether the ingest role can be assumed, once the database has answered; never a failure, so a
   * database away at the first batch cannot wedge every later one (the chaos run found that).
   */
  private volatile Boolean roleUsable;

  @Inject
  public EventStore(Pool pool, ObjectMapper mapper, OversightClock clock, AuditSettings settings) {
    this(pool, mapper, clock, settings.ingest().role());
  }

  public EventStore(Pool pool, ObjectMapper mapper, OversightClock clock, String role) {
    if (!role.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a role name: " + role);
    }
    this.pool = pool;
    this.mapper = mapper;
    this.clock = clock;
    this.role = role;
  }

  /** One poll's records: the first of each event id, its repeats, and those set aside. */
  private record Batch(
      Map<UUID, Parsed> unique, List<Parsed> repeats, List<Tuple> rejected, int duplicates) {}

  public Uni<Result> ingest(List<Incoming> records) {
    Batch batch = read(records);
    return roleUsable().chain(usable -> pool.withTransaction(conn -> ingest(conn, usable, batch)));
  }

  private Batch read(List<Incoming> records) {
    Map<UUID, Parsed> unique = new LinkedHashMap<>();
    List<Parsed> repeats = new ArrayList<>();
    List<Tuple> rejected = new ArrayList<>();
    for (Incoming record : records) {
      try {
        ReceivedEvent event = ReceivedEvent.parse(mapper, record.value());
        Parsed parsed = new Parsed(record, event);
        if (unique.putIfAbsent(event.id(), parsed) != null) {
          repeats.add(parsed);
        }
      } catch (ReceivedEvent.Rejected e) {
        rejected.add(IdConflicts.rejected(record, e.getMessage()));
      }
    }
    return new Batch(unique, repeats, rejected, repeats.size());
  }

  private Uni<Result> ingest(SqlConnection conn, boolean usable, Batch batch) {
    Uni<Void> asIngestRole =
        usable
            ? conn.query("set local role " + role).execute().replaceWithVoid()
            : Uni.createFrom().voidItem();
    return asIngestRole
        .chain(() -> existing(conn, batch.unique().keySet()))
        .call(
            existing ->
                rejectAll(
                    conn,
                    IdConflicts.withConflicts(
                        batch.rejected(), batch.unique(), batch.repeats(), existing)))
        .chain(existing -> storeFresh(conn, batch, existing));
  }

  private Uni<Result> storeFresh(SqlConnection conn, Batch batch, Map<UUID, String> existing) {
    List<Parsed> fresh =
        batch.unique().values().stream()
            .filter(p -> !existing.containsKey(p.event().id()))
            .toList();
    int skipped = batch.duplicates() + batch.unique().size() - fresh.size();
    Result result = new Result(fresh.size(), skipped, batch.rejected().size());
    if (fresh.isEmpty()) {
      return Uni.createFrom().item(result);
    }
    return HashChains.append(conn, fresh, clock).replaceWith(result);
  }

  private Uni<Boolean> roleUsable() {
    Boolean known = roleUsable;
    if (known != null) {
      return Uni.createFrom().item(known);
    }
    return pool.preparedQuery(
            "select exists (select 1 from pg_roles r where r.rolname = $1"
                + " and pg_has_role(current_user, r.oid, 'MEMBER'))")
        .execute(Tuple.of(role))
        .map(rows -> rows.iterator().next().getBoolean(0))
        .invoke(
            usable -> {
              roleUsable = usable;
              if (!usable) {
                Logger.getLogger(EventStore.class)
                    .warnf(
                        "database role %s is missing or not granted to the service; ingest runs"
                            + " as the owner (the append-only trigger still refuses"
                            + " UPDATE/DELETE). Create it: CREATE ROLE %s NOLOGIN; GRANT %s TO"
                            + " <owner>; then restart.",
                        role, role, role);
              }
            });
  }

  private Uni<Void> rejectAll(SqlConnection conn, List<Tuple> rejected) {
    if (rejected.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return conn.preparedQuery(REJECT).executeBatch(rejected).replaceWithVoid();
  }

  /** The stored events among these ids: id → hash of the stored record. */
  private Uni<Map<UUID, String>> existing(SqlConnection conn, Set<UUID> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return conn.preparedQuery(EXISTING)
        .execute(Tuple.of(ids.toArray(new UUID[0])))
        .map(
            rows -> {
              Map<UUID, String> found = new HashMap<>();
              for (Row row : rows) {
                found.put(row.getUUID(0), row.getString(1));
              }
              return found;
            });
  }
}
