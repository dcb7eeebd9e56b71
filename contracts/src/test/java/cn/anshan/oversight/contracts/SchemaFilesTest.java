package cn.anshan.oversight.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Schema files are well formed, named by the rules, and packaged on the classpath. */
class SchemaFilesTest {

  private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
  private static final Pattern EVENT_FILE =
      Pattern.compile("^[a-z]+/[A-Z][A-Za-z]*\\.v[0-9]+\\.(schema|example)\\.json$");

  @Test
  void thereIsAnEnvelopeAndAtLeastOneEvent() {
    assertTrue(Files.exists(ContractFiles.eventsDir().resolve(ContractFiles.ENVELOPE)));
    assertFalse(ContractFiles.eventSchemas().isEmpty());
  }

  @TestFactory
  Stream<DynamicTest> everySchemaIsJsonWithTheIdOfItsPath() {
    return ContractFiles.allSchemas().stream()
        .map(
            schema ->
                dynamicTest(
                    ContractFiles.relative(schema),
                    () -> {
                      JsonNode json = ContractFiles.readJson(schema);
                      assertEquals(DRAFT_2020_12, json.path("$schema").asText(), "$schema");
                      assertEquals(
                          EventContracts.SCHEMA_BASE_IRI
                              + "events/"
                              + ContractFiles.relative(schema),
                          json.path("$id").asText(),
                          "$id must match the file's path");
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyEventSchemaExtendsTheEnvelopeWithItsOwnConstants() {
    return ContractFiles.eventSchemas().stream()
        .map(
            schema ->
                dynamicTest(
                    ContractFiles.relative(schema),
                    () -> {
                      String rel = ContractFiles.relative(schema);
                      assertTrue(
                          EVENT_FILE.matcher(rel).matches(),
                          rel + " must be <context>/<EventName>.v<N>.schema.json");
                      String key = ContractFiles.eventKey(schema);
                      JsonNode json = ContractFiles.readJson(schema);
                      JsonNode allOf = json.path("allOf");
                      assertEquals(2, allOf.size(), "allOf: [envelope, this event]");
                      String ref = allOf.get(0).path("$ref").asText();
                      assertTrue(
                          ref.equals("../" + ContractFiles.ENVELOPE)
                              || ref.equals(
                                  EventContracts.SCHEMA_BASE_IRI
                                      + "events/"
                                      + ContractFiles.ENVELOPE),
                          "first allOf entry must $ref the envelope, was " + ref);
                      JsonNode properties = allOf.get(1).path("properties");
                      assertEquals(
                          ContractFiles.typeOf(key),
                          properties.path("type").path("const").asText());
                      assertEquals(
                          json.path("$id").asText(),
                          properties.path("dataschema").path("const").asText());
                      assertTrue(
                          properties.path("aggregatetype").has("const"), "aggregatetype const");
                      assertEquals("object", properties.path("data").path("type").asText());
                      assertFalse(
                          properties.path("data").path("additionalProperties").isBoolean()
                              && !properties.path("data").path("additionalProperties").asBoolean(),
                          "payloads must allow unknown properties");
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyExampleIsNamedByTheRules() {
    return ContractFiles.examples().stream()
        .map(
            example ->
                dynamicTest(
                    ContractFiles.relative(example),
                    () ->
                        assertTrue(
                            EVENT_FILE.matcher(ContractFiles.relative(example)).matches(),
                            "must be <context>/<EventName>.v<N>.example.json")));
  }

  @TestFactory
  Stream<DynamicTest> everySchemaIsOnTheClasspathUnderContracts() {
    return ContractFiles.allSchemas().stream()
        .map(
            schema ->
                dynamicTest(
                    ContractFiles.relative(schema),
                    () -> {
                      String resource = "contracts/events/" + ContractFiles.relative(schema);
                      try (InputStream in =
                          EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
                        assertNotNull(in, "missing classpath resource " + resource);
                        assertEquals(
                            ContractFiles.readJson(schema), ContractFiles.JSON.readTree(in));
                      }
                    }));
  }

  @Test
  void envelopeDeclaresEveryAttributeOfDesignSection2() {
    JsonNode envelope =
        ContractFiles.readJson(ContractFiles.eventsDir().resolve(Path.of(ContractFiles.ENVELOPE)));
    for (String name :
        new String[] {
          "specversion",
          "id",
          "source",
          "type",
          "subject",
          "time",
          "datacontenttype",
          "dataschema",
          "aggregatetype",
          "aggregateid",
          "aggregateversion",
          "sequence",
          "actor",
          "actorrole",
          "district",
          "correlationid",
          "causationid",
          "ruleversion",
          "data"
        }) {
      assertTrue(envelope.path("properties").has(name), name);
    }
  }
}
