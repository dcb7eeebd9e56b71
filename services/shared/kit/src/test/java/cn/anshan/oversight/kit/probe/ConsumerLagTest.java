package cn.anshan.oversight.kit.probe;

import static cn.anshan.oversight.kit.probe.KitMechanicsTest.execute;
import static cn.anshan.oversight.kit.probe.KitMechanicsTest.label;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.testkit.OversightTestResources;
import cn.anshan.oversight.testkit.TestInfra;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: readiness shows each consumer group's lag, and turns DOWN when a group stays behind
 * without progress — here a consumer retrying one record in place because its database refuses the
 * effect — for longer than {@code readiness-max-stall} (3 s here); it is UP again once the record
 * goes through.
 */
@QuarkusTest
@TestProfile(ConsumerLagTest.ShortStall.class)
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class ConsumerLagTest {
  static final String GROUP = "probe-effects";

  public static class ShortStall implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "oversight.inbox.lag.readiness-max-stall", "3s",
          "oversight.inbox.lag.check-interval", "200ms");
    }
  }

  private static JsonPath readiness() {
    return given().get("/q/health/ready").then().extract().jsonPath();
  }

  private static String status() {
    return readiness().getString("checks.find { it.name == 'consumers' }.status");
  }

  private static long data(String key) {
    return readiness().getLong("checks.find { it.name == 'consumers' }.data['" + key + "']");
  }

  @Test
  void aGroupStuckOnOneRecordTurnsReadinessDownUntilItMovesOn() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> "UP".equals(status()));
    String item = UUID.randomUUID().toString();
    execute("revoke insert on probe_effect from " + TestInfra.serviceUser());
    try {
      label(item, "while-refused");
      await().atMost(Duration.ofSeconds(60)).until(() -> "DOWN".equals(status()));
      assertTrue(data(GROUP + ".lag") >= 1);
      assertTrue(data(GROUP + ".stalledSeconds") > 3);
      assertEquals(0, effects(item));
    } finally {
      execute("grant insert on probe_effect to " + TestInfra.serviceUser());
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "UP".equals(status()) && data(GROUP + ".lag") == 0);
    assertEquals(1, effects(item));
  }

  private static long effects(String item) {
    return TestInfra.count("select count(*) from probe_effect where item_id = ?", item);
  }
}
