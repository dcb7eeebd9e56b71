package cn.anshan.oversight.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** asyncapi.yaml and the schema files agree: no dangling reference, no unlisted schema. */
class AsyncApiTest {

  private static final String CONTENT_TYPE = "application/cloudevents+json";
  private static JsonNode doc;

  @BeforeAll
  static void parse() throws IOException {
    doc =
        new ObjectMapper(new YAMLFactory())
            .readTree(ContractFiles.moduleDir().resolve("asyncapi.yaml").toFile());
  }

  @Test
  void isAnAsyncApi3DocumentForCloudEvents() {
    assertEquals("3.0.0", doc.path("asyncapi").asText());
    assertFalse(doc.path("info").path("title").asText().isBlank());
    assertFalse(doc.path("info").path("version").asText().isBlank());
    assertEquals(CONTENT_TYPE, doc.path("defaultContentType").asText());
  }

  @Test
  void hasAChannelPerTopic() {
    Set<String> addresses = new TreeSet<>();
    doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
    assertEquals(
        Set.of(
            "oversight.registry.events",
            "oversight.escrow.events",
            "oversight.enrolment.events",
            "oversight.fee.events",
            "oversight.audit.events"),
        addresses);
  }

  @Test
  void everyLocalReferenceResolves() {
    List<String> dangling = new ArrayList<>();
    for (String ref : refs(doc)) {
      if (ref.startsWith("#/") && doc.at(pointer(ref)).isMissingNode()) {
        dangling.add(ref);
      }
    }
    assertEquals(List.of(), dangling);
  }

  @Test
  void registryServiceSendsEveryRegistryMessage() {
    JsonNode op = doc.path("operations").path("publishRegistryEvents");
    assertEquals("send", op.path("action").asText());
    assertEquals("#/channels/registryEvents", op.path("channel").path("$ref").asText());
    Set<String> sent = new TreeSet<>();
    op.path("messages").forEach(m -> sent.add(m.path("$ref").asText()));
    Set<String> onChannel = new TreeSet<>();
    doc.path("channels")
        .path("registryEvents")
        .path("messages")
        .fieldNames()
        .forEachRemaining(name -> onChannel.add("#/channels/registryEvents/messages/" + name));
    assertFalse(onChannel.isEmpty());
    assertEquals(onChannel, sent);
  }

  @Test
  void everyMessageReferencesAnExistingSchemaAndEverySchemaIsReferenced() {
    Set<String> referenced = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> messages =
        doc.path("components").path("messages").fields();
    while (messages.hasNext()) {
      Map.Entry<String, JsonNode> entry = messages.next();
      JsonNode message = entry.getValue();
      JsonNode payload = message.path("payload");
      String ref =
          payload.has("schema")
              ? payload.path("schema").path("$ref").asText()
              : payload.path("$ref").asText();
      if (!ref.startsWith("./events/") || !ref.endsWith(ContractFiles.SCHEMA_SUFFIX)) {
        problems.add(entry.getKey() + ": payload must $ref ./events/...schema.json, was " + ref);
        continue;
      }
      Path schema = ContractFiles.moduleDir().resolve(ref).normalize();
      if (!Files.isRegularFile(schema)) {
        problems.add(entry.getKey() + ": " + ref + " does not exist");
        continue;
      }
      String key = ContractFiles.eventKey(schema);
      referenced.add(key);
      if (!message.path("name").asText().equals(ContractFiles.typeOf(key))) {
        problems.add(entry.getKey() + ": name must be the event type " + ContractFiles.typeOf(key));
      }
      // An event every context emits (ProducerHeartbeat) needs its context in the key.
      if (!entry.getKey().equals(key.substring(key.indexOf('/') + 1))
          && !entry.getKey().equals(key.replace('/', '.'))) {
        problems.add(
            entry.getKey() + ": message key must be [<context>.]<EventName>.v<N> of its schema");
      }
    }
    assertEquals(List.of(), problems);

    Set<String> schemas = new TreeSet<>();
    ContractFiles.eventSchemas().forEach(s -> schemas.add(ContractFiles.eventKey(s)));
    assertEquals(schemas, referenced, "every event schema must have an AsyncAPI message");
  }

  @Test
  void everyMessageIsOnTheChannelOfItsContext() {
    Iterator<Map.Entry<String, JsonNode>> channels = doc.path("channels").fields();
    Set<String> placed = new TreeSet<>();
    while (channels.hasNext()) {
      JsonNode channel = channels.next().getValue();
      String context = channel.path("address").asText().split("\\.")[1];
      channel
          .path("messages")
          .forEach(
              ref -> {
                JsonNode message = doc.at(pointer(ref.path("$ref").asText()));
                String type = message.path("name").asText();
                assertTrue(
                    type.startsWith("cn.anshan.oversight." + context + "."),
                    type + " is not on the channel of its context");
                placed.add(type);
              });
    }
    Set<String> all = new TreeSet<>();
    doc.path("components").path("messages").forEach(m -> all.add(m.path("name").asText()));
    assertEquals(all, placed, "every message must be on a channel");
  }

  private static String pointer(String localRef) {
    return localRef.substring(1);
  }

  private static List<String> refs(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                  out.add(e.getValue().asText());
                } else {
                  out.addAll(refs(e.getValue()));
                }
              });
    } else if (node.isArray()) {
      node.forEach(child -> out.addAll(refs(child)));
    }
    return out;
  }
}
