package cn.anshan.oversight.audit.repository;

import cn.anshan.oversight.audit.config.AuditSettings;
import cn.anshan.oversight.audit.domain.ChainHash;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

  private record Parsed(Incoming record, ReceivedEvent event) {}

  private record Head(long length, String hash) {}

  private static final String EXISTING =
      "select event_id, event_hash from audit_event where event_id = any($1)";

  /** How a record carrying a stored event's id with other content is set aside (rule PLT-11). */
  public static final String ID_CONFLICT = "EventIdConflict";

  private static final String LOCK_ENTITIES =
      "insert into entity_chain (aggregate_type, aggregate_id)"
          + " select * from unnest($1::text[], $2::text[])"
          + " on conflict (aggregate_type, aggregate_id) do update set length = entity_chain.length"
          + " returning aggregate_type, aggregate_id, length, head_hash";

  private static final String LOCK_PARTITIONS =
      "insert into partition_chain (topic, kafka_partition)"
          + " select * from unnest($1::text[], $2::int[])"
          + " on conflict (topic, kafka_partition) do update set length = partition_chain.length"
          + " returning topic, kafka_partition, length, head_hash";

  private static final String INSERT_EVENT =
      "insert into audit_event (event_id, topic, kafka_partition, kafka_offset, source, type,"
          + " subject, time, recorded_at, aggregate_type, aggregate_id, aggregate_version,"
          + " sequence, actor, actor_role, district, correlation_id, causation_id, rule_version,"
          + " payload, event_hash, entity_seq, entity_prev_hash, entity_hash, partition_seq,"
          + " partition_prev_hash, partition_hash) values ($1, $2, $3, $4, $5, $6, $7, $8, $9,"
          + " $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25,"
          + " $26, $27)";

  private static final String UPDATE_ENTITY =
      "update entity_chain set length = $3, head_hash = $4"
          + " where aggregate_type = $1 and aggregate_id = $2";

  private static final String UPDATE_PARTITION =
      "update partition_chain set length = $3, head_hash = $4,"
          + " last_offset = greatest(last_offset, $5) where topic = $1 and kafka_partition = $2";

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

  public Uni<Result> ingest(List<Incoming> batch) {
    Map<UUID, Parsed> unique = new LinkedHashMap<>();
    List<Parsed> repeats = new ArrayList<>();
    List<Tuple> rejected = new ArrayList<>();
    int duplicates = 0;
    for (Incoming record : batch) {
      try {
        ReceivedEvent event = ReceivedEvent.parse(mapper, record.value());
        Parsed parsed = new Parsed(record, event);
        if (unique.putIfAbsent(event.id(), parsed) != null) {
          duplicates++;
          repeats.add(parsed);
        }
      } catch (ReceivedEvent.Rejected e) {
        rejected.add(
            Tuple.of(
                record.topic(),
                record.partition(),
                record.offset(),
                e.getMessage(),
                record.value()));
      }
    }
    int inBatchDuplicates = duplicates;
    return roleUsable()
        .chain(
            usable ->
                pool.withTransaction(
                    conn ->
                        (usable
                                ? conn.query("set local role " + role).execute().replaceWithVoid()
                                : Uni.createFrom().voidItem())
                            .chain(() -> existing(conn, unique.keySet()))
                            .call(
                                existing ->
                                    rejectAll(
                                        conn, withConflicts(rejected, unique, repeats, existing)))
                            .chain(
                                existing -> {
                                  List<Parsed> fresh =
                                      unique.values().stream()
                                          .filter(p -> !existing.containsKey(p.event().id()))
                                          .toList();
                                  int skipped = inBatchDuplicates + unique.size() - fresh.size();
                                  if (fresh.isEmpty()) {
                                    return Uni.createFrom()
                                        .item(new Result(0, skipped, rejected.size()));
                                  }
                                  return store(conn, fresh)
                                      .replaceWith(
                                          new Result(fresh.size(), skipped, rejected.size()));
                                })));
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

  /**
   * A redelivery carries the very bytes that were stored (the outbox keeps the envelope); a record
   * with a stored event's id and other content is a forgery or a producer bug. The stored copy
   * stays; the other is set aside in rejected_record, where the compliance scan reports it.
   */
  private static List<Tuple> withConflicts(
      List<Tuple> rejected,
      Map<UUID, Parsed> unique,
      List<Parsed> repeats,
      Map<UUID, String> stored) {
    List<Tuple> all = new ArrayList<>(rejected);
    for (Parsed p : unique.values()) {
      String reference = stored.get(p.event().id());
      if (reference != null) {
        addIfConflicting(all, p, reference, "the stored event");
      }
    }
    for (Parsed p : repeats) {
      Parsed first = unique.get(p.event().id());
      String reference = stored.get(p.event().id());
      if (reference != null) {
        addIfConflicting(all, p, reference, "the stored event");
      } else if (!first.event().payload().equals(p.event().payload())) {
        addIfConflicting(
            all,
            p,
            ChainHash.eventHash(first.event().payload()),
            "the record stored from offset " + first.record().offset());
      }
    }
    return all;
  }

  /** The rejected_record reason of a conflict; {@link #conflictingEvent} reads it back. */
  static String conflictReason(UUID storedEvent, String reference) {
    return ID_CONFLICT + ": event " + storedEvent + " with other content than " + reference;
  }

  /** The stored event a conflict reason names. */
  static UUID conflictingEvent(String reason) {
    return UUID.fromString(reason.substring((ID_CONFLICT + ": event ").length()).split(" ", 2)[0]);
  }

  private static void addIfConflicting(
      List<Tuple> rejected, Parsed p, String referenceHash, String reference) {
    if (!referenceHash.equals(ChainHash.eventHash(p.event().payload()))) {
      rejected.add(
          Tuple.of(
              p.record().topic(),
              p.record().partition(),
              p.record().offset(),
              conflictReason(p.event().id(), reference),
              p.record().value()));
    }
  }

  private Uni<Void> store(SqlConnection conn, List<Parsed> fresh) {
    // Sorted keys: concurrent writers lock chain heads in the same order, so they cannot deadlock.
    TreeMap<String, String[]> entities = new TreeMap<>();
    TreeMap<String, Object[]> partitions = new TreeMap<>();
    for (Parsed p : fresh) {
      entities.put(
          entityKey(p.event().aggregateType(), p.event().aggregateId()),
          new String[] {p.event().aggregateType(), p.event().aggregateId()});
      partitions.put(
          partitionKey(p.record().topic(), p.record().partition()),
          new Object[] {p.record().topic(), p.record().partition()});
    }
    return lockEntities(conn, entities)
        .chain(
            entityHeads ->
                lockPartitions(conn, partitions)
                    .chain(partitionHeads -> append(conn, fresh, entityHeads, partitionHeads)));
  }

  private Uni<Map<String, Head>> lockEntities(SqlConnection conn, TreeMap<String, String[]> keys) {
    String[] types = keys.values().stream().map(k -> k[0]).toArray(String[]::new);
    String[] ids = keys.values().stream().map(k -> k[1]).toArray(String[]::new);
    return conn.preparedQuery(LOCK_ENTITIES)
        .execute(Tuple.of(types, ids))
        .map(
            rows -> {
              Map<String, Head> heads = new HashMap<>();
              for (Row row : rows) {
                heads.put(
                    entityKey(row.getString(0), row.getString(1)),
                    new Head(row.getLong(2), row.getString(3)));
              }
              return heads;
            });
  }

  private Uni<Map<String, Head>> lockPartitions(
      SqlConnection conn, TreeMap<String, Object[]> keys) {
    String[] topics = keys.values().stream().map(k -> (String) k[0]).toArray(String[]::new);
    Integer[] numbers = keys.values().stream().map(k -> (Integer) k[1]).toArray(Integer[]::new);
    return conn.preparedQuery(LOCK_PARTITIONS)
        .execute(Tuple.of(topics, numbers))
        .map(
            rows -> {
              Map<String, Head> heads = new HashMap<>();
              for (Row row : rows) {
                heads.put(
                    partitionKey(row.getString(0), row.getInteger(1)),
                    new Head(row.getLong(2), row.getString(3)));
              }
              return heads;
            });
  }

  private Uni<Void> append(
      SqlConnection conn,
      List<Parsed> fresh,
      Map<String, Head> entityHeads,
      Map<String, Head> partitionHeads) {
    Instant recordedAt = clock.now();
    OffsetDateTime recorded = recordedAt.atOffset(ZoneOffset.UTC);
    Map<String, Long> lastOffsets = new HashMap<>();
    List<Tuple> rows = new ArrayList<>(fresh.size());
    UUID[] ids = new UUID[fresh.size()];
    int i = 0;
    for (Parsed p : fresh) {
      ReceivedEvent e = p.event();
      Incoming r = p.record();
      String eventHash = ChainHash.eventHash(e.payload());
      String entity = entityKey(e.aggregateType(), e.aggregateId());
      Head entityHead = entityHeads.get(entity);
      String entityHash = ChainHash.entityLink(entityHead.hash(), eventHash, recordedAt);
      Head nextEntity = new Head(entityHead.length() + 1, entityHash);
      entityHeads.put(entity, nextEntity);
      String partition = partitionKey(r.topic(), r.partition());
      Head partitionHead = partitionHeads.get(partition);
      String partitionHash = ChainHash.partitionLink(partitionHead.hash(), eventHash, r.offset());
      Head nextPartition = new Head(partitionHead.length() + 1, partitionHash);
      partitionHeads.put(partition, nextPartition);
      lastOffsets.merge(partition, r.offset(), Math::max);
      rows.add(
          Tuple.from(
              Arrays.asList(
                  e.id(),
                  r.topic(),
                  r.partition(),
                  r.offset(),
                  e.source(),
                  e.type(),
                  e.subject(),
                  e.time().atOffset(ZoneOffset.UTC),
                  recorded,
                  e.aggregateType(),
                  e.aggregateId(),
                  e.aggregateVersion(),
                  e.sequence(),
                  e.actor(),
                  e.actorRole(),
                  e.district(),
                  e.correlationId(),
                  e.causationId(),
                  e.ruleVersion(),
                  e.payload(),
                  eventHash,
                  nextEntity.length(),
                  entityHead.hash(),
                  entityHash,
                  nextPartition.length(),
                  partitionHead.hash(),
                  partitionHash)));
      ids[i++] = e.id();
    }
    List<Tuple> entityUpdates = new ArrayList<>();
    entityHeads.forEach(
        (key, head) -> {
          String[] parts = splitKey(key);
          entityUpdates.add(Tuple.of(parts[0], parts[1], head.length(), head.hash()));
        });
    List<Tuple> partitionUpdates = new ArrayList<>();
    partitionHeads.forEach(
        (key, head) -> {
          String[] parts = splitKey(key);
          partitionUpdates.add(
              Tuple.of(
                  parts[0],
                  Integer.parseInt(parts[1]),
                  head.length(),
                  head.hash(),
                  lastOffsets.getOrDefault(key, -1L)));
        });
    return conn.preparedQuery(INSERT_EVENT)
        .executeBatch(rows)
        .chain(() -> conn.preparedQuery(UPDATE_ENTITY).executeBatch(entityUpdates))
        .chain(() -> conn.preparedQuery(UPDATE_PARTITION).executeBatch(partitionUpdates))
        .chain(() -> conn.preparedQuery(Projections.TIMELINE_FOR_EVENTS).execute(Tuple.of(ids)))
        .replaceWithVoid();
  }

  private static String entityKey(String type, String id) {
    return type + "\u0000" + id;
  }

  private static String partitionKey(String topic, int partition) {
    return topic + "\u0000" + partition;
  }

  private static String[] splitKey(String key) {
    int cut = key.indexOf('\u0000');
    return new String[] {key.substring(0, cut), key.substring(cut + 1)};
  }
}
