package cn.anshan.oversight.audit.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Signed checkpoints of the event log (PLT-11, issue 16 item 2); format 1 rows are history. */
@ApplicationScoped
public class CheckpointRepository {

  /** A signed checkpoint of the log as stored. */
  public record Stored(
      long id,
      Instant createdAt,
      long treeSize,
      String root,
      String previousHash,
      String txHorizon,
      String keyId,
      String signature) {}

  private static final String COLUMNS =
      "id, created_at, tree_size, merkle_root, previous_hash, tx_horizon::text, key_id, signature";

  private final Pool pool;

  public CheckpointRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<Stored> latest() {
    return latest(pool);
  }

  public Uni<Stored> latest(SqlClient client) {
    return client
        .query("select " + COLUMNS + " from checkpoint where format = 2 order by id desc limit 1")
        .execute()
        .map(rows -> rows.size() == 0 ? null : stored(rows.iterator().next()));
  }

  public Uni<Stored> byId(long id) {
    return pool.preparedQuery("select " + COLUMNS + " from checkpoint where format = 2 and id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : stored(rows.iterator().next()));
  }

  /** Every checkpoint of the log, oldest first: what a full verification walks. */
  public Uni<List<Stored>> all() {
    return list("select " + COLUMNS + " from checkpoint where format = 2 order by id");
  }

  /** Checkpoints not yet announced as events, oldest first. */
  public Uni<List<Stored>> unpublished() {
    return list(
        "select "
            + COLUMNS
            + " from checkpoint where format = 2 and published_at is null order by id limit 100");
  }

  public Uni<Long> nextId(SqlClient client) {
    return client
        .query("select nextval('checkpoint_id_seq')")
        .execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  public Uni<Void> insert(SqlClient client, Stored c) {
    return client
        .preparedQuery(
            "insert into checkpoint (id, created_at, format, tree_size, merkle_root,"
                + " previous_hash, tx_horizon, key_id, signature, event_count)"
                + " values ($1, $2, 2, $3, $4, $5, $6::text::xid8, $7, $8, $3)")
        .execute(
            Tuple.from(
                List.of(
                    c.id(),
                    c.createdAt().atOffset(ZoneOffset.UTC),
                    c.treeSize(),
                    c.root(),
                    c.previousHash(),
                    c.txHorizon(),
                    c.keyId(),
                    c.signature())))
        .replaceWithVoid();
  }

  /** Marks a checkpoint announced; false if another replica announced it first. */
  public Uni<Boolean> markPublished(SqlClient client, long id) {
    return client
        .preparedQuery(
            "update checkpoint set published_at = now() where id = $1 and published_at is null")
        .execute(Tuple.of(id))
        .map(rows -> rows.rowCount() == 1);
  }

  private Uni<List<Stored>> list(String sql) {
    return pool.query(sql)
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

  private static Stored stored(Row row) {
    return new Stored(
        row.getLong(0),
        row.getOffsetDateTime(1).toInstant(),
        row.getLong(2),
        row.getString(3),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7));
  }
}
