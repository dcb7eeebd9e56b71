package cn.anshan.oversight.kit.probe;

import static io.restassured.RestAssured.given;

import cn.anshan.oversight.testkit.OversightTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without {@code oversight.test-clock.enabled} (the default of every packaged service) nobody can
 * read or move the clock: the path answers 404 like any unknown one.
 */
@QuarkusTest
@TestProfile(TestClockDisabledTest.ClockDisabled.class)
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class TestClockDisabledTest {

  public static class ClockDisabled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("oversight.test-clock.enabled", "false");
    }
  }

  @Test
  void theClockCannotBeReadOrMoved() {
    given().get("/test/clock").then().statusCode(404);
    given()
        .contentType(ContentType.JSON)
        .body("{\"advanceSeconds\":86400}")
        .post("/test/clock")
        .then()
        .statusCode(404);
    given().delete("/test/clock").then().statusCode(404);
  }
}
