package cn.anshan.oversight.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a served OpenAPI document: its roles ({@code security}) or, when it names none,
 * the decision of {@code authorisation-decisions.txt}; its path template and the path parameters
 * that name an object.
 */
record Operation(
    String service,
    String base,
    String method,
    String path,
    Set<String> roles,
    Decisions.Kind decision,
    JsonNode node,
    JsonNode doc) {

  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  /** "institution-registry GET /api/v1/courses/{courseId}", the key of the decision files. */
  String key() {
    return service + " " + method + " " + path;
  }

  /** By key: the documents are large, and an operation is what its key names. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Operation o && key().equals(o.key());
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  /** The path parameters, in order: each names an object (or a scope such as a school). */
  List<String> params() {
    List<String> names = new ArrayList<>();
    Matcher m = PARAM.matcher(path);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  boolean hasObject() {
    return path.contains("{");
  }

  /** Whether a user with these realm roles passes the role check. */
  boolean admits(Set<String> userRoles) {
    return decision != null || userRoles.stream().anyMatch(roles::contains);
  }

  /** Literal path segments: a concrete URL matches the most specific template. */
  int literalSegments() {
    return (int) List.of(path.split("/")).stream().filter(s -> !s.startsWith("{")).count();
  }

  /** The path parameter values of a concrete URL, or null when it is not this operation's. */
  Map<String, String> bind(String method, String url) {
    if (!this.method.equals(method) || !url.startsWith(base + "/")) {
      return null;
    }
    String[] template = path.split("/");
    String[] concrete =
        URI.create(url).getRawPath().substring(URI.create(base).getRawPath().length()).split("/");
    if (template.length != concrete.length) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < template.length; i++) {
      if (template[i].startsWith("{")) {
        values.put(template[i].substring(1, template[i].length() - 1), concrete[i]);
      } else if (!template[i].equals(concrete[i])) {
        return null;
      }
    }
    return values;
  }

  /** The concrete URL for parameter values. */
  String url(Map<String, String> values) {
    String p = path;
    for (Map.Entry<String, String> v : values.entrySet()) {
      p = p.replace("{" + v.getKey() + "}", v.getValue());
    }
    return base + p;
  }

  /** The required query parameters (e.g. a search's scope). */
  List<String> requiredQuery() {
    return query(true);
  }

  List<String> queryParams() {
    return query(false);
  }

  private List<String> query(boolean requiredOnly) {
    List<String> names = new ArrayList<>();
    node.path("parameters")
        .forEach(
            p -> {
              if ("query".equals(p.path("in").asText())
                  && (!requiredOnly || p.path("required").asBoolean())) {
                names.add(p.path("name").asText());
              }
            });
    return names;
  }

  /** The JSON schema of the first 2xx answer, or a missing node when the document names none. */
  JsonNode successSchema() {
    for (Map.Entry<String, JsonNode> r : node.path("responses").properties()) {
      if (r.getKey().startsWith("2")) {
        JsonNode content = r.getValue().path("content");
        for (Map.Entry<String, JsonNode> c : content.properties()) {
          if (c.getKey().contains("json")) {
            return c.getValue().path("schema");
          }
        }
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
