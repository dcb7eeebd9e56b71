package cn.anshan.oversight.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a response schema of an OpenAPI document: {@code $ref}s into {@code components/schemas},
 * arrays, nested objects, maps and {@code allOf/oneOf/anyOf}, collecting denylisted property and
 * schema names ({@link PersonalData}).
 */
final class ResponseSchema {

  private static final String COMPONENTS = "#/components/schemas/";

  private final JsonNode doc;
  private final Set<String> visiting = new HashSet<>();
  private final List<String> denied = new ArrayList<>();
  private int properties;

  ResponseSchema(JsonNode doc) {
    this.doc = doc;
  }

  List<String> denied() {
    return denied;
  }

  /** Properties walked so far. */
  int properties() {
    return properties;
  }

  void walk(JsonNode schema, String path) {
    String ref = schema.path("$ref").asText("");
    if (ref.startsWith(COMPONENTS)) {
      String name = ref.substring(COMPONENTS.length());
      String staff = PersonalData.deniedSchema(name);
      if (staff != null) {
        denied.add(path + " → " + name + " (a " + staff + " record)");
      }
      // a recursive schema is walked once per path from the root
      if (visiting.add(name)) {
        walk(doc.path("components").path("schemas").path(name), path);
        visiting.remove(name);
      }
      return;
    }
    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
      properties++;
      String field = PersonalData.deniedField(p.getKey());
      if (field != null) {
        denied.add(path + "/" + p.getKey() + " (" + field + ")");
      }
      walk(p.getValue(), path + "/" + p.getKey());
    }
    if (schema.has("items")) {
      walk(schema.path("items"), path + "[]");
    }
    if (schema.path("additionalProperties").isObject()) {
      walk(schema.path("additionalProperties"), path + "/*");
    }
    for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
      schema.path(combinator).forEach(s -> walk(s, path));
    }
  }
}
