package cn.anshan.oversight.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The part of kustomize the overlays use, so the check runs on machines without kubectl: resources
 * (files and kustomization directories), {@code namespace}, {@code labels} (metadata only), {@code
 * images} and JSON 6902 {@code patches} chosen by kind and name. ManifestsTest compares its output
 * with {@code kubectl kustomize} wherever kubectl is installed.
 */
final class Kustomize {
  static final ObjectMapper YAML = new YAMLMapper();
  private static final Set<String> HANDLED =
      Set.of("apiVersion", "kind", "resources", "labels", "namespace", "images", "patches");

  private Kustomize() {}

  static List<ObjectNode> render(Path dir) {
    JsonNode k = readAll(dir.resolve("kustomization.yaml")).get(0);
    // a field this subset does not apply would silently render something else than kubectl
    k.fieldNames()
        .forEachRemaining(
            field -> {
              if (!HANDLED.contains(field)) {
                throw new IllegalArgumentException(
                    dir + ": kustomize field " + field + " is not handled");
              }
            });
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode r : k.path("resources")) {
      Path p = dir.resolve(r.asText()).normalize();
      out.addAll(Files.isDirectory(p) ? render(p) : readAll(p));
    }
    for (JsonNode set : k.path("labels")) {
      out.forEach(o -> metadata(o, "labels").setAll((ObjectNode) set.path("pairs")));
    }
    if (k.hasNonNull("namespace")) {
      out.forEach(
          o -> ((ObjectNode) o.path("metadata")).put("namespace", k.get("namespace").asText()));
    }
    for (JsonNode image : k.path("images")) {
      out.forEach(o -> retag(o, image));
    }
    for (JsonNode patch : k.path("patches")) {
      JsonNode target = patch.path("target");
      ArrayNode ops = (ArrayNode) readTree(patch.path("patch").asText());
      out.stream()
          .filter(o -> o.path("kind").asText().equals(target.path("kind").asText()))
          .filter(o -> !target.has("name") || name(o).equals(target.path("name").asText()))
          .forEach(o -> JsonPatch.apply(o, ops));
    }
    return out;
  }

  static String name(JsonNode o) {
    return o.path("metadata").path("name").asText();
  }

  static List<ObjectNode> readAll(Path file) {
    try (var parser = new YAMLFactory().createParser(file.toFile())) {
      List<ObjectNode> docs = new ArrayList<>();
      var it = YAML.readValues(parser, ObjectNode.class);
      while (it.hasNext()) {
        ObjectNode doc = it.next();
        if (doc != null && !doc.isEmpty()) {
          docs.add(doc);
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static JsonNode readTree(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode metadata(ObjectNode o, String field) {
    ObjectNode meta = (ObjectNode) o.path("metadata");
    return meta.has(field) ? (ObjectNode) meta.get(field) : meta.putObject(field);
  }

  private static void retag(ObjectNode o, JsonNode image) {
    for (JsonNode c : o.path("spec").path("template").path("spec").path("containers")) {
      String ref = c.path("image").asText();
      int colon = ref.lastIndexOf(':');
      String name = colon < 0 ? ref : ref.substring(0, colon);
      if (name.equals(image.path("name").asText())) {
        String tag = image.has("newTag") ? image.get("newTag").asText() : ref.substring(colon + 1);
        ((ObjectNode) c).put("image", image.path("newName").asText(name) + ":" + tag);
      }
    }
  }
}
