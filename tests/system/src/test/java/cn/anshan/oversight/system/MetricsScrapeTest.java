package cn.anshan.oversight.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 20 item 1 on the real platform: every service's /q/metrics answers the realm's
 * prometheus-scraper client (client credentials, role platform-operator) with Quarkus' and the
 * kit's metrics, after the story ran; without a token it is 401, for a parent 403.
 */
@ExtendWith(LocalPlatformFixture.class)
@Order(7)
class MetricsScrapeTest {
  private final Endpoints urls = Endpoints.fromEnvironment();
  private final HttpClient http = HttpClients.http11(Duration.ofSeconds(10));
  private final Tokens tokens = new Tokens(urls, http);

  private int get(String url, String token, StringBuilder body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    body.append(res.body());
    return res.statusCode();
  }

  @TestFactory
  Stream<DynamicTest> everyServiceServesItsMetricsToTheScraperOnly() {
    String scraper = tokens.ofClient("prometheus-scraper", "prometheus-scraper-demo-secret");
    String parent = tokens.of("parent-1");
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, String> s : urls.services().entrySet()) {
      String url = s.getValue() + "/q/metrics";
      tests.add(
          DynamicTest.dynamicTest(
              s.getKey() + ": 401 without a token, 403 for a parent, 200 for the scraper",
              () -> {
                assertEquals(401, get(url, null, new StringBuilder()), url);
                assertEquals(403, get(url, parent, new StringBuilder()), url);
                StringBuilder scrape = new StringBuilder();
                assertEquals(200, get(url, scraper, scrape), url);
                for (String series :
                    List.of(
                        "oversight_outbox_backlog_events ",
                        "oversight_outbox_oldest_unsent_age_seconds ",
                        "oversight_relay_published_events_total ",
                        "http_server_requests_seconds_count{",
                        "jvm_memory_used_bytes{")) {
                  assertTrue(scrape.indexOf(series) >= 0, s.getKey() + " shows no " + series);
                }
              }));
    }
    return tests.stream();
  }
}
