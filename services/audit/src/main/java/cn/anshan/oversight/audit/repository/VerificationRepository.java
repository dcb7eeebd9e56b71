package cn.anshan.oversight.audit.repository;

import cn.anshan.oversight.kit.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Completeness and integrity checks over the raw table (issue 7 capabilities 4 and 5), in SQL so
 * they scale with the table: window functions over the chain and producer indexes, and the same
 * SHA-256 preimages as {@link cn.anshan.oversight.audit.domain.ChainHash}.
 */
@ApplicationScoped
public class VerificationRepository {
  static final int LIMIT = 1000;

  public record VersionGap(
      String aggregateType,
      String aggregateId,
      long missingFrom,
      long missingTo,
      UUID nextEvent,
      Instant nextRecordedAt,
      String district) {}

  public record VersionDuplicate(
      String aggregateType, String aggregateId, long version, List<UUID> eventIds) {}

  public record SequenceGap(
      String source, long missingFrom, long missingTo, UUID nextEvent, Instant nextRecordedAt) {}

  public record SequenceDuplicate(String source, long sequence, List<UUID> eventIds) {}

  /** A link of a chain that does not hold: which chain, where, and what is wrong. */
  public record ChainProblem(String chain, long position, UUID eventId, String problem) {
    static ChainProblem of(Row row) {
      return new ChainProblem(row.getString(0), row.getLong(1), row.getUUID(2), row.getString(3));
    }
  }

  private static final String GENESIS = "'" + "0".repeat(64) + "'";

  private final Pool pool;

  public VerificationRepository(Pool pool) {
    this.pool = pool;
  }

  public Uni<Long> count(String aggregateId) {
    return run(
            "select count(*) from audit_event e" + where(aggregateId),
            aggregateId,
            row -> row.getLong(0))
        .map(list -> list.get(0));
  }

  public Uni<List<VersionGap>> versionGaps(String aggregateId) {
    return run(
        VERSION_GAPS.formatted(where(aggregateId), ""),
        aggregateId,
        VerificationRepository::versionGap);
  }

  /**
   * Every version gap of the store, page after page: a scan must see them all, not the first 1,000.
   */
  public Uni<List<VersionGap>> allVersionGaps() {
    return versionGapPages(new ArrayList<>(), null);
  }

  private Uni<List<VersionGap>> versionGapPages(List<VersionGap> all, VersionGap after) {
    Uni<List<VersionGap>> page =
        after == null
            ? run(VERSION_GAPS.formatted("", ""), null, VerificationRepository::versionGap)
            : runWith(
                VERSION_GAPS.formatted(
                    "", " and (aggregate_type, aggregate_id, aggregate_version) > ($1, $2, $3)"),
                Tuple.of(after.aggregateType(), after.aggregateId(), after.missingTo() + 1),
                VerificationRepository::versionGap);
    return page.chain(
        gaps -> {
          all.addAll(gaps);
          return gaps.size() < LIMIT
              ? Uni.createFrom().item(all)
              : versionGapPages(all, gaps.get(gaps.size() - 1));
        });
  }

  private static final String VERSION_GAPS =
      "select aggregate_type, aggregate_id, coalesce(prev, 0) + 1, aggregate_version - 1,"
          + " event_id, recorded_at, district from (select aggregate_type, aggregate_id,"
          + " aggregate_version, event_id, recorded_at, district,"
          + " lag(aggregate_version) over (partition by aggregate_type, aggregate_id"
          + " order by aggregate_version) prev from audit_event e"
          + "%s) x where aggregate_version > coalesce(prev, 0) + 1%s"
          + " order by aggregate_type, aggregate_id, aggregate_version limit "
          + LIMIT;

  private static VersionGap versionGap(Row row) {
    return new VersionGap(
        row.getString(0),
        row.getString(1),
        row.getLong(2),
        row.getLong(3),
        row.getUUID(4),
        row.getOffsetDateTime(5).toInstant(),
        row.getString(6));
  }

  public Uni<List<VersionDuplicate>> versionDuplicates(String aggregateId) {
    return run(
        "select aggregate_type, aggregate_id, aggregate_version,"
            + " array_agg(event_id order by recorded_at, event_id) from audit_event e"
            + where(aggregateId)
            + " group by aggregate_type, aggregate_id, aggregate_version having count(*) > 1"
            + " order by 1, 2, 3 limit "
            + LIMIT,
        aggregateId,
        row ->
            new VersionDuplicate(
                row.getString(0),
                row.getString(1),
                row.getLong(2),
                Arrays.asList(row.getArrayOfUUIDs(3))));
  }

  public Uni<List<SequenceGap>> sequenceGaps(String source) {
    return run(
        SEQUENCE_GAPS.formatted(source == null ? "" : " and source = $1", ""),
        source,
        VerificationRepository::sequenceGap);
  }

