package cn.anshan.oversight.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.contracts.EventBackbone;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 20 item 6: the rendered overlays are valid Kubernetes (every object against the Kubernetes
 * model or its operator's CRD schema, offline) and say what the platform needs: the topics and ACLs
 * of contracts EventBackbone, a production realm without the demo realm's weaknesses, redundancy,
 * probes, limits and secrets by reference in production.
 */
class ManifestsTest {
  static final Path K8S = Path.of(System.getProperty("k8s.dir", "."));
  static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectSchemas SCHEMAS = new ObjectSchemas(K8S.resolve("schemas"));
  static final Set<String> SERVICES =
      Set.of("institution-registry", "escrow-monitor", "enrolment", "fee-approval", "audit");

  static List<ObjectNode> render(String overlay) {
    return Kustomize.render(K8S.resolve("overlays").resolve(overlay));
  }

  static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
    return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
  }

  static ObjectNode named(List<ObjectNode> objects, String kind, String name) {
    return ofKind(objects, kind).stream()
        .filter(o -> Kustomize.name(o).equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  static Stream<JsonNode> each(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void everyRenderedObjectFitsItsSchema(String overlay) {
    List<ObjectNode> objects = render(overlay);
    assertTrue(objects.size() > 50, "rendered " + objects.size() + " objects");
    List<String> violations = new ArrayList<>();
    objects.forEach(o -> violations.addAll(SCHEMAS.violations(o)));
    assertEquals(List.of(), violations);
  }

  @Test
  void aTypoFailsTheCheck() {
    List<ObjectNode> objects = render("production");
    ObjectNode deployment = named(objects, "Deployment", "audit").deepCopy();
    ((ObjectNode) deployment.path("spec")).put("replica", 3);
    assertFalse(SCHEMAS.violations(deployment).isEmpty(), "Deployment spec.replica");
    ObjectNode probe = named(objects, "Deployment", "audit").deepCopy();
    ((ObjectNode) probe.at("/spec/template/spec/containers/0/readinessProbe/httpGet"))
        .put("paht", "/q/health/ready");
    assertFalse(SCHEMAS.violations(probe).isEmpty(), "httpGet.paht");
    ObjectNode kafka = named(objects, "Kafka", "oversight").deepCopy();
    ((ObjectNode) kafka.at("/spec/kafka")).put("listener", "scram");
    assertFalse(SCHEMAS.violations(kafka).isEmpty(), "Kafka spec.kafka.listener");
    ObjectNode cluster = named(objects, "Cluster", "oversight-pg").deepCopy();
    ((ObjectNode) cluster.path("spec")).put("instances", "three");
    assertFalse(SCHEMAS.violations(cluster).isEmpty(), "Cluster spec.instances as a string");
    ObjectNode unknown =
        JSON.createObjectNode().put("apiVersion", "example.com/v1").put("kind", "X");
    unknown.putObject("metadata").put("name", "x");
    assertFalse(SCHEMAS.violations(unknown).isEmpty(), "a kind without a schema");
  }

  /** The renderer here is the kustomize subset the overlays use; kubectl's own must agree. */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "production"})
  void rendersAsKubectlKustomizeDoes(String overlay) throws Exception {
    Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed: compared where it is");
    Process kubectl =
        new ProcessBuilder(
                "kubectl", "kustomize", K8S.resolve("overlays").resolve(overlay).toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(kubectl.getInputStream().readAllBytes());
    assertEquals(0, kubectl.waitFor(), out);
    Path rendered = Files.createTempFile("kustomize", ".yaml");
    Files.writeString(rendered, out);
    Map<String, JsonNode> theirs = byName(Kustomize.readAll(rendered));
    Map<String, JsonNode> ours = byName(render(overlay));
    assertEquals(theirs.keySet(), ours.keySet());
    List<String> differing = new ArrayList<>();
    theirs.forEach(
        (key, object) -> {
          if (!object.equals(ours.get(key))) {
            differing.add(key + "\n kubectl: " + object + "\n here:    " + ours.get(key));
          }
        });
    assertEquals(List.of(), differing);
  }

  private static Map<String, JsonNode> byName(List<ObjectNode> objects) {
    Map<String, JsonNode> m = new TreeMap<>();
    objects.forEach(o -> m.put(o.path("kind").asText() + "/" + Kustomize.name(o), o));
    return m;
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }

  @Test
  void topicsAndPrincipalsAreThoseOfTheEventBackbone() {
    List<ObjectNode> objects = render("production");
    assertEquals(
        new TreeSet<>(EventBackbone.topics(EventBackbone.PRINCIPALS)),
        ofKind(objects, "KafkaTopic").stream()
            .map(t -> t.at("/spec/topicName").asText())
            .collect(Collectors.toCollection(TreeSet::new)));
    Set<String> granted = new TreeSet<>();
    for (ObjectNode user : ofKind(objects, "KafkaUser")) {
      assertEquals("scram-sha-512", user.at("/spec/authentication/type").asText());
      for (JsonNode acl : user.at("/spec/authorization/acls")) {
        JsonNode r = acl.path("resource");
        for (JsonNode op : acl.path("operations")) {
          granted.add(
              String.join(
                  " ",
                  "User:" + Kustomize.name(user),
                  r.path("type").asText().toUpperCase(),
                  r.path("patternType").asText("literal").equals("prefix") ? "PREFIXED" : "LITERAL",
                  r.path("name").asText(),
                  op.asText().toUpperCase()));
        }
      }
    }
    Set<String> backbone = new TreeSet<>();
    for (AclBinding b : EventBackbone.acls(EventBackbone.PRINCIPALS)) {
      backbone.add(
          String.join(
              " ",
              b.entry().principal(),
              b.pattern().resourceType().name(),
              b.pattern().patternType().name(),
              b.pattern().name(),
              b.entry().operation().name()));
    }
    assertEquals(backbone, granted);
  }

  @Test
  void productionIsRedundantProbedLimitedAndKeepsSecretsOutOfTheManifests() {
    List<ObjectNode> objects = render("production");
    assertEquals(SERVICES, names(ofKind(objects, "Deployment")));
    for (String service : SERVICES) {
      JsonNode d = named(objects, "Deployment", service);
      assertTrue(d.at("/spec/replicas").asInt() >= 2, service + " replicas");
      JsonNode c = d.at("/spec/template/spec/containers/0");
      for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
        assertTrue(c.has(probe), service + " " + probe);
      }
      for (String bound :
          List.of(
              "/resources/requests/cpu",
              "/resources/requests/memory",
              "/resources/limits/memory")) {
        assertFalse(c.at(bound).isMissingNode(), service + bound);
      }
      for (JsonNode env : c.path("env")) {
        String name = env.path("name").asText();
        if (name.matches(".*(PASSWORD|KEY|SECRET).*")) {
          assertTrue(
              env.has("valueFrom") && !env.has("value"), service + " " + name + " by reference");
        }
      }
      assertTrue(
          named(objects, "HorizontalPodAutoscaler", service).at("/spec/minReplicas").asInt() >= 2);
      named(objects, "PodDisruptionBudget", service);
      named(objects, "ServiceMonitor", service);
      JsonNode policy = named(objects, "NetworkPolicy", service);
      Set<Integer> ports = new HashSet<>();
      policy
          .at("/spec/egress")
          .forEach(e -> e.path("ports").forEach(p -> ports.add(p.path("port").asInt())));
      assertEquals(
          Set.of(5432, 9092, 8080, 53, 4317), ports, service + " may reach only its dependencies");
    }
    assertEquals(3, named(objects, "Cluster", "oversight-pg").at("/spec/instances").asInt());
    assertEquals(3, named(objects, "KafkaNodePool", "broker").at("/spec/replicas").asInt());
    assertEquals(3, named(objects, "KafkaNodePool", "controller").at("/spec/replicas").asInt());
    for (ObjectNode topic : ofKind(objects, "KafkaTopic")) {
      assertEquals(3, topic.at("/spec/replicas").asInt());
      assertEquals(2, topic.at("/spec/config/min.insync.replicas").asInt());
    }
    assertTrue(named(objects, "Keycloak", "oversight-keycloak").at("/spec/instances").asInt() >= 2);
    named(objects, "ScheduledBackup", "oversight-pg-daily");
    assertFalse(
        objects.stream().anyMatch(o -> o.path("kind").asText().equals("Secret")),
        "no Secret values");
  }

  /**
   * Every variable a Deployment sets is one its service reads: a placeholder in its configuration,
   * or a property in environment-variable form (QUARKUS_*, OVERSIGHT_*), or the OpenTelemetry
   * exporter's. A misspelt name would otherwise be ignored without a word.
   */
  @Test
  void everyVariableADeploymentSetsIsRead() throws Exception {
    String kit =
        Files.readString(
            K8S.resolve(
                "../../services/shared/kit/src/main/resources/META-INF/microprofile-config.properties"));
    for (ObjectNode d : ofKind(render("production"), "Deployment")) {
      String service = Kustomize.name(d);
      String config =
          kit
              + Files.readString(
                  K8S.resolve(
                      "../../services/" + service + "/src/main/resources/application.properties"));
      for (JsonNode env : d.at("/spec/template/spec/containers/0/env")) {
        String name = env.path("name").asText();
        boolean read =
            config.contains("${" + name + ":")
                || config.contains("${" + name + "}")
                || name.matches("(QUARKUS|OVERSIGHT)_[A-Z0-9_]+");
        assertTrue(read, service + " does not read " + name);
      }
    }
  }

  @Test
  void devRunsOneOfEverything() {
    List<ObjectNode> objects = render("dev");
    ofKind(objects, "Deployment").forEach(d -> assertEquals(1, d.at("/spec/replicas").asInt()));
    ofKind(objects, "KafkaNodePool").forEach(p -> assertEquals(1, p.at("/spec/replicas").asInt()));
    ofKind(objects, "KafkaTopic").forEach(t -> assertEquals(1, t.at("/spec/replicas").asInt()));
    assertEquals(1, named(objects, "Cluster", "oversight-pg").at("/spec/instances").asInt());
    assertTrue(ofKind(objects, "ScheduledBackup").isEmpty());
  }

  @Test
  void theProductionRealmIsTheDemoRealmWithoutItsWeaknesses() throws Exception {
    JsonNode demo = JSON.readTree(K8S.resolve("../keycloak/oversight-realm.json").toFile());
    JsonNode importCr = named(render("production"), "KeycloakRealmImport", "oversight-realm");
    JsonNode realm = importCr.at("/spec/realm");
    assertEquals("all", realm.path("sslRequired").asText());
    assertTrue(realm.path("bruteForceProtected").asBoolean());
    assertEquals(
        each(demo.at("/roles/realm")).map(r -> r.path("name").asText()).collect(Collectors.toSet()),
        each(realm.at("/roles/realm"))
            .map(r -> r.path("name").asText())
            .collect(Collectors.toSet()));
    Map<String, JsonNode> demoClients =
        each(demo.path("clients"))
            .collect(Collectors.toMap(c -> c.path("clientId").asText(), c -> c));
    for (JsonNode client : realm.path("clients")) {
      String id = client.path("clientId").asText();
      assertTrue(demoClients.containsKey(id), id + " is a client of the realm file");
      assertFalse(
          client.path("directAccessGrantsEnabled").asBoolean(), id + " allows the password grant");
      assertEquals(mappers(demoClients.get(id)), mappers(client), id + " issues the same claims");
      if (client.has("secret")) {
        assertTrue(
            client.path("secret").asText().matches("\\$\\{[A-Z_]+}"),
            id + " secret is a placeholder");
        assertTrue(
            importCr
                .at("/spec/placeholders")
                .has(client.path("secret").asText().replaceAll("[${}]", "")));
      }
    }
    for (JsonNode user : realm.path("users")) {
      assertTrue(user.has("serviceAccountClientId"), user.path("username") + " is a demo user");
      assertFalse(user.has("credentials"), user.path("username") + " has a password");
    }
  }

  private static Set<String> mappers(JsonNode client) {
    return each(client.path("protocolMappers"))
        .map(m -> m.path("name").asText())
        .collect(Collectors.toSet());
  }

  private static Set<String> names(List<ObjectNode> objects) {
    return objects.stream().map(Kustomize::name).collect(Collectors.toSet());
  }
}
