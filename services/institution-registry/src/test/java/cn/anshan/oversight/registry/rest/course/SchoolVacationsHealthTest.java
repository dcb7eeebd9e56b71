package cn.anshan.oversight.registry.rest.course;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.anshan.oversight.testkit.OversightTestResources;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Issue 18 item 6: readiness says how long TIM-01's school-vacation data lasts. */
@QuarkusTest
@WithTestResource(value = OversightTestResources.class, scope = TestResourceScope.GLOBAL)
class SchoolVacationsHealthTest {
  static final String CHECK = "checks.find { it.name == 'school-vacations' }.";

  @Test
  void tim01ReadinessShowsTheLastDayWithVacationData() {
    given()
        .get("/q/health/ready")
        .then()
        .body(CHECK + "status", equalTo("UP"))
        .body(CHECK + "data.until", equalTo("2027-12-31"));
  }
}
