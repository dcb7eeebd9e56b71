package cn.anshan.oversight.audit.repository;

import cn.anshan.oversight.audit.domain.MerkleLog;
import cn.anshan.oversight.audit.domain.MerkleLog.Hashed;
import cn.anshan.oversight.audit.domain.MerkleLog.Node;
import cn.anshan.oversight.kit.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The append-only Merkle log over stored events: leaves, perfect subtrees, new events. */
@ApplicationScoped
public class EventLogRepository {
  /** Any constant: the advisory lock that lets one checkpoint at a time append to the log. */
  private static final long APPEND_LOCK = 0x4155_4449_545f_4c4fL;

  /** The SQL recomputation of {@link MerkleLog#leafHash}({@link MerkleLog#leafData}). */
  public static final String LEAF_HASH_SQL =
      "encode(sha256('\\x00'::bytea || convert_to('oversight-audit-leaf/1' || chr(10)"
          + " || e.event_id::text || chr(10) || e.aggregate_type || chr(10) || e.aggregate_id"
          + " || chr(10) || e.entity_seq::text || chr(10) || e.entity_hash, 'UTF8')), 'hex')";

  /** Where an event stands in the log's order: transaction, then partition position. */
  public record LogPosition(
      String tx, String topic, int partition, long partitionSeq, UUID eventId) {}

  /** An event not yet in the log, with what its leaf commits to. */
  public record NewEvent(
      UUID eventId,
      String aggregateType,
      String aggregateId,
      long entitySeq,
      String entityHash,
      LogPosition position) {
    public String leafHash() {
      return MerkleLog.leafHash(
          MerkleLog.leafData(
              eventId.toString(), aggregateType, aggregateId, entitySeq, entityHash));
    }
  }

  /** A logged event of one entity: its position in the log and the leaf hash stored there. */
  public record LoggedEvent(UUID eventId, long index, long entitySeq, String storedLeaf) {}

  /** A leaf whose stored hash is not what the event row gives, or whose event is gone. */
  public record LeafProblem(long index, UUID eventId, String chain, String problem) {}

  private final Pool pool;

  public EventLogRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<Void> lockForAppend(SqlClient client) {
    return client
        .preparedQuery("select pg_advisory_xact_lock($1)")
        .execute(Tuple.of(APPEND_LOCK))
        .replaceWithVoid();
  }

  /** Transactions below this id have all ended: their events can be logged now. */
  public Uni<String> horizon(SqlClient client) {
    return client
        .query("select pg_snapshot_xmin(pg_current_snapshot())::text")
        .execute()
        .map(rows -> rows.iterator().next().getString(0));
  }

  /**
   * The next events of transactions in [from, to) after {@code after} (null: from the start), in
   * the log's fixed order. Pages by key, not by cursor: the appends in between run on the same
   * connection.
   */
  public Uni<List<NewEvent>> newEvents(
      SqlClient client, String from, String to, LogPosition after, int limit) {
    return Rows.select(
        client,
        NEW_EVENTS,
        Tuple.from(
            Arrays.asList(
                from,
                to,
                after == null ? null : after.tx(),
                after == null ? null : after.topic(),
                after == null ? null : after.partition(),
                after == null ? null : after.partitionSeq(),
                after == null ? null : after.eventId(),
                limit)),
        EventLogRepository::newEvent);
  }

  private static final String NEW_EVENTS =
      // tx_text, not tx: ORDER BY tx would sort by the text output column ("1000" < "753")
      "select event_id, aggregate_type, aggregate_id, entity_seq, entity_hash,"
          + " tx::text as tx_text,"
          + " topic, kafka_partition, partition_seq from audit_event"
          + " e where tx >= $1::text::xid8 and tx < $2::text::xid8"
          // an event deleted after it was logged and then delivered again is stored anew:
          // it keeps its one leaf (which no longer matches it: LEAF_HASH), never gets two
          + " and not exists (select 1 from log_leaf l where l.event_id = e.event_id)"
          + " and ($3::text is null"
          + " or (tx, topic, kafka_partition, partition_seq, event_id)"
          + " > ($3::text::xid8, $4, $5, $6, $7))"
          + " order by e.tx, e.topic, e.kafka_partition, e.partition_seq, e.event_id"
          + " limit $8";

