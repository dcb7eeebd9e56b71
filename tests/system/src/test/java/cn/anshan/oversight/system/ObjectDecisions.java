package cn.anshan.oversight.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The explicit decisions of {@code object-decisions.txt}: why an operation on an object has no
 * own/foreign rows, or why users of another scope may use the object too.
 */
final class ObjectDecisions {

  enum Kind {
    /** No request of the story or the matrix reaches the operation; the reason says why. */
    NOT_IN_STORY,
    /** Users of the role in another scope may use the object too: the foreign row expects 2xx. */
    SHARED
  }

  record Decision(String line, Kind kind, String reason) {}

  private static final Map<String, Decision> DECISIONS = load();

  private ObjectDecisions() {}

  /** The decision for the operation and role (a line naming the role wins), or null. */
  static Decision of(Operation op, String role) {
    Decision d = DECISIONS.get(op.key() + " as " + role);
    return d != null ? d : DECISIONS.get(op.key());
  }

  /** Every line, by its key ("service METHOD path [as role]"). */
  static Map<String, Decision> all() {
    return DECISIONS;
  }

  private static Map<String, Decision> load() {
    Map<String, Decision> m = new LinkedHashMap<>();
    DecisionFile.read("/object-decisions.txt")
        .forEach(
            (key, value) -> {
              String[] kindAndReason = value.split(":", 2);
              Kind kind = Kind.valueOf(kindAndReason[0].strip().toUpperCase().replace('-', '_'));
              if (kindAndReason.length < 2 || kindAndReason[1].isBlank()) {
                throw new IllegalStateException(
                    "object-decisions.txt: a decision needs a reason: " + key + " = " + value);
              }
              m.put(key, new Decision(key + " = " + value, kind, kindAndReason[1].strip()));
            });
    return m;
  }
}
