package cn.anshan.oversight.audit.repository;

import cn.anshan.oversight.audit.domain.FindingRules.Kind;
import cn.anshan.oversight.kit.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The findings the scans store (issue 7 capability 6): each once, by its key, beside the event
 * announcing it; the rules' watermarks; gap findings resolved when late events fill them; and the
 * findings as the API pages them. {@link BreachQueries} finds the cross-stream breaches.
 */
@ApplicationScoped
public class FindingRepository {

  /** A breach found: its rule, the entity concerned and the proving events. */
  public record Candidate(
      String key, Kind kind, String entityId, String district, String detail, List<UUID> events) {}

  /** A finding as it is first stored: the breach, its proving events, when it was detected. */
  public record Finding(UUID id, Candidate candidate, List<String> eventIds, Instant detectedAt) {}

  /** A stored finding as the API lists it. */
  public record FindingView(
      UUID id,
      String ruleId,
      String kind,
      String entityId,
      String district,
      String detail,
      List<String> eventIds,
      Instant detectedAt,
      Instant resolvedAt) {}

  private final Pool pool;

  public FindingRepository(Pool pool) {
    this.pool = pool;
  }

  /** Where each rule's previous scan stopped: rule name → judged until. */
  public Uni<Map<String, Instant>> watermarks() {
    return Rows.select(
            pool,
            "select rule, judged_until from scan_watermark",
            Tuple.tuple(),
            row -> Map.entry(row.getString(0), row.getOffsetDateTime(1).toInstant()))
        .map(
            list ->
                list.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  /** Stores where these rules' scan stopped (also backwards, when the clock was set back). */
  public Uni<Void> judgedUntil(List<String> rules, Instant until) {
    return pool.preparedQuery(
            "insert into scan_watermark (rule, judged_until) select unnest($1::text[]), $2"
                + " on conflict (rule) do update set judged_until = excluded.judged_until")
        .execute(Tuple.of(rules.toArray(String[]::new), until.atOffset(ZoneOffset.UTC)))
        .replaceWithVoid();
  }

  /** Stores a new finding inside the caller's transaction, beside the event announcing it. */
  public Uni<Void> insert(SqlClient connection, Finding finding) {
    Candidate c = finding.candidate();
    return connection
        .preparedQuery(
            "insert into finding (id, finding_key, rule_id, kind, entity_id, district, detail,"
                + " event_ids, detected_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
        .execute(
            Tuple.from(
                Arrays.asList(
                    finding.id(),
                    c.key(),
                    c.kind().ruleId(),
                    c.kind().name(),
                    c.entityId(),
                    c.district(),
                    c.detail(),
                    String.join(",", finding.eventIds()),
                    finding.detectedAt().atOffset(ZoneOffset.UTC))))
        .replaceWithVoid();
  }

  public Uni<Set<String>> existingKeys(List<String> keys) {
    if (keys.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    return pool.preparedQuery("select finding_key from finding where finding_key = any($1)")
        .execute(Tuple.of(keys.toArray(String[]::new)))
        .map(
            rows -> {
              Set<String> found = new HashSet<>();
              for (Row row : rows) {
                found.add(row.getString(0));
              }
              return found;
            });
  }

  /** Marks open gap findings whose gap is filled now (a late event arrived). */
  public Uni<Integer> resolveGapsExcept(List<String> openKeys, Instant now) {
    return pool.preparedQuery(
            "update finding set resolved_at = $2 where resolved_at is null"
                + " and kind in ('VERSION_GAP', 'SEQUENCE_GAP') and not (finding_key = any($1))")
        .execute(Tuple.of(openKeys.toArray(String[]::new), now.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.rowCount());
  }

  /** One page of findings in (detected_at, id) order after the cursor. */
  public Uni<List<FindingView>> page(
      String ruleId,
      String kind,
      String entityId,
      String district,
      Instant afterAt,
      UUID afterId,
      int limit) {
    SqlWhere where =
        SqlWhere.all()
            .equal("rule_id", ruleId)
            .equal("kind", kind)
            .equal("entity_id", entityId)
            .equal("district", district)
            .after(List.of("detected_at", "id"), afterAt, afterId);
    String sql =
        "select id, rule_id, kind, entity_id, district, detail, event_ids, detected_at,"
            + " resolved_at from finding where "
            + where
            + " order by detected_at, id limit "
            + where.bind(limit);
    return Rows.select(
        pool,
        sql,
        where.params(),
        row ->
            new FindingView(
                row.getUUID(0),
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                Arrays.asList(row.getString(6).split(",")),
                row.getOffsetDateTime(7).toInstant(),
                row.getOffsetDateTime(8) == null ? null : row.getOffsetDateTime(8).toInstant()));
  }
}
