package cn.anshan.oversight.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 6902 add, replace and remove, the operations the overlays use; anything else fails. */
final class JsonPatch {
  private JsonPatch() {}

  static void apply(ObjectNode doc, ArrayNode ops) {
    for (JsonNode op : ops) {
      String[] path = op.path("path").asText().substring(1).split("/", -1);
      JsonNode parent = doc;
      for (int i = 0; i < path.length - 1; i++) {
        parent = child(parent, unescape(path[i]));
        if (parent == null || parent.isMissingNode()) {
          throw new IllegalArgumentException(
              "no " + op.path("path").asText() + " in " + Kustomize.name(doc));
        }
      }
      String last = unescape(path[path.length - 1]);
      switch (op.path("op").asText()) {
        case "add", "replace" -> set(parent, last, op.get("value"), op.path("op").asText(), doc);
        case "remove" -> remove(parent, last, doc);
        default -> throw new IllegalArgumentException("unsupported op " + op);
      }
    }
  }

  private static JsonNode child(JsonNode node, String key) {
    return node.isArray() ? node.path(Integer.parseInt(key)) : node.path(key);
  }

  private static void set(JsonNode parent, String key, JsonNode value, String op, ObjectNode doc) {
    if (parent instanceof ObjectNode o) {
      if (op.equals("replace") && !o.has(key)) {
        throw new IllegalArgumentException(
            "replace of missing " + key + " in " + Kustomize.name(doc));
      }
      o.set(key, value.deepCopy());
    } else if (parent instanceof ArrayNode a) {
      if (key.equals("-")) {
        a.add(value.deepCopy());
      } else if (op.equals("add")) {
        a.insert(Integer.parseInt(key), value.deepCopy());
      } else {
        a.set(Integer.parseInt(key), value.deepCopy());
      }
    }
  }

  private static void remove(JsonNode parent, String key, ObjectNode doc) {
    if (parent instanceof ObjectNode o && o.remove(key) == null) {
      throw new IllegalArgumentException("remove of missing " + key + " in " + Kustomize.name(doc));
    } else if (parent instanceof ArrayNode a && a.remove(Integer.parseInt(key)) == null) {
      throw new IllegalArgumentException(
          "remove of missing [" + key + "] in " + Kustomize.name(doc));
    }
  }

  private static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }
}