  /** Every producer-sequence gap, page after page. */
  public Uni<List<SequenceGap>> allSequenceGaps() {
    return sequenceGapPages(new ArrayList<>(), null);
  }

  private Uni<List<SequenceGap>> sequenceGapPages(List<SequenceGap> all, SequenceGap after) {
    Uni<List<SequenceGap>> page =
        after == null
            ? run(SEQUENCE_GAPS.formatted("", ""), null, VerificationRepository::sequenceGap)
            : runWith(
                SEQUENCE_GAPS.formatted("", " and (source, sequence) > ($1, $2)"),
                Tuple.of(after.source(), after.missingTo() + 1),
                VerificationRepository::sequenceGap);
    return page.chain(
        gaps -> {
          all.addAll(gaps);
          return gaps.size() < LIMIT
              ? Uni.createFrom().item(all)
              : sequenceGapPages(all, gaps.get(gaps.size() - 1));
        });
  }

  private static final String SEQUENCE_GAPS =
      "select source, coalesce(prev, 0) + 1, sequence - 1, event_id, recorded_at from"
          + " (select source, sequence, event_id, recorded_at,"
          + " lag(sequence) over (partition by source order by sequence) prev"
          + " from audit_event where sequence is not null%s) x"
          + " where sequence > coalesce(prev, 0) + 1%s order by source, sequence limit "
          + LIMIT;

  private static SequenceGap sequenceGap(Row row) {
    return new SequenceGap(
        row.getString(0),
        row.getLong(1),
        row.getLong(2),
        row.getUUID(3),
        row.getOffsetDateTime(4).toInstant());
  }

  public Uni<List<SequenceDuplicate>> sequenceDuplicates(String source) {
    return run(
        "select source, sequence, array_agg(event_id order by recorded_at, event_id)"
            + " from audit_event where sequence is not null"
            + (source == null ? "" : " and source = $1")
            + " group by source, sequence"
            + " having count(*) > 1 order by 1, 2 limit "
            + LIMIT,
        source,
        row ->
            new SequenceDuplicate(
                row.getString(0), row.getLong(1), Arrays.asList(row.getArrayOfUUIDs(2))));
  }

  /**
   * A row whose searchable columns no longer say what its envelope says (V9 functions): the chains
   * cover the payload, so a changed actor, type or district column shows here.
   */
  private static final String COLUMNS_DIFFER =
      "(envelope is null"
          + " or event_id::text is distinct from lower(audit_attribute(envelope, 'id'))"
          + " or source is distinct from audit_attribute(envelope, 'source')"
          + " or type is distinct from audit_attribute(envelope, 'type')"
          + " or subject is distinct from audit_attribute(envelope, 'subject')"
          + " or aggregate_type is distinct from audit_attribute(envelope, 'aggregatetype')"
          + " or aggregate_id is distinct from audit_attribute(envelope, 'aggregateid')"
          + " or aggregate_version::text is distinct from (envelope ->> 'aggregateversion')"
          + " or sequence::text is distinct from (case when jsonb_typeof(envelope -> 'sequence')"
          + " = 'number' then envelope ->> 'sequence' end)"
          + " or actor is distinct from audit_attribute(envelope, 'actor')"
          + " or actor_role is distinct from audit_attribute(envelope, 'actorrole')"
          + " or district is distinct from audit_attribute(envelope, 'district')"
          + " or correlation_id is distinct from audit_attribute(envelope, 'correlationid')"
          + " or causation_id is distinct from audit_attribute(envelope, 'causationid'))";

  /** Every entity-chain link that does not hold, in chain order. */
  public Uni<List<ChainProblem>> entityChainProblems(String aggregateId) {
    return run(
        "select 'entity/' || aggregate_type || '/' || aggregate_id, entity_seq, event_id,"
            + " problem from (select *, case"
            + " when event_hash <> encode(sha256(convert_to(payload, 'UTF8')), 'hex')"
            + "   then 'EVENT_HASH'"
            + " when entity_seq <> coalesce(prev_seq, 0) + 1 then 'POSITION'"
            + " when entity_prev_hash <> coalesce(prev, "
            + GENESIS
            + ") then 'PREVIOUS_LINK'"
            + " when entity_hash <> encode(sha256(convert_to(entity_prev_hash || ':' ||"
            + "   event_hash || ':' || (extract(epoch from recorded_at) * 1000000)::bigint,"
            + "   'UTF8')), 'hex') then 'LINK_HASH'"
            + " when "
            + COLUMNS_DIFFER
            + " then 'COLUMNS' end as problem"
            + " from (select e.*, audit_envelope(e.payload) as envelope,"
            + " lag(entity_hash) over w as prev, lag(entity_seq) over w as prev_seq"
            + " from audit_event e"
            + where(aggregateId)
            + " window w as (partition by aggregate_type, aggregate_id order by entity_seq)) x) y"
            + " where problem is not null order by 1, 2 limit "
            + LIMIT,
        aggregateId,
        ChainProblem::of);
  }

