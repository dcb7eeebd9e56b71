package cn.anshan.oversight.audit.service;

import cn.anshan.oversight.audit.domain.EntityFold;
import cn.anshan.oversight.kit.problem.FieldError;
import cn.anshan.oversight.kit.problem.Problem;
import cn.anshan.oversight.kit.problem.ProblemException;
import cn.anshan.oversight.kit.security.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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
    int given = (version != null ? 1 : 0) + (time != null ? 1 : 0) + (recordedAt != null ? 1 : 0);
    if (given != 1) {
      throw new ProblemException(
          Problem.ofFields(
              List.of(
                  new FieldError("/version", "give exactly one of version, time, recordedAt"))));
    }
    EntityFold.Cutoff cutoff;
    String condition;
    Object bound;
    String asOf;
    if (version != null) {
      cutoff = new EntityFold.AtVersion(version);
      condition = "aggregate_version <= $2";
      bound = version;
      asOf = "version " + version;
    } else if (time != null) {
      cutoff = new EntityFold.AtTime(time);
      condition = "time <= $2";
      bound = time.atOffset(ZoneOffset.UTC);
      asOf = "time " + time;
    } else {
      cutoff = new EntityFold.AtRecorded(recordedAt);
      condition = "recorded_at <= $2";
      bound = recordedAt.atOffset(ZoneOffset.UTC);
      asOf = "recordedAt " + recordedAt;
    }
    return timelines
        .mayRead(actor, entityId)
        .chain(
            () ->
                pool.preparedQuery(
                        "select aggregate_type, aggregate_version, type, time, recorded_at,"
                            + " payload, district from audit_event where aggregate_id = $1 and "
                            + condition
                            + " order by aggregate_version, recorded_at")
                    .execute(Tuple.of(entityId, bound)))
        .map(
            rows -> {
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
              ObjectNode state = EntityFold.asOf(events, cutoff);
              return new StateView(entityId, type, asOf, state);
            });
  }

  private JsonNode data(String payload) {
    try {
      return mapper.readTree(payload).path("data");
    } catch (IOException e) {
      return null;
    }
  }
}
