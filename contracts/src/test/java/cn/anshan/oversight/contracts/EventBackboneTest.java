package cn.anshan.oversight.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.contracts.EventBackbone.Principal;
import cn.anshan.oversight.contracts.EventBackbone.Subscription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** The backbone's grants agree with asyncapi.yaml and give nobody another producer's topic. */
class EventBackboneTest {

  @Test
  void everyChannelHasExactlyOneProducingPrincipalAndItsServerNeedsALogin() throws IOException {
    JsonNode doc =
        new ObjectMapper(new YAMLFactory())
            .readTree(ContractFiles.moduleDir().resolve("asyncapi.yaml").toFile());
    Set<String> channels = new TreeSet<>();
    doc.path("channels").forEach(c -> channels.add(c.path("address").asText()));
    Set<String> produced =
        EventBackbone.PRINCIPALS.stream().map(Principal::topic).collect(Collectors.toSet());
    assertEquals(channels, new TreeSet<>(produced));
    assertEquals(EventBackbone.PRINCIPALS.size(), produced.size(), "one topic per principal");
    assertEquals(
        "scramSha512",
        doc.path("components")
            .path("securitySchemes")
            .path("servicePrincipal")
            .path("type")
            .asText());
    assertTrue(doc.path("servers").path("local").path("security").size() > 0);
  }

  @Test
  void consumersReadOnlyTopicsThatExistAndEachGroupAndDeadLetterTopicIsOwnedOnce() {
    Set<String> produced =
        EventBackbone.PRINCIPALS.stream().map(Principal::topic).collect(Collectors.toSet());
    Set<String> groups = new HashSet<>();
    for (Principal p : EventBackbone.PRINCIPALS) {
      for (Subscription s : p.subscriptions()) {
        assertTrue(
            s.prefixed()
                ? s.topic().equals(EventBackbone.TOPIC_PREFIX)
                : produced.contains(s.topic()),
            p.name() + " reads " + s.topic());
        assertTrue(s.group().startsWith(p.name()), p.name() + " uses group " + s.group());
        assertTrue(groups.add(s.group()), "group " + s.group() + " granted twice");
      }
    }
  }

  @Test
  void writeGrantsAreLiteralAndOnlyOnTheOwnTopicOrOwnDeadLetterTopics() {
    List<AclBinding> acls = EventBackbone.acls(EventBackbone.PRINCIPALS);
    assertEquals(acls.size(), new HashSet<>(acls).size(), "each grant once");
    for (AclBinding b : acls) {
      if (b.entry().operation() != AclOperation.WRITE) {
        continue;
      }
      Principal p = EventBackbone.principal(b.entry().principal().substring("User:".length()));
      assertEquals(ResourceType.TOPIC, b.pattern().resourceType());
      assertEquals(PatternType.LITERAL, b.pattern().patternType(), b.toString());
      Set<String> own = new HashSet<>(EventBackbone.topics(List.of(p)));
      assertTrue(own.contains(b.pattern().name()), b.toString());
    }
    assertTrue(
        acls.stream()
            .noneMatch(
                b ->
                    b.entry().operation() == AclOperation.CREATE
                        || b.entry().operation() == AclOperation.ALL
                        || b.pattern().resourceType() == ResourceType.CLUSTER),
        "no principal creates topics or acts on the cluster");
  }

  @Test
  void provisioningReadsOnePasswordVariablePerPrincipal() {
    assertEquals(
        "KAFKA_PASSWORD_INSTITUTION_REGISTRY",
        ProvisionBackbone.passwordVariable("institution-registry"));
    assertEquals("KAFKA_PASSWORD_AUDIT", ProvisionBackbone.passwordVariable("audit"));
  }
}
