package cn.anshan.oversight.audit.repository;

import cn.anshan.oversight.audit.domain.FindingRules;
import cn.anshan.oversight.audit.domain.FindingRules.Kind;
import cn.anshan.oversight.audit.repository.FindingRepository.Candidate;
import cn.anshan.oversight.kit.db.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The compliance rules across streams as set-based SQL over the raw events and the timeline index
 * (issue 7 capability 6). Each query returns the events that prove a breach; only events recorded
 * before the cutoff of a rule's grace are judged, so a merely late counterpart is not a breach, and
 * (except ASV-06, whose breach is a later event's absence) only those recorded since the previous
 * scan. {@link FindingRepository} stores what they find.
 */
@ApplicationScoped
public class BreachQueries {
  /**
   * The events a rule judges in one scan: recorded after {@code since} (null: from the beginning)
   * and up to {@code until}.
   */
  public record Window(Instant since, Instant until) {
    OffsetDateTime from() {
      return (since == null ? Instant.EPOCH : since).atOffset(ZoneOffset.UTC);
    }

    OffsetDateTime to() {
      return until.atOffset(ZoneOffset.UTC);
    }
  }

  /**
   * The standing event types as a SQL list: written out (not a parameter) so the planner can prove
   * the predicate of the partial index {@code timeline_entry_standing} (V6).
   */
  static final String STANDING_TYPES =
      FindingRules.STANDING.stream()
          .map(t -> "'" + t + "'")
          .collect(Collectors.joining(", ", "(", ")"));

  private final Pool pool;

  public BreachQueries(Pool pool) {
    this.pool = pool;
  }

  /** LST-01: prepayment while the institution's latest standing was not WHITE (or unknown). */
  public Uni<List<Candidate>> prepaymentsNotWhitelisted(Window window) {
    return Rows.select(
        pool,
        "select p.event_id, p.payload::jsonb -> 'data' ->> 'institutionId', p.district,"
            + " s.event_id, s.status from audit_event p left join lateral (select e.event_id,"
            + " e.payload::jsonb -> 'data' ->> 'listStatus' as status from timeline_entry t"
            + " join audit_event e on e.event_id = t.event_id"
            + " where t.entity_id = p.payload::jsonb -> 'data' ->> 'institutionId'"
            + " and t.type in "
            + STANDING_TYPES
            + " and t.time <= p.time"
            + " order by t.time desc, t.event_id desc limit 1) s on true"
            + " where p.type = $1 and p.recorded_at > $2 and p.recorded_at <= $3"
            + " and (s.status is null or s.status <> 'WHITE')",
        Tuple.of(FindingRules.PAYMENT_RECEIVED, window.from(), window.to()),
        row ->
            new Candidate(
                Kind.PREPAYMENT_NOT_WHITELISTED + ":" + row.getUUID(0),
                Kind.PREPAYMENT_NOT_WHITELISTED,
                row.getString(1),
                row.getString(2),
                row.getString(4) == null
                    ? "LST-01: prepayment received while the institution had no white-list standing"
                    : "LST-01: prepayment received while the institution was " + row.getString(4),
                ids(row.getUUID(0), row.getUUID(3))));
  }

  /** REL-01: funds released for a consumption that was not confirmed before the release. */
  public Uni<List<Candidate>> releasesWithoutConsumption(Window window) {
    return Rows.select(
        pool,
        "select f.event_id, f.aggregate_id, f.district,"
            + " f.payload::jsonb -> 'data' ->> 'institutionId' from audit_event f"
            + " where f.type = $1 and f.recorded_at > $4 and f.recorded_at <= $3"
            + " and not exists (select 1"
            + " from audit_event c where c.aggregate_id = f.aggregate_id and c.type = any($2)"
            + " and c.aggregate_version < f.aggregate_version"
            + " and c.payload::jsonb -> 'data' ->> 'consumptionId'"
            + " = f.payload::jsonb -> 'data' ->> 'consumptionId')",
        Tuple.of(
            FindingRules.FUNDS_RELEASED,
            FindingRules.CONSUMPTION_CONFIRMED.toArray(String[]::new),
            window.to(),
            window.from()),
        row ->
            new Candidate(
                Kind.RELEASE_WITHOUT_CONSUMPTION + ":" + row.getUUID(0),
                Kind.RELEASE_WITHOUT_CONSUMPTION,
                row.getString(3) != null ? row.getString(3) : row.getString(1),
                row.getString(2),
                "REL-01: funds of order "
                    + row.getString(1)
                    + " released without a confirmed"
                    + " consumption of that lesson",
                ids(row.getUUID(0))));
  }

  /** LN-ASV-06: an after-school charge whose fee proposal was not published before it. */
  public Uni<List<Candidate>> chargesWithoutPublishedFee(Window window) {
    return Rows.select(
        pool,
        "select c.event_id, c.payload::jsonb -> 'data' ->> 'schoolId', c.district,"
            + " c.payload::jsonb -> 'data' ->> 'feeProposalId' from audit_event c"
            + " where c.type = any($1) and c.recorded_at > $4 and c.recorded_at <= $3"
            + " and not exists (select 1"
            + " from audit_event f where f.aggregate_id = c.payload::jsonb -> 'data' ->>"
            + " 'feeProposalId' and f.type = $2 and f.time <= c.time)",
        Tuple.of(
            FindingRules.CHARGE_ISSUED, FindingRules.FEE_PUBLISHED, window.to(), window.from()),
        row ->
            new Candidate(
                Kind.CHARGE_WITHOUT_PUBLISHED_FEE + ":" + row.getUUID(0),
                Kind.CHARGE_WITHOUT_PUBLISHED_FEE,
                row.getString(1),
                row.getString(2),
                "LN-ASV-06: after-school charge issued without a published fee (proposal "
                    + row.getString(3)
                    + ")",
                ids(row.getUUID(0))));
  }

  /**
   * ASV-06: an admission that has not exited although the provider institution's latest standing is
   * BLACK since before {@code cutoff}.
   */
  public Uni<List<Candidate>> providersServingAfterBlacklist(Instant cutoff) {
    return Rows.select(
        pool,
        "select a.event_id, b.event_id, i.inst, a.district from audit_event a"
            + " cross join lateral (select a.payload::jsonb -> 'data' ->> 'institutionId' as inst) i"
            + " join lateral (select e.event_id, e.type, e.time from timeline_entry t"
            + " join audit_event e on e.event_id = t.event_id where t.entity_id = i.inst"
            + " and t.type in "
            + STANDING_TYPES
            + " order by t.time desc, t.event_id desc limit 1) b"
            + " on b.type = $2 and b.time <= $4"
            + " where a.type = $1 and not exists (select 1 from audit_event x"
            + " where x.aggregate_id = a.aggregate_id and x.type = $3)",
        Tuple.of(
            FindingRules.PROVIDER_ADMITTED,
            FindingRules.BLACKLISTED,
            FindingRules.PROVIDER_EXITED,
            cutoff.atOffset(ZoneOffset.UTC)),
        row ->
            new Candidate(
                Kind.PROVIDER_SERVING_AFTER_BLACKLIST + ":" + row.getUUID(0) + ":" + row.getUUID(1),
                Kind.PROVIDER_SERVING_AFTER_BLACKLIST,
                row.getString(2),
                row.getString(3),
                "ASV-06: provider institution black-listed but its admission has not exited",
                ids(row.getUUID(0), row.getUUID(1))));
  }

  /** PLT-11: records set aside because they reused a stored event's id with other content. */
  public Uni<List<Candidate>> eventIdConflicts() {
    return Rows.select(
        pool,
        "select topic, kafka_partition, kafka_offset, reason from rejected_record"
            + " where reason like $1",
        Tuple.of(IdConflicts.ID_CONFLICT + ":%"),
        row -> {
          String reason = row.getString(3);
          String where = row.getString(0) + "/" + row.getInteger(1) + "@" + row.getLong(2);
          UUID eventId = IdConflicts.conflictingEvent(reason);
          return new Candidate(
              Kind.EVENT_ID_CONFLICT + ":" + where,
              Kind.EVENT_ID_CONFLICT,
              null,
              null,
              "PLT-11: record "
                  + where
                  + " reuses the id of event "
                  + eventId
                  + " with other content; the stored event is kept, the record is in"
                  + " rejected_record",
              List.of(eventId));
        });
  }

  /** Subject-type sessions with their local start date; the calendar is applied in Java. */
  public record Session(UUID eventId, String institutionId, String district, String localStart) {}

  public Uni<List<Session>> subjectSessions(Window window) {
    return Rows.select(
        pool,
        "select s.event_id, s.payload::jsonb -> 'data' ->> 'institutionId', s.district,"
            + " s.payload::jsonb -> 'data' ->> 'localStart' from audit_event s"
            + " where s.type = $1 and s.recorded_at > $3 and s.recorded_at <= $2"
            + " and s.payload::jsonb -> 'data' ->> 'category' = 'SUBJECT'",
        Tuple.of(FindingRules.SESSION_SCHEDULED, window.to(), window.from()),
        row -> new Session(row.getUUID(0), row.getString(1), row.getString(2), row.getString(3)));
  }

  private static List<UUID> ids(UUID... ids) {
    List<UUID> list = new ArrayList<>();
    for (UUID id : ids) {
      if (id != null) {
        list.add(id);
      }
    }
    return list;
  }
}
