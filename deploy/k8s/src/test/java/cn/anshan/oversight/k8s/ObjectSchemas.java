package cn.anshan.oversight.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks one rendered object offline. Kubernetes' own kinds are read into the fabric8 model (the
 * Kubernetes API types, generated from its OpenAPI): a wrong type fails, and so does any field the
 * model does not know, which fabric8 would otherwise keep aside. Custom resources are validated
 * against their operator's vendored CRD schema ({@code schemas/}), made strict: where Kubernetes
 * would silently prune an unknown field, this check refuses it.
 */
final class ObjectSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Class<?>> MODEL =
      Map.of(
          "apps/v1/Deployment", Deployment.class,
          "v1/Service", Service.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
          "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
          "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);
  private final Path schemas;
  private final Map<String, JsonSchema> crds = new ConcurrentHashMap<>();

  ObjectSchemas(Path schemas) {
    this.schemas = schemas;
  }

  /** What is wrong with {@code object}, each naming where; empty when it fits. */
  List<String> violations(JsonNode object) {
    String id = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    String where = id + " " + Kustomize.name(object);
    List<String> found = new ArrayList<>();
    Class<?> model = MODEL.get(id);
    if (model != null) {
      try {
        unknownFields(JSON.convertValue(object, model), where, found);
      } catch (IllegalArgumentException e) {
        found.add(where + ": " + e.getMessage().lines().findFirst().orElse(""));
      }
      return found;
    }
    JsonSchema schema = crds.computeIfAbsent(id, this::crd);
    if (schema == null) {
      return List.of(where + ": no schema for this kind (add it to schemas/)");
    }
    for (ValidationMessage m : schema.validate(object)) {
      found.add(where + ": " + m.getMessage());
    }
    return found;
  }

  private JsonSchema crd(String id) {
    String[] parts = id.split("/");
    Path file = schemas.resolve(parts[0] + "_" + parts[1] + "_" + parts[2] + ".json");
    if (!Files.exists(file)) {
      return null;
    }
    try {
      ObjectNode schema = (ObjectNode) strict(JSON.readTree(file.toFile()));
      // every object has these, whatever its CRD lists (the API server checks them itself)
      ObjectNode root = schema.with("properties");
      root.putObject("apiVersion").put("type", "string");
      root.putObject("kind").put("type", "string");
      root.putObject("metadata").put("type", "object");
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The structural schema as a JSON Schema validator should read it: int-or-string as either,
   * nullable as null allowed, and objects closed unless the CRD preserves unknown fields.
   */
  static JsonNode strict(JsonNode node) {
    if (node instanceof ArrayNode array) {
      array.forEach(ObjectSchemas::strict);
      return node;
    }
    if (!(node instanceof ObjectNode o)) {
      return node;
    }
    if (o.path("x-kubernetes-int-or-string").asBoolean()) {
      ArrayNode either = o.putArray("anyOf");
      either.addObject().put("type", "integer");
      either.addObject().put("type", "string");
    }
    if (o.path("nullable").asBoolean() && o.has("type")) {
      ArrayNode types = JSON.createArrayNode().add(o.get("type").asText()).add("null");
      o.set("type", types);
    }
    boolean open = o.path("x-kubernetes-preserve-unknown-fields").asBoolean();
    if (o.has("properties") && !o.has("additionalProperties") && !open) {
      o.put("additionalProperties", false);
    }
    for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.startsWith("x-kubernetes-") || name.equals("nullable") || name.equals("format")) {
        names.remove();
      }
    }
    if (o.has("properties")) {
      o.get("properties").forEach(ObjectSchemas::strict);
    }
    for (String child :
        List.of("items", "additionalProperties", "anyOf", "oneOf", "allOf", "not")) {
      if (o.has(child)) {
        strict(o.get(child));
      }
    }
    return o;
  }

  /** Fields fabric8 kept aside because the Kubernetes type has no such field. */
  private static void unknownFields(Object value, String path, List<String> found) {
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        unknownFields(list.get(i), path + "[" + i + "]", found);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> unknownFields(v, path + "." + k, found));
      return;
    }
    if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object field;
      try {
        field = getter.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
          found.add(path + ": unknown field(s) " + extra.keySet());
        }
      } else {
        String name = getter.getName().substring(3);
        unknownFields(
            field, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), found);
      }
    }
  }
}
