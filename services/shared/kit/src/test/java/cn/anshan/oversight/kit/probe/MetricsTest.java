package cn.anshan.oversight.kit.probe;

import static cn.anshan.oversight.kit.probe.KitMechanicsTest.label;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.testkit.Metrics;
import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.Tokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 1: the platform's own metrics on /q/metrics, for the platform operator only: the
 * relay's published events, the sampled outbox backlog and its age, and refusals by rule ID.
 */
@QuarkusTest
@TestProfile(MetricsTest.FastSampling.class)
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class MetricsTest {
  // built per use, not in static fields: the issuer is a system property the test resource sets,
  // so a static token made before the first test class started the resources has no issuer
  static Tokens operator() {
    return Tokens.user("ops-1").role("platform-operator");
  }

  static Tokens regulator() {
    return Tokens.user("reg-1").role("regulator").district("tiedong");
  }

  public static class FastSampling implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("oversight.metrics.sample-interval", "200ms");
    }
  }

  @Test
  void onlyThePlatformOperatorReadsTheMetrics() {
    given().get("/q/metrics").then().statusCode(401);
    given().header("Authorization", regulator().bearer()).get("/q/metrics").then().statusCode(403);
    given()
        .header("Authorization", operator().bearer())
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("# TYPE oversight_outbox_backlog_events gauge"))
        .body(containsString("oversight_outbox_oldest_unsent_age_seconds"))
        .body(containsString("oversight_relay_leader 1.0"))
        .body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void parkedEventsAreWatchedBeforeAnyIsParkedAndLatencyHasBuckets() {
    given().header("Authorization", regulator().bearer()).get("/probe/items/none").then();
    String scrape = Metrics.scrape();
    assertTrue(
        Metrics.value(
                scrape,
                "oversight_inbox_parked_events{consumer=\"" + ProbeConsumer.CONSUMER + "\"}")
            >= 0,
        "the probe consumer's parked gauge exists before anything was parked");
    assertTrue(
        scrape.contains("http_server_requests_seconds_bucket{") && scrape.contains("le=\"0.05\""),
        "request latency has the 50 ms bucket, so a p99 can be taken across replicas");
  }

  @Test
  void publishedEventsAndRefusalsByRuleAreCounted() {
    double before = Math.max(0, Metrics.value("oversight_relay_published_events_total"));
    label(UUID.randomUUID().toString(), "counted");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Metrics.value("oversight_relay_published_events_total") >= before + 1);

    String refused = "oversight_refusals_total{rule=\"TEST-01\",status=\"422\"}";
    double refusalsBefore = Math.max(0, Metrics.value(refused));
    given()
        .header("Authorization", regulator().bearer())
        .contentType(ContentType.JSON)
        .body("{\"label\":\"refused\"}")
        .queryParam("fail", true)
        .post("/probe/items/{id}/labels", UUID.randomUUID().toString())
        .then()
        .statusCode(422);
    assertTrue(
        Metrics.value(refused) >= refusalsBefore + 1,
        "a refusal naming TEST-01 is counted under its rule");
    // the backlog is sampled: once the relay caught up it reads 0 with age 0
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> Metrics.value("oversight_outbox_backlog_events") == 0);
  }
}
