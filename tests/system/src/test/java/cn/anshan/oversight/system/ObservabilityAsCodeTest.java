package cn.anshan.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20 item 4: every metric a Grafana dashboard or a Prometheus alert rule under {@code
 * deploy/observability} refers to is served by the running platform, after the story ran (so a
 * renamed meter or a typo in a query fails the build instead of drawing an empty panel or never
 * firing). Also: every file parses, and every alert has a severity and a summary.
 */
@ExtendWith(LocalPlatformFixture.class)
@Order(7)
class ObservabilityAsCodeTest {
  /**
   * A metric name in PromQL once label matchers, grouping clauses, ranges and strings are removed:
   * every name the services serve has an underscore, so Prometheus' own {@code up} and the
   * aggregation operators are not taken for one.
   */
  private static final Pattern NAME = Pattern.compile("\\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\\b");

  private static final Set<String> FUNCTIONS = Set.of("histogram_quantile", "label_values");

  private final Endpoints urls = Endpoints.fromEnvironment();
  private final HttpClient http = HttpClients.http11(Duration.ofSeconds(10));
  private final Tokens tokens = new Tokens(urls, http);
  private final Path observability =
      Path.of(System.getProperty("oversight.repo", "../.."))
          .toAbsolutePath()
          .normalize()
          .resolve("deploy/observability");

  @Test
  void everyMetricTheDashboardsAndAlertsUseIsServed() throws Exception {
    Map<String, List<String>> queries = queries();
    assertTrue(queries.size() >= 5, "dashboards and alert rules found: " + queries.keySet());
    Set<String> served = served();
    List<String> missing = new ArrayList<>();
    queries.forEach(
        (where, exprs) -> {
          for (String expr : exprs) {
            for (String metric : metricsIn(expr)) {
              if (!served.contains(metric)) {
                missing.add(where + ": " + metric + " in " + expr);
              }
            }
          }
        });
    assertEquals(List.of(), missing, "metrics no service serves");
  }

  @Test
  void everyAlertSaysHowBadAndWhat() throws Exception {
    List<JsonNode> rules = alertRules();
    for (JsonNode rule : rules) {
      String name = rule.path("alert").asText();
      assertTrue(
          Set.of("critical", "warning").contains(rule.path("labels").path("severity").asText()),
          name + " has no severity");
      assertTrue(!rule.path("annotations").path("summary").asText().isBlank(), name);
    }
    assertTrue(rules.size() >= 10, "alert rules: " + rules.size());
  }

  /** Every PromQL expression, by the file (and dashboard panel or alert) it is in. */
  private Map<String, List<String>> queries() throws Exception {
    Map<String, List<String>> queries = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(observability.resolve("grafana"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode dashboard = json.readTree(file.toFile());
        for (JsonNode panel : dashboard.path("panels")) {
          queries.put(
              file.getFileName() + " / " + panel.path("title").asText(),
              panel.path("targets").findValuesAsText("expr"));
        }
      }
    }
    for (JsonNode rule : alertRules()) {
      queries.put(
          "alerts.yml / " + rule.path("alert").asText(), List.of(rule.path("expr").asText()));
    }
    return queries;
  }

  /** Every rule of every group in the alert rules file. */
  private List<JsonNode> alertRules() throws Exception {
    JsonNode file =
        new YAMLMapper().readTree(observability.resolve("prometheus/alerts.yml").toFile());
    List<JsonNode> rules = new ArrayList<>();
    file.path("groups").forEach(group -> group.path("rules").forEach(rules::add));
    return rules;
  }

  static Set<String> metricsIn(String expr) {
    String bare =
        expr.replaceAll("\"[^\"]*\"", "")
            .replaceAll("\\{[^}]*}", "")
            .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", "")
            .replaceAll("\\[[^]]*]", "");
    Set<String> names = new TreeSet<>();
    Matcher m = NAME.matcher(bare);
    while (m.find()) {
      if (!FUNCTIONS.contains(m.group())) {
        names.add(m.group());
      }
    }
    return names;
  }

  /** The metric names all five services serve to the scraper. */
  private Set<String> served() throws Exception {
    String scraper = tokens.ofClient("prometheus-scraper", "prometheus-scraper-demo-secret");
    Set<String> names = new TreeSet<>();
    for (Map.Entry<String, String> s : urls.services().entrySet()) {
      HttpResponse<String> res =
          http.send(
              HttpRequest.newBuilder(URI.create(s.getValue() + "/q/metrics"))
                  .header("Authorization", "Bearer " + scraper)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, res.statusCode(), s.getKey());
      res.body()
          .lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.split("[{ ]", 2)[0])
          .forEach(names::add);
    }
    return names;
  }
}