  /**
   * Every partition-chain link that does not hold. Checked in the global scope only: a partition is
   * shared by many entities, so a break there is not one entity's matter.
   */
  public Uni<List<ChainProblem>> partitionChainProblems(String aggregateId) {
    if (aggregateId != null) {
      return Uni.createFrom().item(List.of());
    }
    return run(
        "select 'partition/' || topic || '/' || kafka_partition, partition_seq, event_id,"
            + " problem from (select *, case"
            + " when event_hash <> encode(sha256(convert_to(payload, 'UTF8')), 'hex')"
            + "   then 'EVENT_HASH'"
            + " when partition_seq <> coalesce(prev_seq, 0) + 1 then 'POSITION'"
            + " when partition_prev_hash <> coalesce(prev, "
            + GENESIS
            + ") then 'PREVIOUS_LINK'"
            + " when partition_hash <> encode(sha256(convert_to(partition_prev_hash || ':' ||"
            + "   event_hash || ':' || kafka_offset, 'UTF8')), 'hex') then 'LINK_HASH'"
            + " when kafka_offset <= prev_offset then 'OFFSET_ORDER' end as problem"
            + " from (select e.*, lag(partition_hash) over w as prev,"
            + " lag(kafka_offset) over w as prev_offset, lag(partition_seq) over w as prev_seq"
            + " from audit_event e"
            + " window w as (partition by topic, kafka_partition order by partition_seq)) x) y"
            + " where problem is not null order by 1, 2 limit "
            + LIMIT,
        null,
        ChainProblem::of);
  }

  /** Chain heads that disagree with the last link actually stored (a removed or added tail). */
  public Uni<List<ChainProblem>> headProblems(String aggregateId) {
    String entityFilter = aggregateId == null ? "" : " and c.aggregate_id = $1";
    String rawFilter = aggregateId == null ? "" : " and e.aggregate_id = $1";
    // a partition's head is shared by many entities: checked in the global scope only
    String partitionFilter = aggregateId == null ? "" : " and false";
    return run(
        "select 'entity/' || c.aggregate_type || '/' || c.aggregate_id, c.length, l.event_id,"
            + " 'HEAD' from entity_chain c left join lateral (select entity_seq, entity_hash,"
            + " event_id from audit_event e where e.aggregate_type = c.aggregate_type"
            + " and e.aggregate_id = c.aggregate_id order by entity_seq desc limit 1) l on true"
            + " where c.length > 0"
            + entityFilter
            + " and (l.entity_seq is distinct from c.length"
            + " or l.entity_hash is distinct from c.head_hash)"
            + " union all select 'partition/' || c.topic || '/' || c.kafka_partition, c.length,"
            + " l.event_id, 'HEAD' from partition_chain c left join lateral (select"
            + " partition_seq, partition_hash, event_id from audit_event e where e.topic = c.topic"
            + " and e.kafka_partition = c.kafka_partition order by partition_seq desc limit 1) l"
            + " on true where c.length > 0"
            + partitionFilter
            + " and (l.partition_seq is distinct from c.length"
            + " or l.partition_hash is distinct from c.head_hash)"
            + " union all select distinct 'entity/' || e.aggregate_type || '/' || e.aggregate_id,"
            + " 0::bigint, null::uuid, 'NO_HEAD' from audit_event e where not exists (select 1"
            + " from entity_chain c where c.aggregate_type = e.aggregate_type"
            + " and c.aggregate_id = e.aggregate_id)"
            + rawFilter
            + " order by 1 limit "
            + LIMIT,
        aggregateId,
        ChainProblem::of);
  }

  private static String where(String aggregateId) {
    return aggregateId == null ? "" : " where e.aggregate_id = $1";
  }

  private <T> Uni<List<T>> run(String sql, String aggregateId, Function<Row, T> mapper) {
    return aggregateId == null
        ? collect(pool.query(sql).execute(), mapper)
        : runWith(sql, Tuple.of(aggregateId), mapper);
  }

  private <T> Uni<List<T>> runWith(String sql, Tuple params, Function<Row, T> mapper) {
    return collect(pool.preparedQuery(sql).execute(params), mapper);
  }

  private static <T> Uni<List<T>> collect(Uni<RowSet<Row>> rows, Function<Row, T> mapper) {
    return rows.map(set -> Rows.map(set, mapper));
  }
}
