package cn.anshan.oversight.audit.rest;

import static cn.anshan.oversight.audit.rest.AuditFixtures.AUDITOR;
import static cn.anshan.oversight.audit.rest.AuditFixtures.awaitStored;
import static cn.anshan.oversight.audit.rest.AuditFixtures.timeline;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.testkit.KafkaRecords;
import cn.anshan.oversight.testkit.OversightTestResources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Audit reads every producer's golden examples from their topics, and an institution's timeline
 * gathers the events of every service that name it (registry, escrow, enrolment).
 */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class GoldenExamplesIngestTest {
  static final String INSTITUTION = "8d5f3a0e-4b7c-4f1e-9a51-2f0c9d7e6a01";
  static final String SCHOOL = "school-tiedong-07";

  @Test
  void everyGoldenExampleIsStoredAndTimelinesSpanServices() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    List<Path> examples;
    try (Stream<Path> files = Files.walk(Path.of("../../contracts/events"))) {
      examples = files.filter(p -> p.toString().endsWith(".example.json")).sorted().toList();
    }
    for (Path example : examples) {
      String json = Files.readString(example);
      JsonNode event = mapper.readTree(json);
      String context = example.getParent().getFileName().toString();
      KafkaRecords.send(
          "oversight." + context + ".events", event.path("aggregateid").asText(), json);
      ids.add(event.path("id").asText());
    }
    awaitStored(ids.stream().distinct().toArray(String[]::new));

    Set<String> sources =
        new TreeSet<>(timeline(AUDITOR, INSTITUTION, "limit=500").getList("items.source"));
    assertTrue(
        sources.containsAll(
            Set.of(
                "/oversight/institution-registry",
                "/oversight/escrow-monitor",
                "/oversight/enrolment")),
        sources.toString());
    Set<String> schoolSources =
        new TreeSet<>(timeline(AUDITOR, SCHOOL, "limit=500").getList("items.source"));
    assertTrue(
        schoolSources.containsAll(Set.of("/oversight/fee-approval", "/oversight/enrolment")),
        schoolSources.toString());
  }
}