  private static NewEvent newEvent(Row row) {
    return new NewEvent(
        row.getUUID(0),
        row.getString(1),
        row.getString(2),
        row.getLong(3),
        row.getString(4),
        new LogPosition(
            row.getString(5), row.getString(6), row.getInteger(7), row.getLong(8), row.getUUID(0)));
  }

  /** Appends leaves from {@code firstIndex} on, and the perfect subtrees they completed. */
  public Uni<Void> append(
      SqlClient client, long firstIndex, List<NewEvent> events, List<Hashed> nodes) {
    int n = events.size();
    Long[] idx = new Long[n];
    UUID[] ids = new UUID[n];
    String[] types = new String[n];
    String[] aggregates = new String[n];
    Long[] seqs = new Long[n];
    for (int i = 0; i < n; i++) {
      NewEvent e = events.get(i);
      idx[i] = firstIndex + i;
      ids[i] = e.eventId();
      types[i] = e.aggregateType();
      aggregates[i] = e.aggregateId();
      seqs[i] = e.entitySeq();
    }
    Short[] levels = new Short[nodes.size()];
    Long[] positions = new Long[nodes.size()];
    String[] hashes = new String[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      levels[i] = (short) nodes.get(i).node().level();
      positions[i] = nodes.get(i).node().index();
      hashes[i] = nodes.get(i).hash();
    }
    return client
        .preparedQuery(
            "insert into log_leaf (idx, event_id, aggregate_type, aggregate_id, entity_seq)"
                + " select * from unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[],"
                + " $5::bigint[])")
        .execute(Tuple.of(idx, ids, types, aggregates, seqs))
        .chain(
            () ->
                client
                    .preparedQuery(
                        "insert into log_node (level, idx, hash)"
                            + " select * from unnest($1::smallint[], $2::bigint[], $3::text[])")
                    .execute(Tuple.of(levels, positions, hashes)))
        .replaceWithVoid();
  }

  public Uni<Map<Node, String>> nodes(Collection<Node> wanted) {
    return nodes(pool, wanted);
  }

