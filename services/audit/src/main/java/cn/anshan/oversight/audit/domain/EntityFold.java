package cn.anshan.oversight.audit.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The state of an entity as of a point, folded from its own events in aggregate version order.
 * Audit does not know every producer's model, so the fold is generic and stable: each event's
 * {@code data} fields overwrite the previous ones (a field absent from a later event keeps its
 * value), and the state records the version, type and instants of the last event folded.
 */
public final class EntityFold {
  private EntityFold() {}

  /** One event of the entity, as far as the fold is concerned. */
  public record Event(long version, String type, Instant time, Instant recordedAt, JsonNode data) {}

  /** Where to stop: at most a version, or at an instant of business time or of recording. */
  public sealed interface Cutoff extends Predicate<Event> {}

  public record AtVersion(long version) implements Cutoff {
    @Override
    public boolean test(Event e) {
      return e.version() <= version;
    }
  }

  public record AtTime(Instant instant) implements Cutoff {
    @Override
    public boolean test(Event e) {
      return !e.time().isAfter(instant);
    }
  }

  public record AtRecorded(Instant instant) implements Cutoff {
    @Override
    public boolean test(Event e) {
      return !e.recordedAt().isAfter(instant);
    }
  }

  /** Folds events in the order given (callers pass a version-ordered prefix). */
  public static ObjectNode fold(List<Event> events) {
    ObjectNode state = JsonNodeFactory.instance.objectNode();
    ObjectNode fields = state.putObject("fields");
    long version = 0;
    for (Event e : events) {
      if (e.data() != null && e.data().isObject()) {
        for (Map.Entry<String, JsonNode> field : e.data().properties()) {
          fields.set(field.getKey(), field.getValue().deepCopy());
        }
      }
      version = e.version();
      state.put("lastType", e.type());
      state.put("lastTime", e.time().toString());
      state.put("lastRecordedAt", e.recordedAt().toString());
    }
    state.put("version", version);
    state.put("eventCount", events.size());
    return state;
  }

  /**
   * The state as of {@code cutoff}, from the entity's events in any (arrival) order: the events the
   * cutoff admits, in version order. A duplicate version (two event ids) folds both, by recording
   * order, so nothing received is hidden.
   */
  public static ObjectNode asOf(List<Event> history, Cutoff cutoff) {
    return fold(
        history.stream()
            .filter(cutoff)
            .sorted(
                Comparator.comparingLong(Event::version)
                    .thenComparing(Event::recordedAt)
                    .thenComparing(Event::type))
            .toList());
  }
}
