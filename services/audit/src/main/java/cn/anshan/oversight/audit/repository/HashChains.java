package cn.anshan.oversight.audit.repository;

import cn.anshan.oversight.audit.domain.ChainHash;
import cn.anshan.oversight.audit.domain.ReceivedEvent;
import cn.anshan.oversight.audit.repository.EventStore.Incoming;
import cn.anshan.oversight.audit.repository.EventStore.Parsed;
import cn.anshan.oversight.kit.time.OversightClock;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Appends new events to the raw table, extending the hash chain of each entity and of each Kafka
 * partition under a lock on just those chain heads, and derives their timeline rows, inside the
 * ingest transaction.
 */
final class HashChains {
  private record Head(long length, String hash) {}

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

  private HashChains() {}

  static Uni<Void> append(SqlConnection conn, List<Parsed> fresh, OversightClock clock) {
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
                    .chain(
                        partitionHeads ->
                            append(conn, fresh, entityHeads, partitionHeads, clock.now())));
  }

  private static Uni<Map<String, Head>> lockEntities(
      SqlConnection conn, TreeMap<String, String[]> keys) {
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

  private static Uni<Map<String, Head>> lockPartitions(
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

  private static Uni<Void> append(
      SqlConnection conn,
      List<Parsed> fresh,
      Map<String, Head> entityHeads,
      Map<String, Head> partitionHeads,
      Instant recordedAt) {
    Map<String, Long> lastOffsets = new HashMap<>();
    List<Tuple> rows = new ArrayList<>(fresh.size());
    UUID[] ids = new UUID[fresh.size()];
    int i = 0;
    for (Parsed p : fresh) {
      rows.add(linked(p, entityHeads, partitionHeads, recordedAt));
      lastOffsets.merge(
          partitionKey(p.record().topic(), p.record().partition()), p.record().offset(), Math::max);
      ids[i++] = p.event().id();
    }
    return conn.preparedQuery(INSERT_EVENT)
        .executeBatch(rows)
        .chain(() -> conn.preparedQuery(UPDATE_ENTITY).executeBatch(entityUpdates(entityHeads)))
        .chain(
            () ->
                conn.preparedQuery(UPDATE_PARTITION)
                    .executeBatch(partitionUpdates(partitionHeads, lastOffsets)))
        .chain(() -> conn.preparedQuery(Projections.TIMELINE_FOR_EVENTS).execute(Tuple.of(ids)))
        .replaceWithVoid();
  }

  /** A link of one chain: the head it extends and the head it makes. */
  private record Link(Head previous, Head next) {}

  /** Links the event into its entity's and its partition's chain; answers its row. */
  private static Tuple linked(
      Parsed p,
      Map<String, Head> entityHeads,
      Map<String, Head> partitionHeads,
      Instant recordedAt) {
    ReceivedEvent e = p.event();
    Incoming r = p.record();
    String eventHash = ChainHash.eventHash(e.payload());
    String entity = entityKey(e.aggregateType(), e.aggregateId());
    Head entityHead = entityHeads.get(entity);
    Head nextEntity =
        new Head(
            entityHead.length() + 1,
            ChainHash.entityLink(entityHead.hash(), eventHash, recordedAt));
    entityHeads.put(entity, nextEntity);
    String partition = partitionKey(r.topic(), r.partition());
    Head partitionHead = partitionHeads.get(partition);
    Head nextPartition =
        new Head(
            partitionHead.length() + 1,
            ChainHash.partitionLink(partitionHead.hash(), eventHash, r.offset()));
    partitionHeads.put(partition, nextPartition);
    return row(
        p,
        recordedAt,
        eventHash,
        new Link(entityHead, nextEntity),
        new Link(partitionHead, nextPartition));
  }

  private static Tuple row(
      Parsed p, Instant recordedAt, String eventHash, Link entity, Link partition) {
    ReceivedEvent e = p.event();
    Incoming r = p.record();
    return Tuple.from(
        Arrays.asList(
            e.id(),
            r.topic(),
            r.partition(),
            r.offset(),
            e.source(),
            e.type(),
            e.subject(),
            e.time().atOffset(ZoneOffset.UTC),
            recordedAt.atOffset(ZoneOffset.UTC),
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
            entity.next().length(),
            entity.previous().hash(),
            entity.next().hash(),
            partition.next().length(),
            partition.previous().hash(),
            partition.next().hash()));
  }

  private static List<Tuple> entityUpdates(Map<String, Head> entityHeads) {
    List<Tuple> updates = new ArrayList<>();
    entityHeads.forEach(
        (key, head) -> {
          String[] parts = splitKey(key);
          updates.add(Tuple.of(parts[0], parts[1], head.length(), head.hash()));
        });
    return updates;
  }

  private static List<Tuple> partitionUpdates(
      Map<String, Head> partitionHeads, Map<String, Long> lastOffsets) {
    List<Tuple> updates = new ArrayList<>();
    partitionHeads.forEach(
        (key, head) -> {
          String[] parts = splitKey(key);
          updates.add(
              Tuple.of(
                  parts[0],
                  Integer.parseInt(parts[1]),
                  head.length(),
                  head.hash(),
                  lastOffsets.getOrDefault(key, -1L)));
        });
    return updates;
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
