package cn.anshan.oversight.audit.repository;

import cn.anshan.oversight.audit.domain.Merkle;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Chain heads and signed checkpoints over them (issue 7 capability 5). */
@ApplicationScoped
public class CheckpointRepository {

  /** A chain head with the columns that locate its chain. */
  public record ChainHead(String kind, String partA, String partB, long length, String hash) {
    public String key() {
      return kind + "/" + partA + "/" + partB;
    }

    public Merkle.Head head() {
      return new Merkle.Head(key(), length, hash);
    }
  }

  public record Stored(
      long id,
      Instant createdAt,
      int chainCount,
      long eventCount,
      String root,
      String keyId,
      String signature) {}

  // One statement: one snapshot of every head, even while partitions keep appending.
  private static final String HEADS =
      "select 'entity', aggregate_type, aggregate_id, length, head_hash from entity_chain"
          + " where length > 0"
          + " union all select 'partition', topic, kafka_partition::text, length, head_hash"
          + " from partition_chain where length > 0";

  private static final String CHECKPOINT_COLUMNS =
      "id, created_at, chain_count, event_count, merkle_root, key_id, signature";

  private final Pool pool;

  public CheckpointRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<List<ChainHead>> currentHeads() {
    return pool.query(HEADS)
        .execute()
        .map(
            rows -> {
              List<ChainHead> heads = new ArrayList<>();
              for (Row row : rows) {
                heads.add(
                    new ChainHead(
                        row.getString(0),
                        row.getString(1),
                        row.getString(2),
                        row.getLong(3),
                        row.getString(4)));
              }
              return heads;
            });
  }

  public Uni<Long> nextId() {
    return pool.query("select nextval('checkpoint_id_seq')")
        .execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Stores a checkpoint with its heads in leaf order. */
  public Uni<Void> insert(Stored checkpoint, List<ChainHead> sortedHeads) {
    List<Tuple> heads = new ArrayList<>(sortedHeads.size());
    for (int i = 0; i < sortedHeads.size(); i++) {
      ChainHead h = sortedHeads.get(i);
      heads.add(
          Tuple.from(
              List.of(
                  checkpoint.id(),
                  i,
                  h.key(),
                  h.kind(),
                  h.partA(),
                  h.partB(),
                  h.length(),
                  h.hash())));
    }
    return pool.withTransaction(
        conn ->
            conn.preparedQuery(
                    "insert into checkpoint ("
                        + CHECKPOINT_COLUMNS
                        + ") values ($1, $2, $3, $4,"
                        + " $5, $6, $7)")
                .execute(
                    Tuple.from(
                        List.of(
                            checkpoint.id(),
                            checkpoint.createdAt().atOffset(ZoneOffset.UTC),
                            checkpoint.chainCount(),
                            checkpoint.eventCount(),
                            checkpoint.root(),
                            checkpoint.keyId(),
                            checkpoint.signature())))
                .chain(
                    () ->
                        heads.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : conn.preparedQuery(
                                    "insert into checkpoint_head (checkpoint_id, leaf_index,"
                                        + " chain_key, kind, part_a, part_b, length, head_hash)"
                                        + " values ($1, $2, $3, $4, $5, $6, $7, $8)")
                                .executeBatch(heads)
                                .replaceWithVoid()));
  }

  /** Checkpoints not yet announced as events, oldest first. */
  public Uni<List<Stored>> unpublished() {
    return pool.query(
            "select "
                + CHECKPOINT_COLUMNS
                + " from checkpoint where published_at is null order by id limit 100")
        .execute()
        .map(
            rows -> {
              List<Stored> list = new ArrayList<>();
              for (Row row : rows) {
                list.add(stored(row));
              }
              return list;
            });
  }

  public Uni<Stored> latest() {
    return one("select " + CHECKPOINT_COLUMNS + " from checkpoint order by id desc limit 1");
  }

  /** The latest checkpoint that covers the entity's chain, or null. */
  public Uni<Stored> latestCovering(String aggregateType, String aggregateId) {
    return pool.preparedQuery(
            "select c.id, c.created_at, c.chain_count, c.event_count, c.merkle_root, c.key_id,"
                + " c.signature from checkpoint_head h join checkpoint c on c.id = h.checkpoint_id"
                + " where h.kind = 'entity' and h.part_a = $1 and h.part_b = $2"
                + " order by h.checkpoint_id desc limit 1")
        .execute(Tuple.of(aggregateType, aggregateId))
        .map(rows -> rows.size() == 0 ? null : stored(rows.iterator().next()));
  }

  public Uni<List<ChainHead>> heads(long checkpointId) {
    return pool.preparedQuery(
            "select kind, part_a, part_b, length, head_hash from checkpoint_head"
                + " where checkpoint_id = $1 order by leaf_index")
        .execute(Tuple.of(checkpointId))
        .map(
            rows -> {
              List<ChainHead> heads = new ArrayList<>();
              for (Row row : rows) {
                heads.add(
                    new ChainHead(
                        row.getString(0),
                        row.getString(1),
                        row.getString(2),
                        row.getLong(3),
                        row.getString(4)));
              }
              return heads;
            });
  }

  /**
   * Heads of the checkpoint that no longer match the chain at the same position: a rewritten,
   * removed or reordered event before the checkpoint.
   */
  public Uni<List<String>> mismatchedHeads(long checkpointId, String aggregateId) {
    if (aggregateId != null) {
      return pool.preparedQuery(
              "select h.chain_key from checkpoint_head h left join audit_event e"
                  + " on e.aggregate_type = h.part_a and e.aggregate_id = h.part_b"
                  + " and e.entity_seq = h.length where h.checkpoint_id = $1"
                  + " and h.kind = 'entity' and h.part_b = $2"
                  + " and e.entity_hash is distinct from h.head_hash")
          .execute(Tuple.of(checkpointId, aggregateId))
          .map(
              rows -> {
                List<String> keys = new ArrayList<>();
                for (Row row : rows) {
                  keys.add(row.getString(0));
                }
                return keys;
              });
    }
    return pool.preparedQuery(
            "select h.chain_key from checkpoint_head h left join audit_event e"
                + " on h.kind = 'entity' and e.aggregate_type = h.part_a"
                + " and e.aggregate_id = h.part_b and e.entity_seq = h.length"
                + " where h.checkpoint_id = $1 and h.kind = 'entity'"
                + " and e.entity_hash is distinct from h.head_hash"
                + " union all select h.chain_key from checkpoint_head h left join audit_event e"
                + " on h.kind = 'partition' and e.topic = h.part_a"
                + " and e.kafka_partition = h.part_b::int and e.partition_seq = h.length"
                + " where h.checkpoint_id = $1 and h.kind = 'partition'"
                + " and e.partition_hash is distinct from h.head_hash"
                + " order by 1 limit 1000")
        .execute(Tuple.of(checkpointId))
        .map(
            rows -> {
              List<String> keys = new ArrayList<>();
              for (Row row : rows) {
                keys.add(row.getString(0));
              }
              return keys;
            });
  }

  private Uni<Stored> one(String sql) {
    return pool.query(sql)
        .execute()
        .map(rows -> rows.size() == 0 ? null : stored(rows.iterator().next()));
  }

  private static Stored stored(Row row) {
    return new Stored(
        row.getLong(0),
        row.getOffsetDateTime(1).toInstant(),
        row.getInteger(2),
        row.getLong(3),
        row.getString(4),
        row.getString(5),
        row.getString(6));
  }
}
