package cn.anshan.oversight.system;

import java.util.LinkedHashMap;
import java.util.Map;

/** The explicit decisions of {@code authorisation-decisions.txt} for operations without roles. */
final class Decisions {

  enum Kind {
    AUTHENTICATED,
    PUBLIC
  }

  private static final Map<String, Kind> DECISIONS = load();

  private Decisions() {}

  /** The decision for an operation without roles, or null when nobody decided. */
  static Kind of(String service, String method, String path) {
    return DECISIONS.get(service + " " + method.toUpperCase() + " " + path);
  }

  private static Map<String, Kind> load() {
    Map<String, Kind> m = new LinkedHashMap<>();
    DecisionFile.read("/authorisation-decisions.txt")
        .forEach((key, value) -> m.put(key, Kind.valueOf(value.toUpperCase())));
    return m;
  }
}
