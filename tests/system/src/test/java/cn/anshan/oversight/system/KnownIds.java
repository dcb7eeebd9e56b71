package cn.anshan.oversight.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The object ids the journal shows, per user and parameter name: from the path and query parameters
 * of the user's successful requests, the {@code …Id} fields of the answers, and the scope claims of
 * the token. They fill the path and query parameters of the matrix's own probes.
 */
final class KnownIds {

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** user → parameter name → values in the order the journal shows them. */
  private final Map<String, Map<String, Set<String>>> byUser = new LinkedHashMap<>();

  KnownIds(List<RequestJournal.Exchange> journal, ServedApis apis) {
    for (RequestJournal.Exchange e : journal) {
      if (!e.is2xx()) {
        continue;
      }
      apis.match(e.method(), e.url())
          .ifPresent(op -> op.bind(e.method(), e.url()).forEach((k, v) -> add(e.user(), k, v)));
      String query = URI.create(e.url()).getRawQuery();
      if (query != null) {
        for (String pair : query.split("&")) {
          String[] kv = pair.split("=", 2);
          if (kv.length == 2) {
            add(e.user(), kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
          }
        }
      }
      String body = e.responseBody();
      if (body != null && (body.startsWith("{") || body.startsWith("["))) {
        try {
          collect(e.user(), Api.JSON.readTree(body), 0);
        } catch (IOException notJson) {
          // ids come from JSON answers only
        }
      }
    }
  }

  void addClaims(String user, Map<String, String> claims) {
    claims.forEach((k, v) -> add(user, k, v));
  }

  /**
   * Candidate values for a parameter: the user's own first, then everyone else's (a regulator or an
   * auditor may read objects it never touched in the story). {@code entityId} (audit) takes every
   * id.
   */
  List<String> candidates(String user, String param) {
    Set<String> out = new LinkedHashSet<>();
    List<Map<String, Set<String>>> sources = new ArrayList<>();
    sources.add(byUser.getOrDefault(user, Map.of()));
    byUser.forEach(
        (u, m) -> {
          if (!u.equals(user)) {
            sources.add(m);
          }
        });
    for (Map<String, Set<String>> m : sources) {
      if (param.equals("entityId")) {
        m.values()
            .forEach(vs -> vs.stream().filter(v -> UUID.matcher(v).matches()).forEach(out::add));
      } else {
        out.addAll(m.getOrDefault(param, Set.of()));
      }
    }
    return new ArrayList<>(out);
  }

  private void collect(String user, JsonNode n, int depth) {
    if (depth > 4) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> collect(user, c, depth + 1));
    } else if (n.isObject()) {
      n.properties()
          .forEach(
              f -> {
                if (f.getKey().endsWith("Id") && f.getValue().isTextual()) {
                  add(user, f.getKey(), f.getValue().asText());
                } else {
                  collect(user, f.getValue(), depth + 1);
                }
              });
    }
  }

  private void add(String user, String param, String value) {
    if (value != null && !value.isBlank()) {
      byUser
          .computeIfAbsent(user, u -> new LinkedHashMap<>())
          .computeIfAbsent(param, p -> new LinkedHashSet<>())
          .add(value);
    }
  }
}
