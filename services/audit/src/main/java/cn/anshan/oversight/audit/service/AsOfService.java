package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.domain.EntityFold;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of an entity as of a version, a business instant or a recording instant (issue 7
 * capability 3): the fold of its own events that the cutoff admits, in version order. The database
 * selects the prefix by index; {@link EntityFold} folds it.
 */
@ApplicationScoped
public class AsOfService {
  private final Pool pool;
  private final TimelineService timelines;
  private final ObjectMapper mapper;

  public AsOfService(Pool pool, TimelineService timelines, ObjectMapper mapper) {
    this.pool = pool;
    this.timelines = timelines;
    this.mapper = mapper;
  }

  public record StateView(String entityId, String aggregateType, String asOf, JsonNode state) {}

  public Uni<StateView> state(
      Actor actor, String entityId, Long version, Instant time, Instant recordedAt) {
    AsOf asOf = AsOf.of(version, time, recordedAt);
    return timelines
        .mayRead(actor, entityId)
        .chain(
            () ->
                pool.preparedQuery(
                        "select aggregate_type, aggregate_version, type, time, recorded_at,"
                            + " payload, district from audit_event where aggregate_id = $1 and "
                            + asOf.condition()
                            + " order by aggregate_version, recorded_at")
                    .execute(Tuple.of(entityId, asOf.bound())))
        .map(rows -> fold(actor, entityId, asOf, rows));
  }

  /** The one cut-off asked for, its SQL condition and bound, and how the answer names it. */
  private record AsOf(EntityFold.Cutoff cutoff, String condition, Object bound, String label) {
    static AsOf of(Long version, Instant time, Instant recordedAt) {
      int given = (version != null ? 1 : 0) + (time != null ? 1 : 0) + (recordedAt != null ? 1 : 0);
      if (given != 1) {
        throw new ProblemException(
            Problem.ofFields(
                List.of(
                    new FieldError("/version", "give exactly one of version, time, recordedAt"))));
      }
      if (version != null) {
        return new AsOf(
            new EntityFold.AtVersion(version),
            "aggregate_version <= $2",
            version,
            "version " + version);
      }
      if (time != null) {
        return new AsOf(
            new EntityFold.AtTime(time),
            "time <= $2",
            time.atOffset(ZoneOffset.UTC),
            "time " + time);
      }
      return new AsOf(
          new EntityFold.AtRecorded(recordedAt),
          "recorded_at <= $2",
          recordedAt.atOffset(ZoneOffset.UTC),
          "recordedAt " + recordedAt);
    }
  }

  private StateView fold(Actor actor, String entityId, AsOf asOf, RowSet<Row> rows) {
    List<EntityFold.Event> events = new ArrayList<>();
    String type = null;
    for (Row row : rows) {
      TimelineService.wholeEntityInDistrict(actor, row.getString(6), entityId);
      type = row.getString(0);
      events.add(
          new EntityFold.Event(
              row.getLong(1),
              row.getString(2),
              row.getOffsetDateTime(3).toInstant(),
              row.getOffsetDateTime(4).toInstant(),
              data(row.getString(5))));
    }
    return new StateView(entityId, type, asOf.label(), EntityFold.asOf(events, asOf.cutoff()));
  }

  private JsonNode data(String payload) {
    try {
      return mapper.readTree(payload).path("data");
    } catch (IOException e) {
      return null;
    }
  }
}
