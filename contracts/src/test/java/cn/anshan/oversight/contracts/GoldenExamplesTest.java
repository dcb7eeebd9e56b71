package cn.anshan.oversight.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every golden example is a valid event of its type, and the official CloudEvents SDK reads it. */
class GoldenExamplesTest {

  private static final List<String> STRING_EXTENSIONS =
      List.of(
          "aggregatetype",
          "aggregateid",
          "actor",
          "actorrole",
          "correlationid",
          "causationid",
          "ruleversion");
  private static final List<String> INTEGER_EXTENSIONS = List.of("aggregateversion", "sequence");

  @Test
  void thereAreExamplesToCheck() {
    assertFalse(ContractFiles.examples().isEmpty(), "no *.example.json under events/");
  }

  @Test
  void everyExampleHasASchemaAndEverySchemaHasAnExample() {
    Set<String> schemas = keys(ContractFiles.eventSchemas().stream());
    Set<String> examples = keys(ContractFiles.examples().stream());
    Set<String> examplesWithoutSchema = new TreeSet<>(examples);
    examplesWithoutSchema.removeAll(schemas);
    Set<String> schemasWithoutExample = new TreeSet<>(schemas);
    schemasWithoutExample.removeAll(examples);
    assertTrue(
        examplesWithoutSchema.isEmpty(), "examples without a schema: " + examplesWithoutSchema);
    assertTrue(
        schemasWithoutExample.isEmpty(), "schemas without an example: " + schemasWithoutExample);
  }

  @TestFactory
  Stream<DynamicTest> everyExampleValidatesAgainstItsSchema() {
    return ContractFiles.examples().stream()
        .map(
            example ->
                dynamicTest(
                    ContractFiles.relative(example),
                    () -> {
                      String key = ContractFiles.eventKey(example);
                      JsonNode event = ContractFiles.readJson(example);
                      assertEquals(
                          ContractFiles.typeOf(key),
                          event.path("type").asText(),
                          "the example's type must match its file name");
                      assertEquals(
                          ContractFiles.schemaIdOf(key),
                          event.path("dataschema").asText(),
                          "the example's dataschema must be its schema's $id");
                      List<String> violations =
                          EventContracts.violations(ContractFiles.read(example));
                      assertEquals(List.of(), violations, "violations in " + example);
                      EventContracts.assertValid(ContractFiles.read(example));
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyExampleParsesWithTheCloudEventsSdk() {
    EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    assertNotNull(format, "no CloudEvents event format for " + JsonFormat.CONTENT_TYPE);
    return ContractFiles.examples().stream()
        .map(
            example ->
                dynamicTest(
                    ContractFiles.relative(example),
                    () -> {
                      byte[] bytes = Files.readAllBytes(example);
                      JsonNode json = ContractFiles.JSON.readTree(bytes);
                      CloudEvent event = format.deserialize(bytes);

                      assertEquals(SpecVersion.V1, event.getSpecVersion());
                      assertEquals(json.get("id").asText(), event.getId());
                      assertEquals(json.get("type").asText(), event.getType());
                      assertEquals(URI.create(json.get("source").asText()), event.getSource());
                      assertEquals(json.get("subject").asText(), event.getSubject());
                      assertEquals(
                          Instant.parse(json.get("time").asText()), event.getTime().toInstant());
                      assertEquals("application/json", event.getDataContentType());
                      assertEquals(
                          URI.create(json.get("dataschema").asText()), event.getDataSchema());

                      for (String name : STRING_EXTENSIONS) {
                        assertEquals(json.get(name).asText(), event.getExtension(name), name);
                      }
                      if (json.has("district")) {
                        assertEquals(json.get("district").asText(), event.getExtension("district"));
                      }
                      for (String name : INTEGER_EXTENSIONS) {
                        Object value = event.getExtension(name);
                        assertInstanceOf(Number.class, value, name);
                        assertEquals(
                            json.get(name).longValue(), ((Number) value).longValue(), name);
                      }

                      assertNotNull(event.getData(), "data lost");
                      JsonNode data = ContractFiles.JSON.readTree(event.getData().toBytes());
                      assertEquals(json.get("data"), data, "data must survive unchanged");

                      // And back: what the SDK writes is the same event, attribute for attribute.
                      JsonNode written =
                          ContractFiles.JSON.readTree(
                              new String(format.serialize(event), StandardCharsets.UTF_8));
                      assertEquals(json, written, "SDK round trip changed the event");
                    }));
  }

  private static Set<String> keys(Stream<Path> files) {
    return files.map(ContractFiles::eventKey).collect(Collectors.toCollection(TreeSet::new));
  }
}
