package cn.anshan.oversight.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
    try (InputStream in = Decisions.class.getResourceAsStream("/authorisation-decisions.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] kv = line.split("=", 2);
        m.put(kv[0].strip(), Kind.valueOf(kv[1].strip().toUpperCase()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }
}