  public Uni<Map<Node, String>> nodes(SqlClient client, Collection<Node> wanted) {
    if (wanted.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    Short[] levels = wanted.stream().map(n -> (short) n.level()).toArray(Short[]::new);
    Long[] positions = wanted.stream().map(Node::index).toArray(Long[]::new);
    return client
        .preparedQuery(
            "select n.level, n.idx, n.hash from log_node n"
                + " join unnest($1::smallint[], $2::bigint[]) as w (level, idx)"
                + " on n.level = w.level and n.idx = w.idx")
        .execute(Tuple.of(levels, positions))
        .map(
            rows -> {
              Map<Node, String> found = new HashMap<>();
              for (Row row : rows) {
                found.put(new Node(row.getShort(0), row.getLong(1)), row.getString(2));
              }
              return found;
            });
  }

  /**
   * The entity's events in the log below {@code treeSize}, in chain order; every aggregate type
   * under the id when {@code aggregateType} is null.
   */
  public Uni<List<LoggedEvent>> logged(String aggregateType, String aggregateId, long treeSize) {
    return pool.preparedQuery(
            "select l.event_id, l.idx, l.entity_seq, n.hash from log_leaf l"
                + " left join log_node n on n.level = 0 and n.idx = l.idx"
                + " where l.aggregate_id = $2 and ($1::text is null or l.aggregate_type = $1)"
                + " and l.idx < $3 order by l.aggregate_type, l.entity_seq, l.idx")
        .execute(Tuple.of(aggregateType, aggregateId, treeSize))
        .map(
            rows -> {
              List<LoggedEvent> events = new ArrayList<>();
              for (Row row : rows) {
                events.add(
                    new LoggedEvent(
                        row.getUUID(0), row.getLong(1), row.getLong(2), row.getString(3)));
              }
              return events;
            });
  }

  /** Whether the entity has stored events that no checkpoint has logged yet. */
  public Uni<Boolean> hasUnlogged(String aggregateId) {
    return pool.preparedQuery(
            "select exists (select 1 from audit_event e where e.aggregate_id = $1 and not exists"
                + " (select 1 from log_leaf l where l.event_id = e.event_id))")
        .execute(Tuple.of(aggregateId))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  /**
   * Leaves whose event row is gone or no longer hashes to the stored leaf (a changed, renumbered or
   * rechained event), for one entity ({@code aggregateId}) or the whole log.
   */
  public Uni<List<LeafProblem>> leafProblems(String aggregateId) {
    String where = aggregateId == null ? " where true" : " where l.aggregate_id = $1";
    return (aggregateId == null
            ? pool.preparedQuery(leafProblemsSql(where)).execute()
            : pool.preparedQuery(leafProblemsSql(where)).execute(Tuple.of(aggregateId)))
        .map(
            rows -> {
              List<LeafProblem> problems = new ArrayList<>();
              for (Row row : rows) {
                problems.add(
                    new LeafProblem(
                        row.getLong(0), row.getUUID(1), row.getString(2), row.getString(3)));
              }
              return problems;
            });
  }

  private static String leafProblemsSql(String where) {
    return "select l.idx, l.event_id, 'entity/' || l.aggregate_type || '/' || l.aggregate_id,"
        + " case when e.event_id is null then 'LOGGED_EVENT_MISSING'"
        + " when n.hash is null then 'LEAF_NODE_MISSING' else 'LEAF_HASH' end"
        + " from log_leaf l left join audit_event e on e.event_id = l.event_id"
        + " left join log_node n on n.level = 0 and n.idx = l.idx"
        + where
        + " and (e.event_id is null or n.hash is null or n.hash <> "
        + LEAF_HASH_SQL
        + " or e.aggregate_type <> l.aggregate_type or e.aggregate_id <> l.aggregate_id"
        + " or e.entity_seq <> l.entity_seq) order by l.idx limit 1000";
  }

  /**
   * Events stored by transactions below the horizon that no checkpoint logged: insertions after the
   * fact. Of one entity when {@code aggregateId} is given.
   */
  public Uni<List<UUID>> unloggedBelow(String horizon, String aggregateId) {
    return pool.preparedQuery(
            "select e.event_id from audit_event e where e.tx < $1::text::xid8"
                + " and ($2::text is null or e.aggregate_id = $2) and not exists"
                + " (select 1 from log_leaf l where l.event_id = e.event_id)"
                + " order by e.recorded_at limit 1000")
        .execute(Tuple.of(horizon, aggregateId))
        .map(
            rows -> {
              List<UUID> ids = new ArrayList<>();
              for (Row row : rows) {
                ids.add(row.getUUID(0));
              }
              return ids;
            });
  }

  /** Level-0 hashes from {@code from} on, in index order: what a full recomputation folds. */
  public Uni<List<String>> leafHashes(long from, int limit) {
    return pool.preparedQuery(
            "select idx, hash from log_node where level = 0 and idx >= $1 order by idx limit $2")
        .execute(Tuple.of(from, limit))
        .map(
            rows -> {
              List<String> hashes = new ArrayList<>();
              long expected = from;
              for (Row row : rows) {
                if (row.getLong(0) != expected++) {
                  break; // a missing leaf: the fold stops short and the root will not match
                }
                hashes.add(row.getString(1));
              }
              return hashes;
            });
  }
}
