package cn.anshan.oversight.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The validator can fail: broken copies of the golden examples are reported. */
class ViolationsTest {

  private static final String APPLIED = "registry/InstitutionApplied.v1";
  private static final String APPROVED = "registry/ApplicationApproved.v1";
  private static final String REJECTED = "registry/ApplicationRejected.v1";

  @Test
  void aggregateVersionZero() {
    assertViolation(APPLIED, e -> e.put("aggregateversion", 0), "aggregateversion");
  }

  @Test
  void sequenceMustBeAnInteger() {
    assertViolation(APPROVED, e -> e.put("sequence", "52"), "sequence");
  }

  @Test
  void missingActor() {
    assertViolation(APPLIED, e -> e.remove("actor"), "actor");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
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
        "correlationid",
        "causationid",
        "ruleversion",
        "data",
        "district"
      })
  void everyRequiredAttributeIsRequired(String attribute) {
    assertViolation(APPROVED, e -> e.remove(attribute), attribute);
  }

  @Test
  void wrongTypeConstant() {
    // Checked against InstitutionApplied's schema, whatever the event claims to be.
    ObjectNode event = example(APPLIED);
    event.put("type", "cn.anshan.oversight.registry.ApplicationApproved.v1");
    List<String> violations =
        EventContracts.validate("cn.anshan.oversight.registry.InstitutionApplied.v1", event);
    assertMentions(violations, "$.type");
  }

  @Test
  void typeOfAnotherEventSelectsThatSchemaAndFails() {
    assertViolation(
        APPLIED,
        e -> e.put("type", "cn.anshan.oversight.registry.ApplicationApproved.v1"),
        "dataschema");
  }

  @Test
  void wrongDataschemaConstant() {
    assertViolation(
        APPLIED, e -> e.put("dataschema", ContractFiles.schemaIdOf(APPROVED)), "dataschema");
  }

  @Test
  void wrongSourceConstant() {
    assertViolation(REJECTED, e -> e.put("source", "/oversight/escrow"), "source");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cn.anshan.oversight.registry.InstitutionApplied.v9",
        "cn.anshan.oversight.nosuchcontext.InstitutionApplied.v1",
        "cn.anshan.oversight.registry.institution-applied",
        "InstitutionApplied"
      })
  void unknownTypeHasNoSchema(String type) {
    assertViolation(APPLIED, e -> e.put("type", type), "no schema for type " + type);
  }

  @Test
  void nonSubjectApplicationWithoutSubCategory() {
    assertViolation(APPLIED, e -> data(e).remove("subCategory"), "subCategory");
    assertViolation(APPLIED, e -> data(e).putNull("subCategory"), "subCategory");
  }

  @Test
  void subjectApplicationWithASubCategory() {
    assertViolation(APPLIED, e -> data(e).put("category", "SUBJECT"), "subCategory");
  }

  @Test
  void subjectApplicationWithoutSubCategoryIsValid() {
    assertValid(
        APPLIED,
        e -> {
          data(e).put("category", "SUBJECT").remove("subCategory");
          data(e).put("legalForm", "MINFEI");
        });
    assertValid(APPLIED, e -> data(e).put("category", "SUBJECT").putNull("subCategory"));
  }

  @Test
  void applicationWithBadEnumsAndBounds() {
    assertViolation(APPLIED, e -> data(e).put("category", "MIXED"), "category");
    assertViolation(APPLIED, e -> data(e).put("mode", "HYBRID"), "mode");
    assertViolation(APPLIED, e -> data(e).put("legalForm", "SOLE_TRADER"), "legalForm");
    assertViolation(APPLIED, e -> data(e).putArray("studentStages"), "studentStages");
    assertViolation(
        APPLIED,
        e -> data(e).putArray("studentStages").add("PRIMARY").add("PRIMARY"),
        "studentStages");
    assertViolation(
        APPLIED, e -> data(e).putArray("studentStages").add("UNIVERSITY"), "studentStages");
    assertViolation(APPLIED, e -> data(e).put("premisesAreaSqm", -1), "premisesAreaSqm");
    assertViolation(APPLIED, e -> data(e).put("maxStudentsPerSlot", 0), "maxStudentsPerSlot");
    assertViolation(APPLIED, e -> data(e).put("maxStudentsPerSlot", 2.5), "maxStudentsPerSlot");
    assertViolation(APPLIED, e -> data(e).put("name", ""), "name");
    assertViolation(APPLIED, e -> data(e).put("name", "x".repeat(201)), "name");
    assertViolation(APPLIED, e -> data(e).put("appliedAt", "yesterday"), "appliedAt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"reg-04", "REG-4", "REG04", "REG-004", "-04", "REG--04", "REG-04 "})
  void rejectionWithMalformedRuleId(String ruleId) {
    assertViolation(REJECTED, e -> reason(e).put("ruleId", ruleId), "ruleId");
  }

  @ParameterizedTest
  @ValueSource(strings = {"REG-04", "LN-PRE-04", "TIM-03", "A-B-C-99"})
  void rejectionWithWellFormedRuleId(String ruleId) {
    assertValid(REJECTED, e -> reason(e).put("ruleId", ruleId));
  }

  @Test
  void rejectionWithoutReasonsOrDetail() {
    assertViolation(REJECTED, e -> data(e).putArray("reasons"), "reasons");
    assertViolation(REJECTED, e -> reason(e).remove("detail"), "detail");
    assertViolation(REJECTED, e -> reason(e).put("detail", "x".repeat(1001)), "detail");
  }

  @Test
  void approvalWithoutSupervisor() {
    assertViolation(APPROVED, e -> data(e).remove("supervisorId"), "supervisorId");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-02 01:15:30Z",
        "2026-03-02T01:15:30",
        "2026-03-02T09:15:30+08:00",
        "2026-02-30T01:15:30Z",
        "2026-03-02T25:15:30Z",
        "not a time"
      })
  void badTime(String time) {
    assertViolation(APPLIED, e -> e.put("time", time), "time");
  }

  @Test
  void impossibleDateIsCaughtByTheFormatAssertion() {
    // Matches the envelope's pattern, so only the date-time format check can reject it.
    List<String> violations = violations(APPLIED, e -> e.put("time", "2026-02-30T01:15:30Z"));
    assertTrue(
        violations.stream().anyMatch(v -> v.contains("date-time")),
        "expected a date-time format violation, got " + violations);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"42", "c7237a8b-bc82-4edd-9551-22b2f975e7d", "c7237a8bbc824edd955122b2f975e7df"})
  void badId(String id) {
    assertViolation(APPLIED, e -> e.put("id", id), "$.id");
  }

  @Test
  void badSpecversionAndContentType() {
    assertViolation(APPLIED, e -> e.put("specversion", "0.3"), "specversion");
    assertViolation(APPLIED, e -> e.put("datacontenttype", "text/plain"), "datacontenttype");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4bf92f3577b34da6a3ce929d0e0e4736",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01"
      })
  void malformedTraceparent(String traceparent) {
    assertViolation(APPLIED, e -> e.put("traceparent", traceparent), "traceparent");
  }

  @Test
  void attributeNamesMustBeLowercaseAlphanumeric() {
    assertViolation(APPLIED, e -> e.put("aggregate_id", "x"), "aggregate_id");
    assertViolation(APPLIED, e -> e.put("traceParent", "x"), "traceParent");
  }

  @Test
  void subjectMustBeAggregateTypeSlashId() {
    assertViolation(APPROVED, e -> e.put("subject", "Institution/someone-else"), "subject");
    assertViolation(
        APPROVED, e -> e.put("subject", "Course/" + e.get("aggregateid").asText()), "subject");
  }

  @Test
  void unknownFieldsAreAllowed() {
    assertValid(
        APPLIED,
        e -> {
          e.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
          data(e).put("someFutureField", 7);
        });
    assertValid(REJECTED, e -> reason(e).put("hint", "apply for a non-subject licence"));
  }

  @Test
  void notAnEventAtAll() {
    assertMentions(EventContracts.violations("{not json"), "not valid JSON");
    assertMentions(EventContracts.violations("[]"), "not a JSON object");
    assertMentions(EventContracts.violations("{}"), "$.type");
    assertMentions(EventContracts.violations(null), "null");
  }

  @Test
  void assertValidThrowsWithEveryViolation() {
    ObjectNode event = example(APPLIED);
    event.put("aggregateversion", 0);
    event.remove("actor");
    AssertionError error =
        assertThrows(AssertionError.class, () -> EventContracts.assertValid(event.toString()));
    assertTrue(error.getMessage().contains("aggregateversion"), error.getMessage());
    assertTrue(error.getMessage().contains("actor"), error.getMessage());
  }

  @Test
  void validatesConcurrently() throws Exception {
    String valid = example(APPLIED).toString();
    ObjectNode broken = example(REJECTED);
    reason(broken).put("ruleId", "bad");
    String invalid = broken.toString();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results =
          pool.invokeAll(
              java.util.stream.IntStream.range(0, 40)
                  .<java.util.concurrent.Callable<Boolean>>mapToObj(
                      i ->
                          () ->
                              i % 2 == 0
                                  ? EventContracts.violations(valid).isEmpty()
                                  : !EventContracts.violations(invalid).isEmpty())
                  .toList());
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // --- helpers ---

  private static ObjectNode example(String key) {
    return ContractFiles.readObject(
        ContractFiles.eventsDir().resolve(Path.of(key + ContractFiles.EXAMPLE_SUFFIX)));
  }

  private static ObjectNode data(ObjectNode event) {
    return (ObjectNode) event.get("data");
  }

  private static ObjectNode reason(ObjectNode event) {
    return (ObjectNode) ((ArrayNode) data(event).get("reasons")).get(0);
  }

  private static List<String> violations(String key, Consumer<ObjectNode> breakIt) {
    ObjectNode event = example(key);
    breakIt.accept(event);
    return EventContracts.violations(event.toString());
  }

  private static void assertViolation(String key, Consumer<ObjectNode> breakIt, String mention) {
    assertMentions(violations(key, breakIt), mention);
  }

  private static void assertValid(String key, Consumer<ObjectNode> change) {
    assertEquals(List.of(), violations(key, change));
  }

  private static void assertMentions(List<String> violations, String mention) {
    assertTrue(
        violations.stream().anyMatch(v -> v.contains(mention)),
        "expected a violation mentioning '" + mention + "', got " + violations);
  }
}
