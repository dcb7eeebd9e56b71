package cn.anshan.oversight.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * $refs resolve from the classpath only (fixtures in src/test/resources/contracts/events/testonly).
 */
class SchemaResolutionTest {

  private static ObjectNode appliedAs(String type) {
    ObjectNode event =
        ContractFiles.readObject(
            ContractFiles.eventsDir()
                .resolve(Path.of("registry/InstitutionApplied.v1" + ContractFiles.EXAMPLE_SUFFIX)));
    return event.put("type", type);
  }

  @Test
  void envelopeReferencedByItsIdResolvesFromTheClasspath() {
    ObjectNode event = appliedAs("cn.anshan.oversight.testonly.ByAbsoluteId.v1");
    assertEquals(List.of(), EventContracts.violations(event.toString()));
    event.put("aggregateversion", 0);
    List<String> violations = EventContracts.violations(event.toString());
    assertTrue(violations.stream().anyMatch(v -> v.contains("aggregateversion")), "" + violations);
  }

  @Test
  void aReferenceOutsideTheContractsIsNeverFetched() {
    String event = appliedAs("cn.anshan.oversight.testonly.RefersToTheNetwork.v1").toString();
    RuntimeException e =
        assertThrows(RuntimeException.class, () -> EventContracts.violations(event));
    StringBuilder chain = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.append(t).append('\n');
    }
    assertTrue(chain.toString().contains("refusing to fetch"), chain.toString());
  }
}
