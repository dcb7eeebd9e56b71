package cn.anshan.oversight.registry.rest.standing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.anshan.oversight.testkit.OversightTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 2 (PLT-12): the public register answers without a token, is cacheable (ETag,
 * Cache-Control, 304 on If-None-Match) and limits each client address (429 problem+json with
 * Retry-After). Run with a limit of 4 a minute so the limit is reached quickly.
 */
@QuarkusTest
@TestProfile(PublicRegisterTest.FourAMinute.class)
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class PublicRegisterTest {

  public static class FourAMinute implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("oversight.http.public.requests-per-minute", "4");
    }
  }

  @Test
  void plt12AnyoneReadsTheRegisterCachedAndRateLimited() {
    // stay inside one minute's window: the limit counts per wall-clock minute
    if (System.currentTimeMillis() % 60_000 > 50_000) {
      sleepUntilNextMinute();
    }
    String etag =
        given()
            .get("/api/v1/public/institutions")
            .then()
            .statusCode(200)
            .header("Cache-Control", equalTo("public, max-age=60"))
            .header("ETag", startsWith("\""))
            .extract()
            .header("ETag");
    given()
        .header("If-None-Match", etag)
        .get("/api/v1/public/institutions")
        .then()
        .statusCode(304)
        .body(emptyString());
    given().get("/api/v1/public/institutions").then().statusCode(200);
    given().get("/api/v1/public/institutions").then().statusCode(200);
    String retryAfter =
        given()
            .get("/api/v1/public/institutions")
            .then()
            .statusCode(429)
            .contentType("application/problem+json")
            .body("type", equalTo("https://oversight.anshan.gov.cn/problems/rate-limited"))
            .extract()
            .header("Retry-After");
    long seconds = Long.parseLong(retryAfter);
    assertTrue(seconds >= 1 && seconds <= 60, retryAfter);
  }

  private static void sleepUntilNextMinute() {
    try {
      Thread.sleep(60_000 - System.currentTimeMillis() % 60_000 + 100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
